// Load time, as BENCHMARKS.md reports it: serves dist/ (or $HUTONG_DIST), opens the app N times in
// fresh pages for each dataset (the curated one, and a synthetic one of 10,000 events and 50
// platforms) and prints, per page and as medians:
//   load      the first frame after the network's drawing is in the page (timed in the page: a
//             task queued from that frame's animation callback), as tests/perf/playback.mjs does;
//   fcp       First Contentful Paint, the browser's own figure for "something is on screen";
//   loaf_end  the end of the long animation frame that renders the first view (its script,
//             style, layout and paint; the Long Animation Frames API; null if it was not long);
//   wasm      when the wasm module had arrived (Resource Timing's responseEnd);
//   main      when the network's drawing was inserted (the end of the app's first build).
// Every figure is in milliseconds from the navigation's start.
// Run: node tests/perf/load.mjs  (after `trunk build --release`). N=8 by default; DATASETS=synthetic
// or DATASETS=curated to measure one of them; THROTTLE=1.6 slows the page's CPU 1.6 times (Chrome's
// CPU throttling) to see the margin a slower machine would leave.
import { serve, browser } from '../e2e/harness.mjs';

const N = Number(process.env.N || 8);
const WHICH = (process.env.DATASETS || 'curated,synthetic').split(',');
const THROTTLE = Number(process.env.THROTTLE || 1);

async function once(b, url) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__loaf = [];
    window.__main = null;
    window.__load = null;
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__loaf.push([e.startTime, e.duration]); })
        .observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) { window.__loaf = null; }
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="network"] .edge-line')) {
        seen.disconnect();
        window.__main = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__load = performance.now(); }));
      }
    });
    seen.observe(document, { subtree: true, childList: true });
  });
  if (THROTTLE > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__load !== null, null, { timeout: 60000 });
  // Give the paint entries a moment to be queued.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10000 });
  const r = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null;
    // The frame that renders the first view is the one whose tasks include the app's build (none
    // when that frame took under 50 ms: the API reports long frames only).
    const frame = (window.__loaf || []).find(([s, d]) => s <= window.__main && window.__main <= s + d);
    const loafEnd = frame ? frame[0] + frame[1] : null;
    return { load: window.__load, fcp, loaf_end: loafEnd, wasm, main: window.__main };
  });
  await page.close();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Math.round(v)]));
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const server = await serve();
const b = await browser();
try {
  const sets = { curated: '?lang=en&date=2004-01-01&reps=1', synthetic: '?lang=en&date=2004-01-01&reps=1&synthetic=10000' };
  for (const name of WHICH) {
    const runs = [];
    for (let i = 0; i < N; i++) runs.push(await once(b, server.url + sets[name]));
    for (const r of runs) console.log(name, JSON.stringify(r));
    const keys = Object.keys(runs[0]);
    const summary = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
    const range = (k) => [Math.min(...runs.map((r) => r[k])), Math.max(...runs.map((r) => r[k]))];
    console.log(JSON.stringify({ dataset: name, pages: N, throttle: THROTTLE, median: summary, load_range: range('load'), fcp_range: range('fcp') }));
  }
} finally {
  await b.close();
  await server.close();
}
