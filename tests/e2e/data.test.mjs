// Your own data, in a real browser: a bad file is refused with every problem and changes nothing; a
// good one replaces the events and survives a reload; markup in a dataset stays text; exports carry
// the data; the embed view, the copy-link control and the crash message work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, browser, openPage, shot, readJson, ROOT, loaded } from './harness.mjs';

let server, b, nEvents;
before(async () => {
  server = await serve();
  b = await browser();
  nEvents = (await readJson('data/events.json')).events.length;
});
after(async () => { await b?.close(); await server?.close(); });

const count = async (page) => Number(await page.textContent('[data-testid="event-count"]'));
const file = (name, text, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

const HEADER = 'id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote,effects';
const BAD = `${HEADER}\r\n` +
  'a,2014-02-31,effective,open,taobao,t,t,s,s,huxiu-2014-02-18,q,\r\n' +
  'b,2014-02-01,sure,open,nobody,t,t,s,s,huxiu-2014-02-18,q,link wechat-group taobao open\r\n';
const GOOD = `\uFEFF${HEADER}\r\n` +
  'mine-1,2020-05,announced,open,taobao,甲,First of mine,摘要,Summary,huxiu-2014-02-18,微信,link wechat-group>taobao open\r\n' +
  'mine-2,2021-11-30,effective,block,wechat,乙,Second of mine,摘要,Summary,huxiu-2014-02-18,微信,link wechat-group>taobao close\r\n';

test('a bad file lists its problems and changes nothing; a good one replaces the events and survives a reload', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  assert.equal(await count(page), nEvents);

  await page.setInputFiles('[data-testid="import"]', file('bad.csv', BAD));
  const error = page.locator('[data-testid="import-error"]');
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /bad\.csv, row 2, column B, item a, field date/, text);
  assert.match(text, /unknown variant `sure`/, text);
  assert.match(text, /effect 1/, text);
  assert.match(text, /has not changed/, text);
  assert.equal(await count(page), nEvents, 'the dataset in use is unchanged');
  await shot(page, 'import-error-en.png');

  await page.setInputFiles('[data-testid="import"]', file('mine.csv', GOOD));
  await page.locator('[data-testid="import-status"]').waitFor();
  assert.equal(await count(page), 2);
  const status = await page.textContent('[data-testid="import-status"]');
  assert.match(status, /2 events added/, status);
  assert.match(status, /byte-order mark/, status);
  assert.match(status, /CRLF/, status);
  assert.equal(await page.getAttribute('[data-testid="import-status"]', 'data-saved'), 'true');
  assert.equal(await page.locator('[data-testid="event"][data-event-id="mine-2"]').count(), 1);
  assert.match(new URL(page.url()).search, /dataset=imported(~|%7E)[0-9a-f]{8}/);
  // Routing runs on it: 2021-12 WeChat group → Taobao is blocked by the imported block, cited.
  await page.fill('[data-testid="date-input"]', '2021-12-01');
  await page.locator('[data-testid="verdict"] [data-event-id="mine-2"]').first().waitFor();

  await page.reload();
  await loaded(page);
  assert.equal(await count(page), 2, 'the import survives a reload');
  assert.match(await page.textContent('[data-testid="dataset-status"]'), /Imported dataset/);
  assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0, 'the link names the dataset in use');

  // The bare address opens the saved import, with no notice (it names no dataset).
  await page.goto(server.url);
  await loaded(page);
  assert.equal(await count(page), 2);
  assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0);
  // A reader with the embedded dataset is told the link needs another one.
  const other = await openPage(b, page.url());
  await other.page.locator('[data-notice="dataset"]').waitFor();
  assert.match(await other.page.textContent('[data-notice="dataset"]'), /imported~/);

  await page.click('[data-testid="reset-dataset"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent === String(n), nEvents);
  // A new dataset while the simulation is still running on the old one: the old run just stops.
  await page.setInputFiles('[data-testid="import"]', file('mine.csv', GOOD));
  await page.waitForFunction(() => document.querySelector('[data-testid="event-count"]').textContent === '2');
  await page.click('[data-testid="reset-dataset"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent === String(n), nEvents);
  await page.locator('[data-testid="sim-result"][data-state="done"]').waitFor();
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0);
  await page.reload();
  await loaded(page);
  assert.equal(await count(page), nEvents, 'reset survives a reload too');
  assert.deepEqual(problems, []);
});

