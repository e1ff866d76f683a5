// The event editor (issue 23, part 3): a reader adds an event that dates Taobao's shop cards in
// WeChat groups before 1 June 2020, with a pasted text that holds its quote; the preview shows the
// default journey's verdict change, saving puts it on the page, and the exported changes give the
// same verdict in a fresh browser. Every invalid field shows its problem at the field and nothing
// is saved; a quote missing from the pasted text is flagged; an event opens in the editor from its
// details, in Chinese; the form fits a 360 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage, shot } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const DEFAULT_ROW = '[data-testid="preview-change"][data-day="2020-06-01"][data-surface="wechat-group"][data-merchant="taobao"][data-instrument="alipay"]';
const PASTED = '示例报道。\n2019年3月，店铺名片在微信群里代替了链接，买家点开名片即可进店。';

async function openEditor(page) {
  await page.click('[data-testid="add-event"]');
  await page.locator('[data-testid="editor"]').waitFor();
  // The focus goes to the first field.
  await page.waitForFunction(() => document.activeElement?.id === 'edit-id');
}

const fill = (page, id, value) => page.fill(`[data-testid="edit-${id}"]`, value);

/** The example, typed into the form as a reader would. */
async function fillExample(page) {
  await fill(page, 'id', 'reader-shop-cards-2019');
  await fill(page, 'date', '2019-03');
  await fill(page, 'actors', 'taobao');
  await fill(page, 'title_zh', '店铺名片已在微信群流传');
  await fill(page, 'title_en', 'Shop cards already passed round in WeChat groups');
  await fill(page, 'summary_zh', '读者来源称2019年3月店铺名片已在微信群中代替链接。');
  await fill(page, 'summary_en', 'A reader\'s source says shop cards stood in for links in WeChat groups by March 2019.');
  await page.click('[data-testid="edit-add-effect"]');
  await page.selectOption('[data-testid="edit-effect-channel"]', 'link');
  await page.fill('[data-testid="edit-effect-from"]', 'wechat-group');
  await page.fill('[data-testid="edit-effect-to"]', 'taobao');
  await page.selectOption('[data-testid="edit-effect-change"]', 'workaround');
  await page.fill('[data-testid="edit-effect-via"]', 'shop-card');
  await page.selectOption('[data-testid="edit-source"]', '(new)');
  await fill(page, 'source-id', 'reader-2019');
  await fill(page, 'source-url', 'https://example.org/2019/shop-cards');
  await fill(page, 'source-title', '店铺名片的流行');
  await fill(page, 'source-outlet_zh', '示例报');
  await fill(page, 'source-outlet_en', 'Example Daily');
  await fill(page, 'source-published', '2019-03-20');
  await fill(page, 'quote', '店铺名片在微信群里代替了链接');
  await fill(page, 'pasted', PASTED);
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), text: Buffer.concat(await (await file.createReadStream()).toArray()).toString() };
}

