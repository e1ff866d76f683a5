// The event editor's cost as a reader types (issue 23): with the CPU slowed (RATE, default 4), a
// date typed into the form of an existing event, key by key through the browser's input; reports
// each key's event duration (Event Timing), the long tasks (over 50 ms) from the first key until
// the preview is ready, and how long that took; `LANGUAGE=1` then switches the language with the
// form open. Run after `trunk build --release`.
import { serve, browser, openPage } from '../e2e/harness.mjs';

const RATE = Number(process.env.RATE || 4);
const server = await serve();
const b = await browser();
try {
  const { page } = await openPage(b, `${server.url}?lang=en&event=taobao-shop-card`);
  await page.click('[data-testid="details-edit"]');
  await page.locator('[data-testid="preview-count"]').waitFor({ timeout: 60000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.evaluate(() => {
    window.__long = [];
    window.__events = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === 'keydown' || e.name === 'input' || e.name === 'keyup') window.__events.push([e.name, Math.round(e.duration)]); }))
      .observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
  await page.fill('[data-testid="edit-date"]', '');
  const started = Date.now();
  await page.type('[data-testid="edit-date"]', '2019-03', { delay: 120 });
  await page.locator('[data-testid="preview-change"]').first().waitFor({ timeout: 120000 });
  const took = Date.now() - started;
  await page.waitForTimeout(500);
  if (process.env.LANGUAGE) { await page.click('[data-testid="lang-toggle"]'); await page.waitForTimeout(1500); }
  const { long, events } = await page.evaluate(() => ({ long: window.__long, events: window.__events }));
  console.log(JSON.stringify({ rate: RATE, ms_to_preview_from_first_key: took, long_tasks_ms: long, key_events_over_16ms: events }));
} finally {
  await b.close();
  await server.close();
}
