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
  // Every question is weighed against the simulation, from the top of the list.
  await page.locator('[data-testid="agenda-list"][data-weighed="true"]').waitFor({ timeout: 120000 });
  await row.locator('[data-testid="agenda-open"]').scrollIntoViewIfNeeded();
  await row.screenshot({ path: 'target/e2e/agenda-en.png' });
  // The exports: every question, the dataset's version.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="agenda-csv"]')]);
  const text = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const version = (await page.textContent('[data-testid="dataset-version"]')).trim();
  assert.match(text.split('\n')[0], /^rank,field,event,silent_channel,open,decides,question,first_journey,first_day,day,dataset_version,silent_low_now,silent_high_now,answer_1,silent_low_1,silent_high_1,answer_2,silent_low_2,silent_high_2$/);
  assert.equal(text.trim().split('\n').length - 1, decides.length);
  assert.ok(text.includes('taobao-shop-card') && text.includes(version));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="agenda-json"]')]);
  const doc = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  assert.equal(doc.dataset_version, version);
  assert.equal(doc.questions.length, decides.length);
  // What each answer is worth to the simulation: the shop cards found by the day narrow its silent
  // range, found after leave it as it is (the tokens are still undated).
  const worth = row.locator('[data-testid="agenda-worth"]');
  assert.match(await worth.textContent(), /^The simulation \(default assumptions\), purchases lost where the sources are silent: now [\d.]+[kMB]? – [\d.]+[kMB]?; A source dating it on or before 1 Jun 2020: [\d.]+[kMB]? – [\d.]+[kMB]?; A source dating it after 1 Jun 2020: unchanged\.$/);
  assert.ok(Number(await worth.getAttribute('data-narrows')) === 0, 'whatever the answer: at least nothing');
  const cells = text.split('\n').find((l) => l.includes('taobao-shop-card')).split(',');
  assert.equal(cells.at(-6), 'by-the-day');
  assert.ok(Number(cells.at(-5)) < Number(cells.at(-8)), 'found by the day, less is lost at the low end');
  assert.equal(doc.questions.find((q) => q.event === 'taobao-shop-card').simulation[1].answer, 'after-the-day');
  // Ranked by what a question narrows whatever its answer: in order, the largest first.
  await page.selectOption('[data-testid="agenda-rank"]', 'worth');
  const narrows = await page.locator('[data-testid="agenda-worth"]').evaluateAll((ps) => ps.map((p) => Number(p.dataset.narrows)));
  assert.deepEqual(narrows, [...narrows].sort((a, b) => b - a));
  assert.ok(narrows[0] > 0, 'some question narrows the range whatever its answer');
  await page.selectOption('[data-testid="agenda-rank"]', 'decides');
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
