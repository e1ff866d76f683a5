// "What the sources decide" (issue 21): the ledger of decided verdicts in the app, a year at a time,
// filtered by surface, merchant and instrument; each row says how its verdict is known and opens
// its journey in the explorer. Both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage, shot } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

async function openPanel(page) {
  await page.click('[data-testid="decided"] summary');
  await page.locator('[data-testid="decided-row"]').first().waitFor();
}

test('the decided answers of the explorer\'s year, filtered, each with its grounds, open their journey', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&date=2022-06-01&from=wechat-group&shop=taobao&pay=wechat-pay`);
  await openPanel(page);
  assert.equal(await page.inputValue('[data-testid="decided-year"]'), '2022');
  assert.match(await page.textContent('[data-testid="decided-count"]'), /^\d+ decided answers \(\d+ stated, \d+ inferred\)$/);
  await page.selectOption('[data-testid="decided-merchant"]', 'taobao');
  await page.selectOption('[data-testid="decided-instrument"]', 'wechat-pay');
  // Stated: Taobao's WeChat Pay beta of 2022-03, in the 2024 article.
  const stated = page.locator('[data-testid="decided-row"][data-from="taobao-app"][data-date="2022-06-01"]');
  assert.equal(await stated.getAttribute('data-grounds'), 'stated');
  assert.match(await stated.textContent(), /partly — stated/);
  // Inferred: Taobao taking Alipay is last said in January 2014.
  await page.selectOption('[data-testid="decided-instrument"]', 'alipay');
  const inferred = page.locator('[data-testid="decided-row"][data-from="taobao-app"][data-date="2022-06-01"]');
  assert.equal(await inferred.getAttribute('data-grounds'), 'inferred');
  assert.match(await inferred.textContent(), /direct — inferred: persists; last confirmed 17 Jan 2014/);
  await shot(page, 'decided-en.png');
  await inferred.locator('[data-testid="decided-open"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === 'taobao-app');
  const params = new URL(page.url()).searchParams;
  assert.deepEqual(['date', 'shop', 'pay'].map((k) => params.get(k)), ['2022-06-01', 'taobao', 'alipay']);
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'direct');
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-grounds'), 'inferred');
  // No year the sources leave wholly open is shown as decided: 2012 has no decided answer at all.
  await page.selectOption('[data-testid="decided-year"]', '0');
  await page.selectOption('[data-testid="decided-merchant"]', '');
  await page.selectOption('[data-testid="decided-instrument"]', '');
  await page.locator('[data-testid="decided-row"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="decided-row"][data-date^="2012-"]').count(), 0);
  assert.ok(await page.locator('[data-testid="decided-row"][data-date^="2014-"]').count() > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('中文：来源能判定什么', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=zh&date=2014-10-01`);
  await openPanel(page);
  assert.equal(await page.textContent('[data-testid="decided"] summary'), '来源能判定什么');
  await page.selectOption('[data-testid="decided-merchant"]', 'wechat-shop');
  await page.selectOption('[data-testid="decided-instrument"]', 'wechat-pay');
  const row = page.locator('[data-testid="decided-row"][data-from="wechat-official-account"][data-date="2014-09-13"]');
  assert.equal(await row.getAttribute('data-verdict'), 'partial');
  assert.match(await row.textContent(), /推断：延续；最后证实于2014年9月12日/);
  await shot(page, 'decided-zh.png');
  assert.deepEqual(problems, []);
  await page.close();
});
