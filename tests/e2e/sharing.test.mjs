// Sharing and installing: the page carries Open Graph and Twitter card tags, the preview image drawn
// at build time is a 1200×630 PNG served as one, the web app manifest is served with its type and
// parses without errors (Chromium's own reading of it), its icons exist at their sizes, the
// service worker caches the new files, and the noscript text and the strict CSP stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, browser, openPage, DIST } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

async function get(path) {
  const res = await fetch(new URL(path, server.url));
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return { type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

test('the page carries Open Graph and Twitter card tags', async () => {
  const { page, problems } = await openPage(b, server.url, undefined, { read: false });
  const meta = (sel) => page.getAttribute(sel, 'content');
  for (const p of ['og:title', 'og:description', 'og:type', 'og:image', 'og:image:alt', 'og:locale', 'og:locale:alternate', 'og:image:width', 'og:image:height']) {
    assert.ok((await meta(`meta[property="${p}"]`))?.length > 0, p);
  }
  assert.equal(await meta('meta[property="og:type"]'), 'website');
  assert.equal(await meta('meta[property="og:locale"]'), 'zh_CN');
  assert.match(await meta('meta[property="og:locale:alternate"]'), /^en_/);
  assert.equal(await meta('meta[property="og:image"]'), 'preview.png');
  assert.equal(await meta('meta[property="og:image:width"]'), '1200');
  assert.equal(await meta('meta[property="og:image:height"]'), '630');
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
  for (const n of ['twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt']) {
    assert.ok((await meta(`meta[name="${n}"]`))?.length > 0, n);
  }
  assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), 'manifest.webmanifest');
  assert.ok((await meta('meta[name="theme-color"]')).startsWith('#'));
  // The noscript text is still there, and no inline script was added.
  assert.match(await page.evaluate(() => document.querySelector('noscript').textContent), /needs JavaScript and WebAssembly/);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  assert.deepEqual(problems, []);
});

test('the preview image is a 1200×630 PNG, served as image/png', async () => {
  const { type, body } = await get('preview.png');
  assert.equal(type, 'image/png');
  assert.deepEqual(pngSize(body), [1200, 630]);
  assert.ok(body.length > 20_000 && body.length < 400_000, `${body.length} bytes`);
});

test('the web app manifest is served, complete, and Chromium reads it without errors', async () => {
  const { type, body } = await get('manifest.webmanifest');
  assert.equal(type, 'application/manifest+json');
  const m = JSON.parse(body.toString('utf8'));
  assert.ok(m.name && m.short_name);
  assert.equal(m.start_url, '.');
  assert.equal(m.display, 'standalone');
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(m.background_color, /^#[0-9a-f]{6}$/);
  assert.ok(m.icons.some((i) => i.type === 'image/svg+xml'));
  for (const icon of m.icons.filter((i) => i.type === 'image/png')) {
    const got = await get(icon.src);
    assert.equal(got.type, 'image/png');
    assert.deepEqual(pngSize(got.body).join('x'), icon.sizes, icon.src);
  }
  assert.ok(m.icons.some((i) => i.sizes === '512x512'));
  const { page } = await openPage(b, server.url, undefined, { read: false });
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
  assert.match(manifest.url, /manifest\.webmanifest$/);
  // Installable, but for the test browser itself: its pages are in an incognito-like context.
  const installability = await cdp.send('Page.getInstallabilityErrors');
  const errors = installability.installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
  assert.deepEqual(errors, [], JSON.stringify(errors));
});

test('the service worker caches the manifest, the icons and the preview', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const f of ['manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'preview.png', 'icon.svg']) {
    assert.ok(sw.includes(`'./${f}'`), f);
    await get(f);
  }
});
