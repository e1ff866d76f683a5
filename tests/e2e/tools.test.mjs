// Search and "Cite this" (issue 15) in the built, split site: a Chinese query without spaces finds
// and marks, the keyboard opens a result (details, the timeline's mark, the playhead), a link's `q`
// restores the search; every citation carries the dataset version, the permalink and the licence,
// and Copy copies (or, without a clipboard, selects the text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage, readThrough, shot, readJson } from './harness.mjs';

let server, b, version, licence;
before(async () => {
  server = await serve();
  b = await browser();
  ({ version, licence } = await readJson('data/reference.json'));
});
after(async () => { await b?.close(); await server?.close(); });

const param = (page, name) => new URL(page.url()).searchParams.get(name);

test('a Chinese query without spaces finds the events and marks the words', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=zh`);
  const input = page.locator('[data-testid="search-input"]');
  await input.fill('淘宝微信支付');
  await page.locator('[data-testid="search-result"][data-event-id="taobao-wechat-pay-beta"]').waitFor();
  assert.match(await page.textContent('[data-testid="search-count"]'), /找到 \d+ 个事件/);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const marks = await page.locator('[data-testid="search-result"] mark').allTextContents();
  assert.ok(marks.length > 0, 'something is marked');
  assert.ok(marks.every((m) => '淘宝微信支付'.includes(m)), marks.join('|'));
  // The URL follows the query once typing pauses.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '淘宝微信支付');
  await page.locator('[data-testid="search"]').screenshot({ path: 'target/e2e/search-zh.png' });
  assert.deepEqual(problems, []);
});

test('the keyboard opens a result: its details, its mark on the timeline, the playhead at its date', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  const input = page.locator('[data-testid="search-input"]');
  await input.fill('Weibo Pay');
  await page.locator('[data-testid="search-result"]').nth(2).waitFor();
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  const option = page.locator(`#${active}`);
  assert.equal(await option.getAttribute('role'), 'option');
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  assert.equal(await option.getAttribute('id'), await page.locator('[data-testid="search-result"]').nth(1).getAttribute('id'));
  const id = await option.getAttribute('data-event-id');
  await input.press('Enter');
  await page.locator(`[data-testid="event-details"][data-event-id="${id}"]`).waitFor();
  await page.locator(`[data-testid="event"][data-event-id="${id}"].selected`).waitFor();
  assert.equal(await page.locator('.mark.selected').count(), 1);
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, id);
  const date = param(page, 'date');
  assert.notEqual(date, '2020-06-01', 'the day moved to the event');
  assert.equal(await page.getAttribute('[data-testid="playhead"]', 'data-date'), date);
  assert.equal(await page.inputValue('[data-testid="date-input"]'), date);
  // The details are brought into view.
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="details"]').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  });
  await shot(page, 'search-opened-en.png');
  // Escape clears the query, the list and the URL's q.
  await input.press('Escape');
  assert.equal(await page.locator('[data-testid="search-result"]').count(), 0);
  assert.equal(await input.inputValue(), '');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  assert.deepEqual(problems, []);
});

