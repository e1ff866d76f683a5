// The open questions of a year (issue 23): with the CPU slowed (RATE, default 1), the time from
// opening `?questions=YEAR` (default 2020) until every question is counted and until each is
// weighed against the simulation, and the long tasks (over 50 ms) meanwhile. Run after
// `trunk build --release`.
import { serve, browser, openPage } from '../e2e/harness.mjs';

const RATE = Number(process.env.RATE || 1);
const YEAR = process.env.YEAR || '2020';
const server = await serve();
const b = await browser();
try {
  const { page } = await openPage(b, `${server.url}?lang=en`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask' });
  });
  const started = Date.now();
  const t0 = await page.evaluate(() => Math.round(performance.now()));
  // Opened on the view's year (the default view's is 2020), then moved to YEAR if it differs.
  await page.click('[data-testid="agenda"] summary');
  if ((await page.inputValue('[data-testid="agenda-year"]')) !== YEAR) await page.selectOption('[data-testid="agenda-year"]', YEAR);
  await page.locator('[data-testid="agenda-row"]').first().waitFor({ timeout: 300000 });
  const counted = Date.now() - started;
  const t1 = await page.evaluate(() => Math.round(performance.now()));
  await page.locator('[data-testid="agenda-list"][data-weighed="true"]').waitFor({ timeout: 600000 });
  const weighed = Date.now() - started;
  // Each long task: when it started (ms after the click), how long, and in which phase.
  const long = (await page.evaluate(() => window.__long)).map(([at, ms]) => `${ms} ms at +${at - t0} (${at < t1 ? 'counting' : 'weighing'})`);
  const rows = await page.locator('[data-testid="agenda-worth"]').count();
  console.log(JSON.stringify({ rate: RATE, year: YEAR, ms_counted: counted, ms_weighed: weighed, long_tasks_ms: long, weighed_rows_shown: rows }));
} finally {
  await b.close();
  await server.close();
}
