// Themes in the built site: `theme=dark` is applied before the wasm starts and survives a reload;
// the switch writes the URL; exports follow the theme; Windows high contrast (forced colours)
// keeps the verdict words readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, openPage, shot, loaded } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

/** The WCAG contrast of two computed colours `rgb(r, g, b)`. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('theme=dark applies before the wasm starts, survives a reload, and the switch keeps it in the URL', async () => {
  // With the wasm held back, boot.js has already set the theme.
  const early = await b.newPage();
  await early.route('**/hutong_bg.wasm', (route) => route.abort());
  await early.goto(`${server.url}?theme=dark`);
  assert.equal(await early.getAttribute('html', 'data-theme'), 'dark');
  assert.ok(contrast(await background(early), 'rgb(0, 0, 0)') < 1.5, 'a dark page');
  await early.close();

  const { page, problems } = await openPage(b, `${server.url}?lang=en&theme=dark`);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.inputValue('[data-testid="theme-select"]'), 'dark');
  await page.selectOption('[data-testid="from-select"]', 'weibo');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === 'weibo');
  assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark');
  await page.reload();
  await loaded(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await shot(page, 'theme-dark-en.png');

  await page.selectOption('[data-testid="theme-select"]', 'contrast');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'contrast');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'contrast');
  assert.equal(await background(page), 'rgb(0, 0, 0)');
  await page.selectOption('[data-testid="theme-select"]', 'auto');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('theme'));
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.deepEqual(problems, []);
});

test('auto follows the system: a dark scheme gives the dark colours', async () => {
  const page = await b.newPage({ colorScheme: 'dark' });
  await page.goto(`${server.url}?lang=en`);
  await loaded(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.ok(contrast(await background(page), 'rgb(0, 0, 0)') < 1.5);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(contrast(await background(page), 'rgb(255, 255, 255)') < 1.1);
  await page.close();
});

test('the network and the charts export in the theme’s colours', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en&theme=dark&date=2016-01-01&reps=1`);
  // On screen the drawing is recoloured: the dark card behind it, dark-theme verdict colours.
  const card = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="network"] svg rect')).fill);
  assert.equal(card, 'rgb(34, 31, 27)');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-network-svg"]')]);
  const text = await readFile(await svg.path(), 'utf8');
  assert.ok(text.includes('fill="rgb(34, 31, 27)"'), 'the dark card');
  assert.ok(text.includes('stroke="rgb(76, 191, 130)"'), 'the dark theme’s direct');
  assert.ok(!text.includes('fill="#ffffff"') && !text.includes('stroke="#2e8b57"'), 'no light colours left');
  await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 60000 });
  const [chart] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-purchases"] [data-testid="export-svg"]')]);
  const chartText = await readFile(await chart.path(), 'utf8');
  assert.ok(chartText.includes('fill="rgb(34, 31, 27)"') && chartText.includes('fill="rgb(236, 229, 218)"'), 'dark ground, light ink');
  // The light theme exports light.
  await page.selectOption('[data-testid="theme-select"]', 'light');
  const [light] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-network-svg"]')]);
  assert.ok((await readFile(await light.path(), 'utf8')).includes('fill="rgb(255, 255, 255)"'));
});

test('forced colours (Windows high contrast) keep the verdict words readable', async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${server.url}?lang=en&date=2016-01-01`);
  await loaded(page);
  const words = await page.evaluate(() => [...document.querySelectorAll('.badge, .instrument, .network-legend li')].map((el) => {
    const style = getComputedStyle(el);
    let bg = 'rgba(0, 0, 0, 0)';
    for (let e = el; e && /rgba\(.*, 0\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
    const box = el.getBoundingClientRect();
    return { text: el.textContent.trim(), color: style.color, bg, visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' };
  }));
  assert.ok(words.length > 10);
  for (const w of words) {
    assert.ok(w.visible && w.text.length > 0, JSON.stringify(w));
    assert.ok(contrast(w.color, w.bg) >= 4.5, `${JSON.stringify(w)}: ${contrast(w.color, w.bg).toFixed(2)}`);
  }
  // The legend's swatches are still drawn (system colours, dash patterns).
  const swatches = await page.evaluate(() => [...document.querySelectorAll('.swatch')].map((s) => {
    const cs = getComputedStyle(s);
    return cs.backgroundImage !== 'none' || !/rgba\(.*, 0\)/.test(cs.backgroundColor);
  }));
  assert.ok(swatches.length === 6 && swatches.every(Boolean), JSON.stringify(swatches));
  await shot(page, 'theme-forced-colors.png');
  await page.close();
});
