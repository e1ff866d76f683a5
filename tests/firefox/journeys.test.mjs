// The core journeys of the end-to-end suite, in Firefox ESR (WebDriver BiDi, puppeteer-core): the
// site loads from a sub-path with every event, a shared journey gives its verdict and cites its
// events, playback moves the playhead and an edge changes verdict, and a bad import lists its
// problems and changes nothing. Run after `trunk build --release` (scripts/test.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, firefox, openPage, sleep } from './harness.mjs';
import { readJson, SHOTS } from '../e2e/harness.mjs';

let server, ff, nEvents;
before(async () => {
  server = await serve();
  ff = await firefox();
  nEvents = (await readJson('data/events.json')).events.length;
  await mkdir(SHOTS, { recursive: true });
});
after(async () => { await ff?.close(); await server?.close(); });

const text = (page, sel) => page.$eval(sel, (el) => el.textContent);
const attr = (page, sel, name) => page.$eval(sel, (el, name) => el.getAttribute(name), name);

test('Firefox: the site loads from a sub-path and shows every embedded event', async () => {
  const { page, problems } = await openPage(ff.browser, `${server.url}?lang=en`);
  assert.equal(await text(page, '[data-testid="event-count"]'), String(nEvents));
  assert.equal((await page.$$('[data-testid="event"]')).length, nEvents);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.screenshot({ path: join(SHOTS, 'firefox-site-en.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: a shared journey gives its verdict and cites the deciding events', async () => {
  const query = '?date=2014-02-14&from=wechat-official-account&shop=wechat-shop&pay=alipay&lang=en';
  const { page, problems } = await openPage(ff.browser, server.url + query, { read: false });
  assert.equal(await attr(page, '[data-testid="verdict"]', 'data-verdict'), 'undecided');
  assert.ok((await page.$$('[data-testid="verdict"] [data-event-id="alipay-existing-wechat-merchants-to-end"]')).length >= 1);
  // Another day, through the form: the verdict follows.
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="date-input"]');
    input.value = '2014-10-01';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('date') === '2014-10-01');
  // And another instrument: WeChat Pay in WeChat's own shops, partial (WeChat Shop, for verified
  // service accounts with WeChat Pay), carried past the article of 2014-09-12.
  await page.select('[data-testid="pay-select"]', 'wechat-pay');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]').dataset.verdict === 'partial');
  assert.ok((await page.$$('[data-testid="verdict"] [data-event-id="wechat-shop-launch"]')).length >= 1);
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('from'), 'wechat-official-account');
  assert.equal(params.get('pay'), 'wechat-pay');
  await page.screenshot({ path: join(SHOTS, 'firefox-explorer-en.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: playing moves the playhead and an edge changes verdict across 2021-11', async () => {
  const EDGE = '[data-testid="edge"][data-from="wechat-group"][data-to="taobao"][data-channel="link"]';
  const { page, problems } = await openPage(ff.browser, `${server.url}?lang=en&date=2021-06-01`, { read: false });
  await page.waitForSelector(EDGE);
  assert.equal(await attr(page, '[data-testid="playhead"]', 'data-date'), '2021-06-01');
  assert.equal(await attr(page, EDGE, 'data-verdict'), 'blocked');
  await page.select('[data-testid="speed"]', '365');
  await page.click('[data-testid="play"]');
  assert.equal(await attr(page, '[data-testid="play"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-testid="playhead"]').dataset.date > '2022-01-01', { timeout: 20000 });
  await page.click('[data-testid="play"]');
  const date = await attr(page, '[data-testid="playhead"]', 'data-date');
  assert.ok(date > '2022-01-01', `playhead at ${date}`);
  assert.equal(await attr(page, EDGE, 'data-verdict'), 'direct');
  await page.waitForFunction((d) => new URL(location.href).searchParams.get('date') === d, {}, date);
  assert.ok((await text(page, '[data-testid="passed-event"]')).length > 0, 'the passed event is announced');
  // The table of channels follows the playhead too.
  await page.click('[data-testid="network-table"] summary');
  await page.waitForSelector('[data-testid="channel-table"] tbody tr');
  assert.ok((await page.$$('[data-testid="channel-table"] tbody tr')).length > 20);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: a bad import lists its problems and changes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hutong-import-'));
  try {
    const HEADER = 'id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote,effects';
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, `${HEADER}\r\n` +
      'a,2014-02-31,effective,open,taobao,t,t,s,s,huxiu-2014-02-18,q,\r\n' +
      'b,2014-02-01,sure,open,nobody,t,t,s,s,huxiu-2014-02-18,q,link wechat-group taobao open\r\n');
    const { page, problems } = await openPage(ff.browser, `${server.url}?lang=en`);
    const input = await page.waitForSelector('[data-testid="import"]');
    await input.uploadFile(bad);
    await page.waitForSelector('[data-testid="import-error"]');
    const error = await text(page, '[data-testid="import-error"]');
    assert.match(error, /bad\.csv, row 2, column B, item a, field date/, error);
    assert.match(error, /unknown variant `sure`/, error);
    assert.match(error, /has not changed/, error);
    await sleep(200);
    assert.equal(await text(page, '[data-testid="event-count"]'), String(nEvents), 'the dataset in use is unchanged');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