test('an event added in the editor changes the default journey in the preview, on the page, and in a fresh browser', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'undecided');
  // The editor is a part of its own, fetched when a reader opens it (the split build).
  const splitBuild = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('split_rest')));
  assert.ok(!(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('split_editor')))));
  await openEditor(page);
  if (splitBuild) assert.ok(fetched.some((p) => p.endsWith('split_editor.wasm')), fetched.join(' '));
  await fillExample(page);
  // The quote is in the pasted text, and where.
  assert.equal(await page.getAttribute('[data-testid="quote-check"]', 'data-found'), 'true');
  assert.match(await page.textContent('[data-testid="quote-check"]'), /word for word: line 2, character 9\./);
  // The preview: the default journey on 1 June 2020 goes from undecided to workaround only, with
  // how that is known.
  const row = page.locator(DEFAULT_ROW);
  await row.waitFor({ timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid="editor-problems"]', 'data-count'), '0');
  assert.equal(await row.getAttribute('data-before'), 'undecided');
  assert.equal(await row.getAttribute('data-after'), 'workaround');
  assert.match(await row.textContent(), /^1 Jun 2020 · WeChat group chat → Taobao → Alipay: undecided \(between blocked and workaround only\) → workaround only — inferred: /);
  // The questions it answers: when the shop cards came, as the default journey asked.
  assert.ok(await page.locator('[data-testid="preview-closes"] li[data-event="taobao-shop-card"]').count());
  await page.locator('[data-testid="editor"]').screenshot({ path: 'target/e2e/editor-en.png' });

  await page.click('[data-testid="editor-save"]');
  await page.locator('[data-testid="editor-status"]').waitFor();
  assert.match(await page.textContent('[data-testid="editor-status"]'), /^Saved “Shop cards already passed round in WeChat groups”: the page now uses the edited dataset \(.*\+edited\)/);
  assert.equal(await page.locator('[data-testid="editor"]').count(), 0, 'the form closes');
  // The focus, which was in the form, goes to what the save did.
  await page.waitForFunction(() => document.activeElement?.id === 'editor-status');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]').dataset.verdict === 'workaround');
  assert.match(await page.textContent('[data-testid="dataset-version"]'), /\+edited$/);
  assert.ok(await page.evaluate(() => localStorage.getItem('hutong.dataset.v1')?.includes('reader-shop-cards-2019')));

  // The changes, against the embedded dataset.
  const json = await download(page, 'export-changes-json');
  assert.match(json.name, /-changes\.json$/);
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'hutong-changes');
  assert.deepEqual(doc.events.map((e) => e.id), ['reader-shop-cards-2019']);
  assert.deepEqual(doc.sources.map((s) => s.id), ['reader-2019']);
  assert.deepEqual(doc.removed, []);
  const md = await download(page, 'export-changes-md');
  assert.match(md.name, /-changes\.md$/);
  assert.ok(md.text.includes('## Added: `reader-shop-cards-2019`'), md.text);
  assert.ok(md.text.includes('| effects | link wechat-group>taobao workaround via=shop-card |'), md.text);
  assert.deepEqual(problems, []);
  await page.close();

  // A fresh browser (a new context: no saved import) imports the changes and gives the same verdict.
  const fresh = await openPage(b, `${server.url}?lang=en`);
  assert.equal(await fresh.page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'undecided');
  await fresh.page.setInputFiles('[data-testid="import"]', { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await fresh.page.locator('[data-testid="import-status"]').waitFor();
  assert.match(await fresh.page.textContent('[data-testid="import-status"]'), /Imported: 1 events added/);
  await fresh.page.waitForFunction(() => document.querySelector('[data-testid="verdict"]').dataset.verdict === 'workaround');
  assert.match(await fresh.page.textContent('[data-testid="dataset-version"]'), /\+edited$/);
  assert.deepEqual(fresh.problems, []);
  await fresh.page.close();
});

