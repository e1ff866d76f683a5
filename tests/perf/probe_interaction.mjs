// Where one interaction's main-thread time goes (issue 24): the page as tests/perf/interactions.mjs
// sets it up (390 × 844, CPU slowed RATE×, read through), then one interaction under a Chrome
// trace; prints the trace events of the page's main thread by self time, and the longest tasks.
// A diagnostic for changing the code, not a benchmark. Run after `trunk build --release`:
//   node tests/perf/probe_interaction.mjs language      (or: pause, story, whatif, next, card, scrub)
// READ=0 leaves the page unread (only the first screen and the shell part in).
// Options: RATE (4), ROWS (25), CSS='…' / JS='…' (a change tried before the interaction).
import { serve, browser, openPage, endTrace } from '../e2e/harness.mjs';

const RATE = Number(process.env.RATE || 4);
const ACTS = {
  language: (p) => p.click('[data-testid="lang-toggle"]'),
  pause: async (p) => { await p.click('[data-testid="play"]'); await p.waitForTimeout(1500); await p.click('[data-testid="play"]'); },
  story: (p) => p.click('[data-testid="story-start"]'),
  whatif: (p) => p.click('[data-testid="verdict"] [data-testid="switch-off"]'),
  next: (p) => p.click('[data-testid="next-event"]'),
  card: (p) => p.click('[data-testid="instrument-verdict"]:not([aria-pressed="true"])'),
  scrub: async (p) => { await p.focus('[data-testid="scrub"]'); await p.keyboard.press('ArrowRight'); },
};
const name = process.argv[2] || 'language';
const server = await serve();
const b = await browser();
try {
  const { page } = await openPage(b, `${server.url}?date=2020-06-01`, { width: 390, height: 844 }, { read: process.env.READ !== '0' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  if (process.env.JS) await page.evaluate(process.env.JS);
  // A constructed stylesheet: the page's Content-Security-Policy refuses an inline one.
  if (process.env.CSS) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.CSS);
  }
  await page.waitForTimeout(500);
  const pre = name === 'pause' ? () => page.click('[data-testid="play"]').then(() => page.waitForTimeout(1500)) : null;
  if (pre) await pre();
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute', transferMode: 'ReturnAsStream' });
  await (name === 'pause' ? page.click('[data-testid="play"]') : ACTS[name](page));
  await page.waitForTimeout(800);
  const events = await endTrace(cdp);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.tid === main.tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
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
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ROWS || 25));
  console.log(`${name} at ${RATE}x: main-thread self time by trace event (ms)`);
  for (const [k, v] of rows) console.log(`${(v / 1000).toFixed(1).padStart(8)}  ${k}`);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 16000).slice(0, 8);
  console.log('tasks over 16 ms:', tasks.map((t) => `${(t.dur / 1000).toFixed(0)} ms`).join(', '));
} finally {
  await b.close();
  await server.close();
}