test('every class of bad file gets its own message in the browser, and changes nothing', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en`);
  const base = await readJson('docs/dataset/dataset.json');
  const variant = (f) => { const d = structuredClone(base); f(d); return JSON.stringify(d, null, 2); };
  const deep = `{"events": ${'['.repeat(40)}${']'.repeat(40)}}`;
  const cases = [
    ['too-big.json', Buffer.alloc(8 * 1024 * 1024 + 1, 32), /8388609 bytes; the limit is 8388608/],
    ['latin1.csv', Buffer.from([0x69, 0x64, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]), /latin1.csv, line 2, column 4: the file is not UTF-8/],
    ['deep.json', Buffer.from(deep), /nest deeper than 16 levels/],
    ['dup.json', Buffer.from(variant((d) => { d.events[1].id = d.events[0].id; })), /is used twice \(first on line \d+\)/],
    ['far.json', Buffer.from(variant((d) => { d.events[0].date = '1850-06'; })), /year 1850 is outside 1990–2100/],
    ['broken.json', Buffer.from('{"events": [ {"id": "x",, } ]}'), /line 1, column 25.*not valid JSON/],
    ['many.json', Buffer.from(JSON.stringify({ events: Array.from({ length: 20001 }, (_, i) => ({
      id: `e${i}`, date: '2014', status: 'effective', kind: 'open', actors: ['taobao'],
      title: { zh: 't', en: 't' }, summary: { zh: 's', en: 's' }, cite: { source: 'huxiu-2014-02-18', quote: 'q' },
    })) })), /20001 events; the limit is 20000/],
  ];
  for (const [name, buffer, want] of cases) {
    await page.setInputFiles('[data-testid="import"]', { name, mimeType: 'application/octet-stream', buffer });
    await page.waitForFunction((n) => document.querySelector('[data-testid="import-error"]')?.textContent.includes(n), name);
    const text = await page.textContent('[data-testid="import-error"]');
    assert.match(text, want, `${name}: ${text}`);
    assert.equal(await count(page), nEvents, name);
  }
  // More than 20 problems: the first 20 are listed, and the rest counted.
  const noisy = variant((d) => { d.events.forEach((e) => { e.date = 'soon'; e.actors = ['nobody']; }); });
  await page.setInputFiles('[data-testid="import"]', file('noisy.json', noisy, 'application/json'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent.includes('noisy.json'));
  const n = Number(await page.getAttribute('[data-testid="import-error"]', 'data-count'));
  assert.equal(await page.locator('[data-testid="import-error"] li').count(), 20);
  assert.match(await page.textContent('[data-testid="import-error"]'), new RegExp(`${n - 20} more problems are not listed`));
});

test('markup and script in a dataset are shown as text and never run', async () => {
  const data = await readJson('docs/dataset/dataset.json');
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
  data.version = 'evil-1';
  data.events[0].title.en = evil;
  data.events[0].cite.quote = evil;
  const url = 'javascript:window.__pwned=3';
  data.sources.forEach((s) => { s.url = url; });
  const { page } = await openPage(b, `${server.url}?lang=en`);
  await page.setInputFiles('[data-testid="import"]', file('evil.json', JSON.stringify(data), 'application/json'));
  await page.locator('[data-testid="import-status"]').waitFor();
  const id = data.events[0].id;
  await page.click(`[data-testid="event"][data-event-id="${id}"]`);
  await page.locator('[data-testid="event-details"]').waitFor();
  assert.ok((await page.textContent('[data-testid="event-details"]')).includes(evil), 'the title is shown literally');
  assert.ok((await page.textContent('[data-testid="quote"]')).includes(evil), 'the quote is shown literally');
  assert.equal(await page.locator('[data-testid="event-details"] img, [data-testid="event-details"] b').count(), 0);
  // A source address that is not http(s) is shown, not linked.
  assert.ok((await page.textContent('[data-testid="event-details"] .source')).includes(url));
  assert.equal(await page.locator('[data-testid="event-details"] .source a').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
});

test('the dataset exports as JSON and CSV, and the export imports again', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-dataset-json"]')]);
  const text = await readFile(await json.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'hutong-dataset');
  assert.equal(doc.events.length, nEvents);
  assert.match(json.suggestedFilename(), /^hutong-dataset-.*\.json$/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-dataset-events-csv"]')]);
  const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.match(rows[0], /^id,date,status,kind,actors/);
  const [reference] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-dataset-reference-csv"]')]);
  // Merging the two CSVs back changes no event.
  await page.click('[data-testid="import-merge"]');
  await page.setInputFiles('[data-testid="import"]', [
    { name: 'reference.csv', mimeType: 'text/csv', buffer: await readFile(await reference.path()) },
    { name: 'events.csv', mimeType: 'text/csv', buffer: await readFile(await csv.path()) },
  ]);
  await page.locator('[data-testid="import-status"]').waitFor();
  assert.match(await page.textContent('[data-testid="import-status"]'), new RegExp(`0 events added; ${nEvents} events replaced`));
  assert.equal(await count(page), nEvents);
});

test('?embed=1 is a compact view with a link to the full one', async () => {
  const b2 = await b.newPage({ viewport: { width: 640, height: 700 } });
  await b2.goto(`${server.url}?lang=en&embed=1&date=2022-01-01`);
  await b2.locator('[data-testid="network"]').waitFor();
  assert.equal(await b2.locator('[data-testid="data-panel"]').count(), 0);
  assert.equal(await b2.locator('[data-testid="sim-panel"]').count(), 0);
  const href = await b2.getAttribute('[data-testid="embed-link"]', 'href');
  assert.ok(href.includes('date=2022-01-01') && !href.includes('embed'), href);
  assert.equal(await b2.getAttribute('[data-testid="embed-link"]', 'target'), '_blank');
  await shot(b2, 'embed-en.png');
});

test('copy link copies the address, or shows it to copy by hand', async () => {
  const context = await b.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en&date=2016-01-01`);
  await page.click('[data-testid="copy-link"]');
  const status = page.locator('[data-testid="copy-link-status"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]').textContent.trim() !== '');
  if ((await status.textContent()).includes('Link copied')) {
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  } else {
    assert.equal(await page.inputValue('[data-testid="copy-link-url"]'), page.url());
  }
  await context.close();
});

test('a panic shows a message with a way on, not a frozen page', async () => {
  const page = await b.newPage();
  await page.goto(`${server.url}?lang=en&debug-panic=1`);
  const crash = page.locator('[data-testid="crash"]');
  await crash.waitFor({ timeout: 20000 });
  assert.match(await crash.textContent(), /Something went wrong.*Reload/s);
  // The reload link is the page's address as the app last wrote it (without debug-panic).
  assert.equal(await page.getAttribute('[data-testid="crash-reload"]', 'href'), page.url());
});

test('the example files are on the site', async () => {
  for (const name of ['dataset.json', 'events.csv', 'reference.csv', 'DATASET.md']) {
    const res = await fetch(`${server.url}dataset/${name}`);
    assert.equal(res.status, 200, name);
    assert.equal(await res.text(), await readFile(join(ROOT, 'docs', 'dataset', name), 'utf8'));
  }
});
