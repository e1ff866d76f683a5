// Where one interaction's main-thread time goes (issue 24): the page as tests/perf/interactions.mjs
// sets it up (390 × 844, CPU slowed RATE×, read through), then one interaction under a Chrome
// trace; prints the trace events of the page's main thread by self time, and the longest tasks.
// A diagnostic for changing the code, not a benchmark. Run after `trunk build --release`:
//   node tests/perf/probe_interaction.mjs language      (or: pause, story, whatif, next, card, scrub,
//     search (Enter on the first result), storyoff (a story started while a "what if" is on),
//     storyedge (after a click on an edge scrolled the network into view), none)
// BENCH='name' instead: the page as interactions.mjs has it at that interaction, which is traced.
// READ=0 leaves the page unread (only the first screen and the shell part in); otherwise the
// simulation is let finish first.
// Options: RATE (4), ROWS (25), CSS='…' / JS='…' (a change tried before the interaction; JS after its setup);
// LONGEST=1 only what runs in the longest task, COUNT=1 its style and layout passes (ARGS=1 their
// arguments, CATS=… other trace categories, e.g. with disabled-by-default-devtools.timeline.stack
// for the script that forced a layout; INVAL=1 what made style and layout dirty); SEQ=1 the tasks and paints from the input on (SPAN ms,
// 400; SEQ=2 with microtasks, style, layout and calls over 0.5 ms); PROFILE=1 a sampled CPU profile by function instead of the trace, named when the build
// kept the wasm's names (HUTONG_WASM_NAMES=1 trunk build --release --dist /tmp/dist-names, then
// HUTONG_DIST=/tmp/dist-names); UNTIL=ms only its first ms from the first sample at work
// (FROM=regex: from the first sample with a function of that name on its stack; CALLERS=regex:
// the time under functions of that name by the nearest hutong function above them, past
// html.rs's helpers).
import { serve, browser, openPage, endTrace } from '../e2e/harness.mjs';
import { INTERACTIONS } from './interaction_list.mjs';

