// Where playback's main-thread time goes: plays for SECONDS_PLAYED (10) s under a Chrome trace and
// prints the busiest trace events of the page's main thread, and the work per 16.7 ms frame slot.
// A diagnostic for changing the code, not a benchmark (tests/perf/playback.mjs gives the figures).
// Run after `trunk build --release`:
//   node tests/perf/probe_breakdown.mjs ['&synthetic=10000']
// Options (environment): CSS='…' or JS='…' apply a change to the page before playing (try an idea
// without a rebuild); CPU=1 counts thread CPU time instead of wall time; TASK=RunTask picks the task
// event; CATS sets the trace categories; ROWS, BIG (the longest tasks, with what is inside them),
// DUMP=<event name> (its longest instances with arguments), PAINTS=1 (paints by layer); MOVE=1
// moves the pointer off the play button.
import { serve, browser, endTrace, readThrough } from '../e2e/harness.mjs';
const SECONDS = Number(process.env.SECONDS_PLAYED || 10);
const server = await serve();
const b = await browser();
const url = process.argv[2] || '';
try {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${server.url}?lang=en&date=2004-01-01&reps=1${url}`);
  // The parts below the first screen (the simulation among them) come as the reader nears them.
  await page.waitForSelector('[data-testid="edge"]');
  await readThrough(page);
  await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 120000 });
  await page.selectOption('[data-testid="speed"]', '365');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: process.env.CATS || 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink', transferMode: 'ReturnAsStream' });
  if (process.env.JS) await page.evaluate(process.env.JS);
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await page.click('[data-testid="play"]');
  if (process.env.MOVE) await page.mouse.move(5, 5);
  await page.waitForTimeout(SECONDS * 1000);
  await page.click('[data-testid="play"]');
  const events = await endTrace(cdp);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) || 0) + e.dur);
  const clickEv = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click'); const main = clickEv ? `${clickEv.pid}:${clickEv.tid}` : [...byThread.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const sums = new Map();
  for (const e of events) if (e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur) { const k = e.name + (e.name === 'EventDispatch' ? ':' + e.args?.data?.type : '') ; const s = sums.get(k) || [0, 0]; s[0] += process.env.CPU ? (e.tdur ?? 0) : e.dur; s[1]++; sums.set(k, s); }
  const rows = [...sums.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, Number(process.env.ROWS||14));
  if (process.env.DUMP) { const ps = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.name === process.env.DUMP).sort((a, b) => b.dur - a.dur).slice(0, 12); for (const e of ps) console.log(e.dur, JSON.stringify(e.args).slice(0, 300)); }
  const clicks = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click').map((e) => e.ts);
  const [from, to] = [Math.min(...clicks), Math.max(...clicks)];
  const slots = new Map();
  for (const t of events) if (t.ph === 'X' && t.name === (process.env.TASK || 'ThreadControllerImpl::RunTask') && `${t.pid}:${t.tid}` === main && t.dur && t.ts > from && t.ts + t.dur < to) { const sl = Math.floor(t.ts / 16667); slots.set(sl, (slots.get(sl) || 0) + (process.env.CPU ? (t.tdur ?? -1000) : t.dur) / 1000); }
  const busy = [...slots.values()].sort((a, b) => a - b); const at = (q) => busy[Math.min(busy.length - 1, Math.floor(q * busy.length))];
  console.log(`slots ${busy.length} p50 ${at(0.5).toFixed(1)} p95 ${at(0.95).toFixed(1)} max ${busy.at(-1).toFixed(1)}`);
  const big = events.filter((t) => t.ph === 'X' && t.name === (process.env.TASK || 'ThreadControllerImpl::RunTask') && `${t.pid}:${t.tid}` === main && t.ts > from && t.ts + t.dur < to).sort((a, b) => b.dur - a.dur).slice(0, Number(process.env.BIG || 0));
  for (const t of big) { const inner = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1000).map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur/1000).toFixed(1)}`); console.log(`task ${(t.dur/1000).toFixed(1)} ms at ${((t.ts - from)/1e6).toFixed(2)} s: ${inner.join(', ')}`); }
  if (process.env.PAINTS) { const m = new Map(); for (const e of events) if (e.ph === 'X' && e.name === 'Paint' && `${e.pid}:${e.tid}` === main && e.ts > from && e.ts < to) { const k = `${e.args?.data?.nodeName} ${e.args?.data?.nodeId} ${JSON.stringify(e.args?.data?.clip)}`; const v = m.get(k) || [0, 0]; v[0] += e.dur / 1000; v[1]++; m.set(k, v); } for (const [k, [d, n]] of [...m.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) console.log(`paint ${d.toFixed(0)} ms ${n}x ${k}`); }
  for (const [k, [d, n]] of rows) console.log(`${(d / 1000).toFixed(0).padStart(7)} ms ${String(n).padStart(6)}x  ${k}`);
} finally { await b.close(); await server.close(); }
