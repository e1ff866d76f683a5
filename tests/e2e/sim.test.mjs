// The simulation in the built site: it runs, its result is exposed on the hook, a shared link
// restores its parameters, and exports carry the dataset version and the sources.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, openPage, shot, readJson } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const done = (page) => page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 60000 });

test('the simulation finishes and reports totals', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&reps=3`);
  const el = await done(page);
  const completed = Number(await el.getAttribute('data-completed'));
  const lost = Number(await el.getAttribute('data-lost'));
  assert.ok(completed > 1e6 && lost > 0, `${completed} ${lost}`);
  assert.ok(await page.locator('[data-testid="chart-purchases"] svg path').count() > 2);
  assert.deepEqual(problems, []);
});

test('a link restores the seed and parameters; the same link gives the same totals', async () => {
  const url = `${server.url}?lang=en&reps=2&seed=99&wloss=0.3`;
  const first = await openPage(b, url);
  const a = await (await done(first.page)).getAttribute('data-completed');
  assert.equal(await first.page.inputValue('[data-testid="sim-param"][data-param="seed"]'), '99');
  assert.equal(await first.page.inputValue('[data-testid="sim-param"][data-param="wloss"]'), '0.3');
  const second = await openPage(b, url);
  assert.equal(await (await done(second.page)).getAttribute('data-completed'), a);
});

test('edited demand and adoption come back from the link', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en&reps=2&demand=taobao-app:taobao:10;offline-qr:offline:5&adopt=wechat-pay:0.4:2016:1`);
  await done(page);
  const weights = await page.locator('[data-testid="demand-weight"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(weights, ['10', '5']);
  const row = page.locator('[data-testid="adoption-row"][data-instrument="wechat-pay"] input');
  assert.equal(await row.first().inputValue(), '0.4');
});

test('a counterfactual adds its chart', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en&reps=2&off=taobao-links-blocked-in-wechat`);
  await done(page);
  assert.equal(await page.locator('[data-testid="chart-counterfactual"]').count(), 1);
  assert.equal(await page.locator('[data-testid="chart-difference"]').count(), 1);
  assert.equal(await page.locator('[data-testid="chart-share-shift"]').count(), 1);
  const panel = await page.$('[data-testid="sim-panel"]');
  await panel.screenshot({ path: 'target/e2e/sim-counterfactual-en.png' });
});

test('CSV and SVG exports carry the dataset version, its licence and the citation', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en&reps=2`);
  await done(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-purchases"] [data-testid="export-csv"]')]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.match(text, /^# Hutong — /);
  const { version, licence } = await readJson('data/reference.json');
  assert.ok(text.includes(`Dataset version ${version} · licence ${licence}`), text.slice(0, 200));
  assert.match(text, /https:\/\/www\.huxiu\.com\/article\/27988/);
  assert.match(text, /\nmonth,/);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-purchases"] [data-testid="export-svg"]')]);
  const svgText = await readFile(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svgText.includes(`Dataset version ${version} · licence ${licence}`));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-purchases"] [data-testid="export-png"]')]);
  const bytes = await readFile(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
});
