// Lighthouse on the built site, mobile profile (simulated slow 4G, 4× CPU slowdown, Lighthouse's
// defaults for `formFactor: 'mobile'`), served with gzip as a static host would. Run after
// `trunk build --release`; prints one JSON line per run with the scores and the timings:
//   node tests/perf/lighthouse.mjs              (RUNS=3, QUERY='?lang=en', CATEGORIES=performance,accessibility)
// The figures of BENCHMARKS.md ("First load") come from here. Not a test: timings depend on the
// machine's load; the a11y score does not.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { ROOT, DIST } from '../e2e/harness.mjs';

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.md': 'text/markdown', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
const server = createServer(async (req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1) || 'index.html';
  const file = normalize(join(DIST, rel));
  if (!file.startsWith(DIST)) { res.writeHead(403); res.end(); return; }
  try {
    const body = await readFile(file);
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body, { level: 9 }) : body);
  } catch {
    res.writeHead(404); res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/${process.env.QUERY || ''}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const categories = (process.env.CATEGORIES || 'performance,accessibility').split(',');
try {
  for (let run = 0; run < Number(process.env.RUNS || 3); run++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories, formFactor: 'mobile', throttlingMethod: 'simulate' });
    const value = (id) => lhr.audits[id]?.numericValue;
    const failing = Object.entries(lhr.audits).filter(([id, a]) => a.score !== null && a.score < 1 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === id && r.weight > 0)).map(([id]) => id);
    console.log(JSON.stringify({
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, v.score])),
      fcp_ms: Math.round(value('first-contentful-paint')), lcp_ms: Math.round(value('largest-contentful-paint')),
      tbt_ms: Math.round(value('total-blocking-time')), tti_ms: Math.round(value('interactive')),
      cls: value('cumulative-layout-shift'), bytes: value('total-byte-weight'),
      ...(failing.length ? { accessibility_failing: failing } : {}),
    }));
    // DETAIL=1: the long main-thread tasks (start, duration, what) and the layout shifts.
    if (process.env.DETAIL) {
      console.log(JSON.stringify((lhr.audits['long-tasks']?.details?.items || []).map((t) => [Math.round(t.startTime), Math.round(t.duration), t.url?.split('/').pop()])));
      console.log(JSON.stringify((lhr.audits['layout-shifts']?.details?.items || []).map((i) => [i.score, i.node?.selector || i.node?.snippet])));
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
