// Open questions (issue 23): the link `questions=YYYY` shows every fact the sources leave open on
// 1 June of that year, ranked, with counts; the default journey's question is among them and opens
// an answer it decides; the exports carry the dataset's version. Both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

test('a link opens the open questions of its year; the default journey\'s is listed with its counts', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&questions=2020`);
  await page.locator('[data-testid="agenda-row"]').first().waitFor({ timeout: 60000 });
  // A page of questions at a time.
  while (await page.locator('[data-testid="agenda-more"]').count()) await page.click('[data-testid="agenda-more"]');
  const row = page.locator('[data-testid="agenda-row"][data-event="taobao-shop-card"]');
  await row.waitFor();
  assert.ok(Number(await row.getAttribute('data-decides')) > 0);
  assert.ok(Number(await row.getAttribute('data-open')) >= Number(await row.getAttribute('data-decides')));
  assert.match(await row.textContent(), /When did “.*” happen\?/);
  assert.match(await page.textContent('[data-testid="agenda-count"]'), /^1 Jun 2020: \d+ questions behind \d+ undecided answers$/);
  // Ranked: what one finding decides most comes first.
  const decides = (await page.locator('[data-testid="agenda-row"]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.decides))));
  assert.deepEqual(decides, [...decides].sort((a, b) => b - a));
  await row.locator('[data-testid="agenda-open"]').scrollIntoViewIfNeeded();
  await row.screenshot({ path: 'target/e2e/agenda-en.png' });
  // The exports: every question, the dataset's version.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="agenda-csv"]')]);
  const text = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const version = (await page.textContent('[data-testid="dataset-version"]')).trim();
  assert.match(text.split('\n')[0], /^rank,field,event,silent_channel,open,decides,question,first_journey,first_day,day,dataset_version$/);
  assert.equal(text.trim().split('\n').length - 1, decides.length);
  assert.ok(text.includes('taobao-shop-card') && text.includes(version));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="agenda-json"]')]);
  const doc = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  assert.equal(doc.dataset_version, version);
  assert.equal(doc.questions.length, decides.length);
  // It opens an answer it decides: the explorer shows it, undecided, with this question asked.
  await row.locator('[data-testid="agenda-open"]').click();
  await page.locator('[data-testid="decide"] [data-testid="question"][data-event="taobao-shop-card"]').waitFor();
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'undecided');
  // Closing the panel takes it out of the link.
  await page.click('[data-testid="agenda"] summary');
  await page.waitForFunction(() => !location.search.includes('questions='));
  assert.deepEqual(problems, []);
  await page.close();
});

test('中文：待解的问题', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=zh&questions=2016`);
  await page.locator('[data-testid="agenda-row"]').first().waitFor({ timeout: 60000 });
  assert.match(await page.textContent('[data-testid="agenda-count"]'), /^2016年6月1日：\d+个问题/);
  assert.match(await page.textContent('[data-testid="agenda"] summary'), /待解的问题/);
  assert.deepEqual(problems, []);
  await page.close();
});
