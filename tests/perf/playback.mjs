// Playback speed, as BENCHMARKS.md reports it: serves dist/, opens the app (the curated dataset, and
// a synthetic one of 10,000 events and 50 platforms), waits for it to load, plays for 20 s and
// records long animation frames (the Long Animation Frames API: frames over 50 ms).
// Run: node tests/perf/playback.mjs  (after `trunk build --release`).
// Not yet measured: p95 main-thread work per frame (LoAF reports only frames over 50 ms).
import { serve, browser } from '../e2e/harness.mjs';

const SECONDS = Number(process.env.SECONDS_PLAYED || 20);

async function measure(b, url, label) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__loaf = [];
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__loaf.push(e.duration); })
        .observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) { window.__loaf = null; }
  });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('[data-testid="edge"]', { timeout: 60000 });
  const loadMs = await page.evaluate(() => performance.now());
  await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 120000 });
  const nEdges = await page.locator('[data-testid="edge"]').count();
  const nEvents = Number(await page.textContent('[data-testid="event-count"]'));
  await page.evaluate(() => { window.__loaf.length = 0; });
  await page.selectOption('[data-testid="speed"]', '365');
  await page.click('[data-testid="play"]');
  await page.waitForTimeout(SECONDS * 1000);
  await page.click('[data-testid="play"]');
  const loaf = await page.evaluate(() => window.__loaf);
  const playhead = await page.getAttribute('[data-testid="playhead"]', 'data-date');
  const over50 = loaf === null ? 'n/a' : loaf.filter((d) => d > 50).length;
  console.log(JSON.stringify({
    label, events: nEvents, edges: nEdges, load_ms: Math.round(loadMs), wall_ms: Date.now() - t0, played_s: SECONDS,
    playhead, long_animation_frames_over_50ms: over50, loaf_max_ms: loaf?.length ? Math.round(Math.max(...loaf)) : 0,
  }));
  await page.close();
}

const server = await serve();
const b = await browser();
try {
  await measure(b, `${server.url}?lang=en&date=2004-01-01&reps=1`, 'curated dataset');
  await measure(b, `${server.url}?lang=en&date=2004-01-01&reps=1&synthetic=10000`, 'synthetic 10,000 events, 50 platforms');
} finally {
  await b.close();
  await server.close();
}
