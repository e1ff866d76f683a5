// Playback speed, as BENCHMARKS.md reports it: serves dist/, opens the app (the curated dataset, and
// a synthetic one of 10,000 events and 50 platforms), waits for it to load, plays for 20 s and
// records long animation frames (the Long Animation Frames API: frames over 50 ms).
// Load is timed in the page: the first frame after the network's drawing is in (`load_ms`; it also
// counts tasks queued before its timer, such as the part of the page built after the first frame),
// First Contentful Paint (`fcp_ms`), and the first frame with every timeline mark in (`complete_ms`;
// long lists are built in slices). tests/perf/load.mjs measures load alone over many pages.
// Run: node tests/perf/playback.mjs  (after `trunk build --release`).
// Main-thread work per frame comes from a Chrome trace of the same 20 s (from the play click to the
// pause click, neither included): every `RunTask` of the
// renderer's main thread is put in the 16.7 ms frame slot it starts in; the figures are the p95 and
// the maximum of the summed work over the slots that have any work at all (idle slots would only
// flatter the p95).
import { serve, browser, endTrace, readThrough } from '../e2e/harness.mjs';

const SECONDS = Number(process.env.SECONDS_PLAYED || 20);

async function measure(b, url, label) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    // Load: the first frame after the network's drawing is in the page (its controls are built in
    // the same task), timed in the page itself.
    window.__firstEdge = null;
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="network"] .edge-line')) {
        seen.disconnect();
        // A task queued from the frame's animation callback runs once that frame is rendered.
        requestAnimationFrame(() => setTimeout(() => { window.__firstEdge = performance.now(); }));
        // Complete: the first frame with every timeline mark in (long lists come in slices).
        window.__complete = null;
        const check = () => {
          const n = Number(document.querySelector('[data-testid="event-count"]')?.textContent);
          if (n && document.querySelectorAll('[data-testid="event"]').length >= n) setTimeout(() => { window.__complete = performance.now(); });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }
    });
    seen.observe(document, { subtree: true, childList: true });
    window.__loaf = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__loaf.push([e.startTime, e.duration,
            { render: Math.round(e.renderStart - e.startTime), style: Math.round(e.styleAndLayoutStart - e.startTime), scripts: e.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)}`) }]);
        }
      })
        .observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) { window.__loaf = null; }
  });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstEdge !== null, null, { timeout: 60000 });
  const loadMs = await page.evaluate(() => window.__firstEdge);
  // The browser's own figure for the first frame on screen (the page paints nothing before the app).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10000 });
  const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  // The parts below the first screen (timeline, simulation) come as the reader nears them.
  await readThrough(page);
  const nEvents = Number(await page.textContent('[data-testid="event-count"]'));
  await page.waitForFunction(() => window.__complete !== null, null, { timeout: 60000 });
  const completeMs = await page.evaluate(() => window.__complete);
  await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 120000 });
  const nEdges = await page.locator('[data-testid="edge"]').count();
  await page.evaluate(() => { window.__loaf.length = 0; });
  await page.selectOption('[data-testid="speed"]', '365');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
  const tPlay = await page.evaluate(() => performance.now());
  await page.click('[data-testid="play"]');
  await page.waitForTimeout(SECONDS * 1000);
  // The playback's figures end at the pause click; pausing (which writes the date to the URL and
  // re-answers the explorer) is reported on its own.
  const tEnd = await page.evaluate(() => performance.now());
  await page.click('[data-testid="play"]');
  await page.waitForTimeout(1000);
  const work = await frameWork(cdp);
  const all = await page.evaluate(() => window.__loaf);
  // LOAF=1: when each long frame began, from the press of Play (ms), and how long it was.
  if (process.env.LOAF) console.error(JSON.stringify(all.filter(([, d]) => d > 50).map(([s, d, at]) => [Math.round(s - tPlay), Math.round(d), at])));
  const loaf = all && all.filter(([start]) => start < tEnd).map(([, d]) => d);
  const pauseFrames = all && all.filter(([start]) => start >= tEnd).map(([, d]) => d);
  const playhead = await page.getAttribute('[data-testid="playhead"]', 'data-date');
  const over50 = loaf === null ? 'n/a' : loaf.filter((d) => d > 50).length;
  console.log(JSON.stringify({
    label, events: nEvents, edges: nEdges, load_ms: Math.round(loadMs), fcp_ms: Math.round(fcpMs), complete_ms: Math.round(completeMs), wall_ms: Date.now() - t0, played_s: SECONDS,
    playhead, long_animation_frames_over_50ms: over50, loaf_max_ms: loaf?.length ? Math.round(Math.max(...loaf)) : 0,
    ...work,
    pause_long_frames_ms: pauseFrames === null ? 'n/a' : pauseFrames.map(Math.round),
  }));
  await page.close();
}

/** Ends the trace and sums the renderer main thread's tasks per 16.7 ms frame slot. */
async function frameWork(cdp) {
  const events = await endTrace(cdp);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  // Playback runs from the play click to the pause click.
  const clicks = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click').map((e) => e.ts);
  const [from, to] = [Math.min(...clicks), Math.max(...clicks)];
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && e.dur
    && e.ts > from && e.ts + e.dur < to);
  // The renderer doing the most work is the page's.
  const byThread = new Map();
  for (const t of tasks) byThread.set(`${t.pid}:${t.tid}`, (byThread.get(`${t.pid}:${t.tid}`) || 0) + t.dur);
  const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Wall time of the tasks (what a frame waits for) and, beside it, the main thread's CPU time in them
  // (`tdur`): on this two-core machine the raster and compositor threads preempt the main thread,
  // so wall time also counts time it was ready but not running.
  const slots = new Map();
  const cpu = new Map();
  for (const t of tasks.filter((t) => `${t.pid}:${t.tid}` === main)) {
    const slot = Math.floor(t.ts / 16667);
    slots.set(slot, (slots.get(slot) || 0) + t.dur / 1000);
    cpu.set(slot, (cpu.get(slot) || 0) + (t.tdur ?? t.dur) / 1000);
  }
  const busy = [...slots.values()].sort((a, b) => a - b);
  const busyCpu = [...cpu.values()].sort((a, b) => a - b);
  const at = (list, q) => list.length ? list[Math.min(list.length - 1, Math.floor(q * list.length))] : 0;
  return {
    frames_with_work: busy.length,
    work_per_frame_p50_ms: +at(busy, 0.5).toFixed(2),
    work_per_frame_p95_ms: +at(busy, 0.95).toFixed(2),
    work_per_frame_max_ms: +(busy.at(-1) ?? 0).toFixed(1),
    cpu_per_frame_p95_ms: +at(busyCpu, 0.95).toFixed(2),
  };
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
