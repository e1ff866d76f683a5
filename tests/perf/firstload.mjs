// The first load, measured in the browser: every file fetched until the first screen (the journey
// explorer and the network) is interactive, with its raw and gzip -9 size, then the files fetched
// after it (the chunks loaded on demand). Also checks that every chunk arrived and the console
// stayed clean. Run after `trunk build --release`:
//   node tests/perf/firstload.mjs            (HUTONG_DIST=<dir> for another build)
// Options: QUERY='?lang=en' adds a query; SHOT=<file.png> saves a full-page screenshot.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, browser, readThrough, DIST, BASE } from '../e2e/harness.mjs';

const server = await serve();
const b = await browser();
const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
const problems = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

// The moment the first screen is up (the explorer's verdict and the network's edges are in the
// document), on the page's own clock, to compare with each request's start.
await page.addInitScript(() => {
  const check = () => {
    if (window.__firstScreen === undefined && document.querySelector('[data-testid="verdict"]') && document.querySelector('[data-testid="edge"]')) {
      window.__firstScreen = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
});

await page.goto(server.url + (process.env.QUERY || ''));
await page.waitForSelector('[data-testid="edge"]', { timeout: 30000 });
// Everything deferred arrives when its place nears the viewport: read down the page like a reader
// (the first screen's requests are over by then), then wait for the timeline's count, the
// simulation panel and the data panel.
await page.waitForTimeout(500);
await readThrough(page);
await page.waitForSelector('[data-testid="event-count"]', { timeout: 30000 });
await page.waitForSelector('[data-testid="data-panel"]', { timeout: 30000 });
await page.waitForSelector('[data-testid="sim-panel"]', { timeout: 30000 }).catch(() => problems.push('no sim panel'));
await page.waitForTimeout(500);
const loading = await page.locator('[data-testid="chunk-loading"], [data-testid="chunk-error"]').count();
if (loading) problems.push(`${loading} part(s) still loading or failed`);
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });

const { ready, resources } = await page.evaluate(() => ({
  ready: window.__firstScreen,
  resources: performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname, r.startTime]),
}));
const firstMs = Math.round(ready);
// The document itself, then every resource in the order it was asked for.
const fetched = [['index.html', 'first'], ...resources.filter(([p]) => p.startsWith(BASE))
  .map(([p, t]) => [p.slice(BASE.length) || 'index.html', t < ready ? 'first' : 'later'])];
const rows = [];
const seen = new Set();
for (const [name, when] of fetched) {
  if (seen.has(name)) continue;
  seen.add(name);
  let body;
  try { body = await readFile(join(DIST, name)); } catch { rows.push([name, when, NaN, NaN]); continue; }
  rows.push([name, when, body.length, execFileSync('gzip', ['-9c', join(DIST, name)], { maxBuffer: 1 << 28 }).length]);
}
for (const when of ['first', 'later']) {
  let raw = 0, gz = 0;
  console.log(when === 'first' ? `first load (until the explorer and network are up, ${firstMs} ms):` : 'loaded afterwards:');
  for (const [name, w, r, g] of rows.filter((x) => x[1] === when)) {
    console.log(`  ${name.padEnd(28)} ${String(r).padStart(9)} ${String(g).padStart(9)}`);
    raw += r; gz += g;
  }
  console.log(`  ${'total'.padEnd(28)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}`);
}
// LIMIT_KB: fail when the first load's gzip total passes it (scripts/test.sh; BENCHMARKS.md).
const firstGzip = rows.filter((x) => x[1] === 'first').reduce((s, x) => s + x[3], 0);
const limit = Number(process.env.LIMIT_KB || 0) * 1000;
if (limit && !(firstGzip <= limit)) problems.push(`the first load is ${firstGzip} B gzip, over the limit of ${limit} B`);
console.log(problems.length ? `problems:\n  ${problems.join('\n  ')}` : 'no console errors or warnings');
await b.close();
await server.close();
process.exit(problems.length ? 1 : 0);
