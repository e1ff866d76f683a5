// Firefox ESR (Debian's firefox-esr) driven through WebDriver BiDi with puppeteer-core, against the
// same built dist/ served from the same sub-path as the Chromium suite (tests/e2e/harness.mjs).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, readThrough } from '../e2e/harness.mjs';

export { serve, ROOT, DIST } from '../e2e/harness.mjs';

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const puppeteer = require('puppeteer-core');

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** Headless Firefox with a fresh profile, and HOME in a temporary folder (as root, Firefox will
 * not start with a HOME it does not own). `close()` ends it and removes the folder. */
export async function firefox() {
  const home = await mkdtemp(join(tmpdir(), 'hutong-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    env: { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: {
      // Nothing beyond localhost.
      'network.dns.disableIPv6': true,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  return { browser, close: async () => { await browser.close(); await rm(home, { recursive: true, force: true }); } };
}

/** A page at 1280×860 that records page errors and console errors, opened at `url`, and read
 * through (scrolled a screen at a time) until no part is waiting, as a reader would. */
export async function openPage(browser, url, { read = true } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
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

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Clicks `selector` as a person does, once it has stopped moving: puppeteer clicks where the
 * element was when it scrolled to it, and the parts between (drawn as they near the viewport, at
 * their real height) can still move it by then (Playwright waits for a stable box; this is that). */
export async function clickStable(page, selector) {
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'center' }));
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = await page.$eval(selector, (el) => JSON.stringify(el.getBoundingClientRect()));
    if (box === last) break;
    last = box;
    await sleep(100);
  }
  await page.click(selector);
}
