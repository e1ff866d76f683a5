// How long each interaction takes, as a reader on a phone would feel it (issue 24): the built site
// in Chromium with the CPU slowed 4× (as Lighthouse's mobile run does), after the page has settled
// (read through, every part in). Each control is used with real input (mouse clicks and key
// presses through the browser's input pipeline, which the Event Timing API times; a programmatic
// `change` event is not timed), and the script reports the longest event duration of the
// interaction (the worst of RUNS, then the median of the runs and each run's), where it went (input
// delay + handlers + until the paint, of that event), and the long animation frames (over 50 ms)
// it caused. Run after
// `trunk build --release`:
//   node tests/perf/interactions.mjs            (RATE=4, RUNS=1; JSON=1 for one JSON line per row;
//                                               ONLY=regex reports only the rows it matches)
// Not a test: timings depend on the machine's load. BENCHMARKS.md keeps its table.
import { serve, browser, openPage } from '../e2e/harness.mjs';
import { INTERACTIONS } from './interaction_list.mjs';

const RATE = Number(process.env.RATE || 4);
const RUNS = Number(process.env.RUNS || 1);

/** Starts recording event timings and long animation frames in the page. */
async function record(page) {
  await page.evaluate(() => {
    window.__timings = { events: [], loafs: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) {
          window.__timings.events.push({
            name: e.name, duration: e.duration, start: e.startTime,
            // Where the time went: waiting for the main thread, the handlers, then to the paint.
            delay: e.processingStart - e.startTime, handlers: e.processingEnd - e.processingStart,
            paint: e.startTime + e.duration - e.processingEnd,
          });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__timings.loafs.push({ duration: e.duration, start: e.startTime });
      }).observe({ type: 'long-animation-frame', buffered: false });
    }
  });
}

/** Runs `act`, waits for the page to settle, and gives the worst event duration and long frames. */
async function measure(page, act) {
  const since = await page.evaluate(() => performance.now());
  await act();
  await page.waitForTimeout(800);
  return page.evaluate((since) => {
    const events = window.__timings.events.filter((e) => e.start >= since);
    const loafs = window.__timings.loafs.filter((e) => e.start >= since && e.duration > 50);
    const worst = events.reduce((a, e) => (a && a.duration >= e.duration ? a : e), null);
    return {
      worst_event_ms: Math.round(Math.max(0, ...events.map((e) => e.duration))),
      split: worst ? `${Math.round(worst.delay)} + ${Math.round(worst.handlers)} + ${Math.round(worst.paint)}` : '',
      events: [...new Set(events.map((e) => e.name))].join(' '),
      long_frames: loafs.length,
      worst_frame_ms: Math.round(Math.max(0, ...loafs.map((e) => e.duration))),
    };
  }, since);
}

const server = await serve();
const b = await browser();
try {
  const rows = new Map();
  for (let run = 0; run < RUNS; run++) {
    const { page } = await openPage(b, `${server.url}?date=2020-06-01`, { width: 390, height: 844 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    await record(page);
    // ONLY='language|story': just the interactions whose names match (the others still set the
    // page up in order: they run, unreported).
    for (const [name, act] of INTERACTIONS) {
      let result;
      try {
        await page.keyboard.press('Escape').catch(() => {});
        result = await measure(page, () => act(page));
      } catch (e) {
        result = { error: e.message.split('\n')[0] };
      }
      const seen = rows.get(name) || [];
      seen.push(result);
      rows.set(name, seen);
    }
    await page.close();
  }
  for (const [name, results] of rows) {
    if (process.env.ONLY && !new RegExp(process.env.ONLY).test(name)) continue;
    const worst = results.reduce((a, r) => (r.error || (a && a.worst_event_ms >= r.worst_event_ms) ? a : r), null) || results[0];
    // The median of the runs' worst events too: on a noisy machine one run's worst moves by tens
    // of milliseconds.
    const each = results.filter((r) => !r.error).map((r) => r.worst_event_ms).sort((a, b) => a - b);
    const median = each.length ? each[(each.length - 1) >> 1] : null;
    if (process.env.JSON) console.log(JSON.stringify({ name, ...worst, median_event_ms: median, runs_ms: each }));
    else console.log(`| ${name} | ${worst.error ? `error: ${worst.error}` : `${worst.worst_event_ms} ms (${worst.events || '—'})`} | ${median ?? ''} ms (${each.join(', ')}) | ${worst.split || ''} | ${worst.error ? '' : `${worst.long_frames} (worst ${worst.worst_frame_ms} ms)`} |`);
  }
} finally {
  await b.close();
  await server.close();
}