test('q in a link restores the search', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&q=${encodeURIComponent('不新签')}`);
  await page.locator('[data-testid="search-result"][data-event-id="alipay-bans-wechat-merchants"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="search-input"]'), '不新签');
  assert.ok((await page.locator('[data-testid="search-result"] mark').allTextContents()).includes('不新签'));
  assert.equal(param(page, 'q'), '不新签', 'the URL keeps it');
  assert.deepEqual(problems, []);
});

test('every citation carries the dataset version, the permalink and the licence, and Copy copies', async () => {
  const context = await b.newContext({ viewport: { width: 1280, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en&event=alipay-bans-wechat-merchants`);
  await page.locator('[data-testid="event-details"]').waitFor();
  await readThrough(page);
  for (const subject of ['event', 'journey', 'view']) {
    await page.click(`[data-testid="cite-${subject}"]`);
    const panel = page.locator(`[data-testid="cite-panel"][data-cite="${subject}"]`);
    await panel.waitFor();
    const href = page.url();
    const bibtex = await panel.locator('[data-testid="cite-bibtex"]').textContent();
    const csl = await panel.locator('[data-testid="cite-csl"]').textContent();
    const ris = await panel.locator('[data-testid="cite-ris"]').textContent();
    for (const [name, text] of [['BibTeX', bibtex], ['CSL-JSON', csl], ['RIS', ris]]) {
      assert.ok(text.includes(version), `${subject} ${name} has the version`);
      assert.ok(text.includes(licence), `${subject} ${name} has the licence`);
    }
    assert.ok(bibtex.includes(`url = {${href}}`), `${subject} BibTeX: ${bibtex}`);
    assert.equal(JSON.parse(csl)[0].URL, href);
    assert.ok(ris.includes(`UR  - ${href}\n`), `${subject} RIS: ${ris}`);
  }
  await page.locator('[data-testid="cite-panel"][data-cite="journey"]').screenshot({ path: 'target/e2e/cite-journey-en.png' });
  const panel = page.locator('[data-testid="cite-panel"][data-cite="event"]');
  await panel.locator('[data-testid="cite-copy"][data-format="bibtex"]').click();
  await panel.locator('[data-testid="cite-status"]', { hasText: 'BibTeX copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await panel.locator('[data-testid="cite-bibtex"]').textContent());
  await context.close();
});

test('the answer\'s citation is fetched when its button is pressed, not before', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`, undefined, { read: false });
  await page.waitForSelector('[data-testid="cite-journey"]');
  await page.waitForTimeout(1500);
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('split_rest.wasm')));
  const split = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('__wasm_split.js')));
  if (split) assert.equal(await fetched(), false, 'nothing fetched for it unasked');
  await page.click('[data-testid="cite-journey"]');
  const panel = page.locator('[data-testid="cite-panel"][data-cite="journey"]');
  await panel.waitFor();
  assert.equal(await page.getAttribute('[data-testid="cite-journey"]', 'aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'cite-journey', 'the focus stays on the button');
  assert.ok((await panel.locator('[data-testid="cite-ris"]').textContent()).includes(version));
  assert.deepEqual(problems, []);
});

test('without a clipboard, Copy selects the text and says how to copy it', async () => {
  const context = await b.newContext({ viewport: { width: 375, height: 800 } });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=zh&q=${encodeURIComponent('淘宝')}`);
  await page.locator('[data-testid="verdict"]').waitFor();
  await readThrough(page);
  await page.locator('[data-testid="cite-view"]').click();
  const panel = page.locator('[data-testid="cite-panel"][data-cite="view"]');
  await panel.locator('[data-testid="cite-copy"][data-format="ris"]').click();
  await panel.locator('[data-testid="cite-status"]', { hasText: 'Ctrl+C' }).waitFor();
  const ris = await panel.locator('[data-testid="cite-ris"]').textContent();
  assert.equal(await page.evaluate(() => getSelection().toString()), ris.trimEnd());
  // Search results and the citation fit a phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  await context.close();
});

test("the journey answer's citation says how its verdict is known", async () => {
  for (const [query, title] of [
    ['?lang=en&date=2022-04-01&from=taobao-app&shop=taobao&pay=wechat-pay', /Verdict: partly — stated$/],
    ['?lang=zh&date=2022-04-01&from=wechat-group&shop=taobao&pay=alipay', /结论：直接可行 — 推断：.*延续；最后证实于\d{4}年\d+月\d+日$/],
  ]) {
    const { page, problems } = await openPage(b, server.url + query);
    await page.click('[data-testid="cite-journey"]');
    const panel = page.locator('[data-testid="cite-panel"][data-cite="journey"]');
    await panel.waitFor();
    const csl = JSON.parse(await panel.locator('[data-testid="cite-csl"]').textContent());
    assert.match(csl[0].title, title);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
