// Shared harness for the end-to-end tests: serves dist/ under a sub-path (to prove the site works
// from any sub-path) and drives Debian's Chromium with playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = normalize(join(here, '..', '..'));
// HUTONG_DIST serves another build (the perf scripts compare builds with it).
export const DIST = process.env.HUTONG_DIST ? resolve(process.env.HUTONG_DIST) : join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');
export const BASE = '/hutong/';

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** Serves dist/ at BASE on a free port of 127.0.0.1. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(BASE)) { res.writeHead(404); res.end(); return; }
    let rel = path.slice(BASE.length) || 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${BASE}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium, as root, with no reach beyond localhost. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A page that records console errors, page errors and CSP violations, for the test to assert on.
 * Like a reader, it scrolls through the page once, so that every part below the first screen
 * (fetched when its place nears the viewport) arrives; `{ read: false }` leaves it at the top,
 * untouched. */
export async function openPage(b, url, viewport = { width: 1280, height: 860 }, { read = true } = {}) {
  const page = await b.newPage({ viewport });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('[data-testid="verdict"]', { timeout: 30000 });
  if (read) {
    await readThrough(page);
    await page.waitForSelector('[data-testid="event-count"]', { timeout: 30000 });
  }
  return { page, problems };
}

/** Brings `target` (a selector or a locator) into view and waits two frames, as a reader sees a
 * control before touching it. Playwright's own `click` scrolls and presses in one go: the press
 * then lands in the first frame after the jump, which no hand can do, and onto a
 * `content-visibility: auto` section that frame can be drawn as if nothing changed
 * (BENCHMARKS.md, issue 24: Play's 700 ms). */
export async function seen(page, target) {
  const locator = typeof target === 'string' ? page.locator(target).first() : target;
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Waits for the first screen, then reads through the page so every part has arrived. */
export async function loaded(page) {
  await page.waitForSelector('[data-testid="verdict"]', { timeout: 30000 });
  await readThrough(page);
  await page.waitForSelector('[data-testid="event-count"]', { timeout: 30000 });
}

/** One step of reading, in the page: scrolls down a screen at a time, but never past the first
 * part still waiting for its place to be seen, and says how many parts wait (for their place or
 * while loading). Plain DOM, so that Playwright and Puppeteer (tests/firefox/) both run it. */
function readStep() {
  const waiting = document.querySelectorAll('.near-placeholder, [data-testid="chunk-loading"]').length;
  const next = document.querySelector('.near-placeholder');
  if (next) window.scrollBy(0, Math.max(0, Math.min(window.innerHeight, next.getBoundingClientRect().top)));
  return waiting;
}

/** Reads through the page as a reader would, from the top (a reload restores the scroll position,
 * which may be below a part still waiting), until no part is waiting, then goes back to the top.
 * Up to 30 s: a part on its way (a slow, busy machine) is waited for, not skipped. */
export async function readThrough(page) {
  // The parts' slots are filled a few tasks after the first screen (src/app.rs): until then no
  // part is seen waiting, and the reading would stop before it began.
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate(() => !!document.querySelector('[data-parts="in"]'))) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 300; i++) {
    if (!(await page.evaluate(readStep))) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

export async function readJson(rel) {
  return JSON.parse(await readFile(join(ROOT, rel), 'utf8'));
}

/** Ends a Chrome trace started with `Tracing.start` (`transferMode: 'ReturnAsStream'`) and gives
 * its events (the perf scripts read where the main thread's time goes from them). */
export async function endTrace(cdp) {
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return parsed.traceEvents ?? parsed;
}