const RATE = Number(process.env.RATE || 4);
const ACTS = {
  language: (p) => p.click('[data-testid="lang-toggle"]'),
  pause: async (p) => { await p.click('[data-testid="play"]'); await p.waitForTimeout(1500); await p.click('[data-testid="play"]'); },
  story: (p) => p.click('[data-testid="story-start"]'),
  storyoff: (p) => p.click('[data-testid="story-start"]'),
  storyedge: (p) => p.click('[data-testid="story-start"]'),
  whatif: (p) => p.click('[data-testid="verdict"] [data-testid="switch-off"]'),
  next: (p) => p.click('[data-testid="next-event"]'),
  card: (p) => p.click('[data-testid="instrument-verdict"]:not([aria-pressed="true"])'),
  none: async () => {},
  search: (p) => p.keyboard.press('Enter'),
  scrub: async (p) => { await p.focus('[data-testid="scrub"]'); await p.keyboard.press('ArrowRight'); },
};
const name = process.env.BENCH ? 'bench' : process.argv[2] || 'language';
// Rust's legacy mangling, roughly: _ZN4core3fmt5write17h…E → core::fmt::write.
function demangle(s) {
  const m = /_ZN((?:\d+[^\d]\S*?)+)17h[0-9a-f]{16}E/.exec(s);
  if (!m) return s;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const n = /^(\d+)/.exec(rest);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(rest.slice(n[1].length, n[1].length + len));
    rest = rest.slice(n[1].length + len);
  }
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\.\./g, '::').replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
}
const server = await serve();
const b = await browser();
try {
  const { page } = await openPage(b, `${server.url}?date=2020-06-01`, { width: 390, height: 844 }, { read: process.env.READ !== '0' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  // The simulation, which runs when its panel is read, done first: its tasks are not the click's.
  if (process.env.READ !== '0' && !process.env.BENCH) await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 300000 });
  // A constructed stylesheet: the page's Content-Security-Policy refuses an inline one.
  if (process.env.CSS) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.CSS);
  }
  await page.waitForTimeout(500);
  const PRE = {
    pause: () => page.click('[data-testid="play"]').then(() => page.waitForTimeout(1500)),
    // A story started while a "what if" is on (as tests/perf/interactions.mjs has it).
    storyoff: async () => { await page.click('[data-testid="verdict"] [data-testid="switch-off"]'); await page.waitForTimeout(1500); },
    // After a click on an edge, which scrolled the network into view.
    storyedge: async () => { await page.click('[data-testid="edge"]', { force: true }); await page.waitForTimeout(1000); },
    search: async () => { await page.focus('[data-testid="search-input"]'); await page.keyboard.type('微信支付'); await page.waitForTimeout(600); },
  };
  // BENCH='a story step (start)' (a name, or the start of one, in interaction_list.mjs): the page
  // as tests/perf/interactions.mjs has it then (every interaction before it done, as it does them,
  // the simulation not waited for), and that interaction traced.
  if (process.env.BENCH) {
    const at = INTERACTIONS.findIndex(([n]) => n.startsWith(process.env.BENCH));
    if (at < 0) throw new Error(`no interaction named ${process.env.BENCH}`);
    for (const [, act] of INTERACTIONS.slice(0, at)) {
      await page.keyboard.press('Escape').catch(() => {});
      await act(page);
      await page.waitForTimeout(800);
    }
    await page.keyboard.press('Escape').catch(() => {});
    ACTS[name] = INTERACTIONS[at][1];
  }
  const pre = PRE[name];
  if (pre && !process.env.BENCH) await pre();
  if (process.env.JS) await page.evaluate(process.env.JS);
  if (process.env.PROFILE) {
    // A sampled CPU profile: self time by function, named when the build kept the wasm's names
    // (HUTONG_WASM_NAMES=1 trunk build --release --dist /tmp/dist-names; HUTONG_DIST=/tmp/dist-names).
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await (name === 'pause' ? page.click('[data-testid="play"]') : ACTS[name](page));
    await page.waitForTimeout(800);
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const self = new Map();
    const total = new Map();
    const callers = new Map();
    const dt = profile.timeDeltas;
    // UNTIL=ms: only the samples from the first wasm or event-listener frame up to ms after it.
    const until = Number(process.env.UNTIL || Infinity);
    let clock = 0;
    let from = null;
    profile.samples.forEach((id, i) => {
      const ms = (dt[i + 1] ?? dt[i]) / 1000;
      clock += dt[i] / 1000;
      const n = byId.get(id);
      const starts = (at) => {
        if (!process.env.FROM) return !/^\((idle|program|root)\)$/.test(byId.get(at).callFrame.functionName || '(x)');
        for (; at !== undefined; at = parent.get(at)) if (new RegExp(process.env.FROM).test(demangle(byId.get(at).callFrame.functionName))) return true;
        return false;
      };
      if (from === null && starts(id)) from = clock;
      if (from === null || clock - from > until) return;
      const label = (n) => demangle(n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`);
      const me = label(byId.get(id));
      self.set(me, (self.get(me) || 0) + ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const l = label(byId.get(at));
        if (!seen.has(l)) { seen.add(l); total.set(l, (total.get(l) || 0) + ms); }
      }
      // CALLERS=regex: whose code the samples under a function of that name ran for (the first
      // frame of our own above it).
      if (process.env.CALLERS) {
        let at = id;
        while (at !== undefined && !new RegExp(process.env.CALLERS).test(label(byId.get(at)))) at = parent.get(at);
        for (; at !== undefined; at = parent.get(at)) {
          const l = label(byId.get(at));
          if (/^hutong/.test(l) && !/^hutong_page::html::/.test(l)) { callers.set(l, (callers.get(l) || 0) + ms); break; }
        }
      }
    });
    const top = (m) => [...m].filter(([k]) => !/^\((idle|program|root)\)$/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ROWS || 25));
    console.log(`${name} at ${RATE}x: self time by function (ms)`);
    for (const [k, v] of top(self)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
    console.log(`\ntotal (inclusive) time by function (ms)`);
    for (const [k, v] of top(total)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
    if (process.env.CALLERS) {
      console.log(`\nunder ${process.env.CALLERS}, by our nearest function (ms)`);
      for (const [k, v] of top(callers)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
    }
    process.exit(0);
  }
  await cdp.send('Tracing.start', { categories: process.env.CATS || 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute', transferMode: 'ReturnAsStream' });
  await (name === 'pause' ? page.click('[data-testid="play"]') : ACTS[name](page));
  await page.waitForTimeout(800);
  const events = await endTrace(cdp);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let mine = events.filter((e) => e.tid === main.tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // LONGEST=1: only what runs inside the longest task (the click's, usually).
  if (process.env.LONGEST) {
    const long = mine.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur)[0];
    mine = mine.filter((e) => e.ts >= long.ts && e.ts + e.dur <= long.ts + long.dur);
  }
  // Self time: each event's duration less its direct children's.
  const self = new Map();
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).kids += e.dur;
    e.kids = 0;
    stack.push(e);
  }
  for (const e of mine) {
    const key = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || ''}` : e.name;
    self.set(key, (self.get(key) || 0) + (e.dur - e.kids));
  }
  if (process.env.COUNT) {
    const counts = new Map();
    for (const e of mine) if (/Layout|Style/.test(e.name)) counts.set(e.name, [...(counts.get(e.name) || []), (e.dur / 1000).toFixed(1)]);
    for (const [k, v] of counts) console.log(`${k}: ${v.length} × [${v.join(', ')}]`);
    if (process.env.ARGS) for (const e of mine.filter((e) => e.name === 'Layout' && e.dur > 10000)) console.log(JSON.stringify(e.args).slice(0, 3000));
    for (const e of mine.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')) console.log(e.name, (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.elementCount ?? e.args?.beginData?.dirtyObjects ?? ''), JSON.stringify(e.args?.endData ?? ''), JSON.stringify(e.args?.beginData?.stackTrace?.slice(0, 4)?.map((f) => f.functionName + '@' + f.url.split('/').pop() + ':' + f.lineNumber)));
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ROWS || 25));
  console.log(`${name} at ${RATE}x: main-thread self time by trace event (ms)`);
  for (const [k, v] of rows) console.log(`${(v / 1000).toFixed(1).padStart(8)}  ${k}`);
  if (process.env.SEQ) {
    // The sequence after the input: tasks over 2 ms, and each frame's paint (ms from the first).
    const t0 = mine.find((e) => e.name === 'EventDispatch')?.ts ?? mine[0].ts;
    const more = process.env.SEQ === '2' ? ['RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'FunctionCall'] : [];
    const seq = mine.filter((e) => (e.name === 'RunTask' && e.dur > 2000) || e.name === 'Paint' || (e.name === 'EventDispatch' && !/^(selectionchange|slotchange)$/.test(e.args?.data?.type)) || e.name === 'FireAnimationFrame' || e.name === 'TimerFire' || (more.includes(e.name) && e.dur > 500));
    for (const e of seq.filter((e) => e.ts >= t0 - 1000 && e.ts < t0 + Number(process.env.SPAN || 400) * 1000)) {
      const st = e.args?.beginData?.stackTrace || e.args?.data?.stackTrace;
      const at = st ? ' ← ' + st.slice(0, 3).map((f) => `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}`).join(' ← ') : '';
      console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)}  ${(e.dur / 1000).toFixed(1).padStart(6)}  ${e.name} ${e.args?.data?.type || e.args?.data?.functionName || ''}${at}`);
    }
  }
  // INVAL=1 (with CATS including disabled-by-default-devtools.timeline.invalidationTracking): what
  // made style or layout dirty from the input on, by reason and node, with the script's frame.
  if (process.env.INVAL) {
    const t0 = mine.find((e) => e.name === 'EventDispatch')?.ts ?? mine[0].ts;
    if (process.env.INVAL === "names") console.log([...new Set(events.filter((e) => /nvalid/.test(e.name)).map((e) => e.name))].join(" "));
    const inval = events.filter((e) => e.tid === main.tid && /InvalidationTracking/.test(e.name) && e.ts >= t0 && e.ts < t0 + Number(process.env.SPAN || 400) * 1000);
    const count = new Map();
    for (const e of inval) {
      const d = e.args?.data || {};
      const f = d.stackTrace?.[0];
      const key = `${((e.ts - t0) / 1000).toFixed(0).padStart(5)} ${e.name.replace('InvalidationTracking', '')} ${d.reason || d.invalidationSet?.[0]?.classes || ''} ${d.nodeName || ''} ${f ? `${f.functionName}@${f.url.split('/').pop()}` : ''}`;
      count.set(key, (count.get(key) || 0) + 1);
    }
    for (const [k, n] of count) console.log(`${k} ×${n}`);
  }
  // The input's first event to the first paint after its last handler (as the Event Timing API
  // counts an interaction, less the wait before the input reached the page).
  const inputs = mine.filter((e) => e.name === 'EventDispatch' && /^(pointerdown|keydown|pointerup|click|keyup|change|input)$/.test(e.args?.data?.type));
  if (inputs.length) {
    const end = Math.max(...inputs.map((e) => e.ts + e.dur));
    const paint = mine.find((e) => e.name === 'Paint' && e.ts >= end);
    if (paint) console.log(`input to paint: ${((paint.ts + paint.dur - inputs[0].ts) / 1000).toFixed(1)} ms`);
  }
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 16000).slice(0, 8);
  console.log('tasks over 16 ms:', tasks.map((t) => `${(t.dur / 1000).toFixed(0)} ms`).join(', '));
} finally {
  await b.close();
  await server.close();
}