test('every invalid field shows its problem at the field, what was typed stays, and nothing is saved', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  const version = await page.textContent('[data-testid="dataset-version"]');
  await openEditor(page);
  await fillExample(page);
  await page.locator(DEFAULT_ROW).waitFor({ timeout: 60000 });
  await fill(page, 'id', 'Not An Id');
  await fill(page, 'date', '2019-13');
  await fill(page, 'actors', 'taobao nobody');
  await page.fill('[data-testid="edit-effect-to"]', 'nowhere');
  await fill(page, 'title_en', '');
  await fill(page, 'summary_zh', '');
  await page.click('[data-testid="edit-uncertain"][data-field="date"]');
  await fill(page, 'source-published', '2019-02-30');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="editor-problems"]').dataset.count) >= 7);
  for (const [field, words] of [
    ['id', /not an id/],
    ['date', /month 13|not a date|2019-13/i],
    ['actors', /`nobody` is not in the/],
    ['effects', /`nowhere` is not in the/],
    ['title_en', /must not be empty/],
    ['summary_zh', /must not be empty/],
    ['source-published', /2019-02-30|not a day|day/i],
  ]) {
    const line = page.locator(`[data-testid="problem-${field}"]`);
    assert.ok(await line.isVisible(), `${field}: its problem shows`);
    assert.match(await line.textContent(), words, field);
  }
  assert.equal(await page.getAttribute('[data-testid="edit-date"]', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('[data-testid="edit-title_zh"]', 'aria-invalid'), 'false');
  assert.match(await page.textContent('[data-testid="editor-problems"]'), /problems: fix them to save\./);
  assert.ok(await page.isDisabled('[data-testid="editor-save"]'), 'save waits for the problems');
  // The preview waits too, and nothing typed is lost.
  await page.locator('[data-testid="preview-waiting"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="edit-date"]'), '2019-13');
  assert.equal(await page.inputValue('[data-testid="edit-source-published"]'), '2019-02-30');
  // Nothing was saved: the dataset in use is the embedded one, and this browser keeps no import.
  assert.equal(await page.textContent('[data-testid="dataset-version"]'), version);
  assert.equal(await page.evaluate(() => localStorage.getItem('hutong.dataset.v1')), null);
  await page.locator('[data-testid="editor"]').screenshot({ path: 'target/e2e/editor-problems-en.png' });

  // A quote that is not in the pasted text is flagged; one copied across a line end is told so.
  await fill(page, 'quote', '淘口令');
  await page.waitForFunction(() => document.querySelector('[data-testid="quote-check"]').dataset.found === 'false');
  assert.match(await page.textContent('[data-testid="quote-check"]'), /not in the pasted text/);
  await fill(page, 'quote', '店铺名片在微信\n群里代替了链接');
  await page.waitForFunction(() => document.querySelector('[data-testid="quote-check"]').textContent.includes('spaces and line breaks'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('中文：从事件详情打开编辑器，改日期即见预览', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=zh&event=taobao-shop-card`);
  await page.click('[data-testid="details-edit"]');
  await page.locator('[data-testid="editor"]').waitFor();
  assert.match(await page.textContent('#editor-heading'), /^编辑事件“店铺名片取代链接”$/);
  assert.equal(await page.inputValue('[data-testid="edit-id"]'), 'taobao-shop-card');
  assert.equal(await page.inputValue('[data-testid="edit-effect-via"]'), 'shop-card');
  // Unchanged, it changes nothing.
  await page.locator('[data-testid="preview-count"]').waitFor({ timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid="preview-count"]', 'data-count'), '0');
  assert.equal(await page.textContent('[data-testid="preview-count"]'), '没有任何结论改变。');
  // Dated in 2019, it decides the default journey on 1 June 2020.
  await fill(page, 'date', '2019-03');
  await page.locator(DEFAULT_ROW).waitFor({ timeout: 60000 });
  assert.match(await page.textContent(DEFAULT_ROW), /^2020年6月1日 · 微信群聊 → 淘宝 → 支付宝/);
  await fill(page, 'date', '2019-13');
  await page.locator('[data-testid="problem-date"]').waitFor();
  assert.match(await page.textContent('[data-testid="editor-problems"]'), /^有 1 个问题，改正后才能保存。$/);
  await page.click('[data-testid="editor-cancel"]');
  assert.equal(await page.locator('[data-testid="editor"]').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the editor fits a 360 px phone: nothing scrolls sideways, every control at least 24 px', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&event=taobao-shop-card`, { width: 360, height: 740 });
  await page.click('[data-testid="details-edit"]');
  await page.locator('[data-testid="editor"]').waitFor();
  await fill(page, 'date', '2019-13');
  await page.locator('[data-testid="problem-date"]').waitFor();
  await page.evaluate(() => document.querySelectorAll('#editor details').forEach((d) => { d.open = true; }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const small = await page.evaluate(() => [...document.querySelectorAll('#editor button, #editor input, #editor select, #editor textarea')].map((el) => {
    const box = el.getBoundingClientRect();
    return { what: `${el.tagName} ${el.dataset.testid || el.type}`, w: box.width, h: box.height, right: box.right };
  }).filter((c) => c.w < 24 || c.h < 24 || c.right > innerWidth));
  assert.deepEqual(small, [], 'controls under 24 px or past the screen');
  await page.locator('[data-testid="editor"]').screenshot({ path: 'target/e2e/editor-360.png' });
  assert.deepEqual(problems, []);
  await page.close();
});
