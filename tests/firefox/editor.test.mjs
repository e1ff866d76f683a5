// The event editor's round trip in Firefox ESR (issue 23): an event added in the form is saved and
// decides the default journey on the page; "Export my changes" writes the changes file; a fresh
// browser context (no saved import) imports that file and gives the same verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, firefox, openPage, clickStable } from './harness.mjs';
import { readThrough } from '../e2e/harness.mjs';

let server, ff;
before(async () => { server = await serve(); ff = await firefox(); });
after(async () => { await ff?.close(); await server?.close(); });

const attr = (page, sel, name) => page.$eval(sel, (el, name) => el.getAttribute(name), name);

/** Types into a field as input events do (one event for the whole value). */
async function fill(page, testid, value) {
  await page.$eval(`[data-testid="${testid}"]`, (el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

test('Firefox: an event added in the editor is saved, exported as changes, and imported in a fresh browser', async () => {
  const { page, problems } = await openPage(ff.browser, `${server.url}?lang=en`);
  assert.equal(await attr(page, '[data-testid="verdict"]', 'data-verdict'), 'undecided');
  await clickStable(page, '[data-testid="add-event"]');
  await page.waitForSelector('[data-testid="editor"]');
  for (const [id, value] of [
    ['edit-id', 'reader-shop-cards-2019'],
    ['edit-date', '2019-03'],
    ['edit-actors', 'taobao'],
    ['edit-title_zh', '店铺名片已在微信群流传'],
    ['edit-title_en', 'Shop cards already passed round in WeChat groups'],
    ['edit-summary_zh', '读者来源称2019年3月店铺名片已在微信群中代替链接。'],
    ['edit-summary_en', 'A reader\'s source says so.'],
    ['edit-quote', '店铺名片在微信群里代替了链接'],
    ['edit-pasted', '2019年3月，店铺名片在微信群里代替了链接。'],
  ]) await fill(page, id, value);
  await page.click('[data-testid="edit-add-effect"]');
  await page.waitForSelector('[data-testid="edit-effect-from"]');
  await fill(page, 'edit-effect-from', 'wechat-group');
  await fill(page, 'edit-effect-to', 'taobao');
  await page.select('[data-testid="edit-effect-change"]', 'workaround');
  await fill(page, 'edit-effect-via', 'shop-card');
  await page.select('[data-testid="edit-source"]', '(new)');
  await page.waitForSelector('[data-testid="edit-source-id"]');
  for (const [id, value] of [
    ['edit-source-id', 'reader-2019'],
    ['edit-source-title', '店铺名片的流行'],
    ['edit-source-outlet_zh', '示例报'],
    ['edit-source-outlet_en', 'Example Daily'],
    ['edit-source-published', '2019-03-20'],
  ]) await fill(page, id, value);
  assert.equal(await attr(page, '[data-testid="quote-check"]', 'data-found'), 'true');
  await page.waitForSelector('[data-testid="preview-change"][data-day="2020-06-01"][data-surface="wechat-group"][data-merchant="taobao"][data-instrument="alipay"][data-after="workaround"]', { timeout: 60000 });
  await page.click('[data-testid="editor-save"]');
  await page.waitForSelector('[data-testid="editor-status"]');
  // The focus goes to what the save did (and the page scrolls there) before anything else is clicked.
  await page.waitForFunction(() => document.activeElement?.id === 'editor-status');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]').dataset.verdict === 'workaround');

  // "Export my changes": the file the page hands to the browser, caught as it is made.
  await page.evaluate(() => {
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__exported = blob; return make.call(URL, blob); };
  });
  await page.waitForSelector('[data-testid="export-changes-json"]:not([disabled])');
  await page.click('[data-testid="export-changes-json"]');
  await page.waitForFunction(() => !!window.__exported);
  const changes = await page.evaluate(() => window.__exported.text());
  assert.equal(JSON.parse(changes).format, 'hutong-changes');
  assert.deepEqual(problems, []);
  await page.close();

  const dir = await mkdtemp(join(tmpdir(), 'hutong-changes-'));
  const context = await ff.browser.createBrowserContext();
  try {
    const file = join(dir, 'changes.json');
    await writeFile(file, changes);
    const fresh = await context.newPage();
    await fresh.setViewport({ width: 1280, height: 860 });
    const freshProblems = [];
    fresh.on('pageerror', (e) => freshProblems.push(e.message));
    await fresh.goto(`${server.url}?lang=en`);
    await fresh.waitForSelector('[data-testid="verdict"]');
    assert.equal(await attr(fresh, '[data-testid="verdict"]', 'data-verdict'), 'undecided', 'a fresh browser has no saved import');
    await readThrough(fresh);
    const input = await fresh.waitForSelector('[data-testid="import"]', { timeout: 30000 });
    await input.uploadFile(file);
    await fresh.waitForSelector('[data-testid="import-status"]');
    await fresh.waitForFunction(() => document.querySelector('[data-testid="verdict"]').dataset.verdict === 'workaround');
    assert.deepEqual(freshProblems, []);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
