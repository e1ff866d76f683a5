// Playback in the built site: play for a few seconds, the playhead advances, the WeChat group chat →
// Taobao link edge turns from blocked to direct across November 2021, and the URL's date is written
// when playback pauses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage, readJson } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const EDGE = '[data-testid="edge"][data-from="wechat-group"][data-to="taobao"][data-channel="link"]';

test('playing moves the playhead and an edge changes verdict across 2021-11', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&date=2021-06-01&reps=1`);
  assert.equal(await page.getAttribute('[data-testid="playhead"]', 'data-date'), '2021-06-01');
  assert.equal(await page.getAttribute(EDGE, 'data-verdict'), 'blocked');
  await page.selectOption('[data-testid="speed"]', '365');
  await page.click('[data-testid="play"]');
  assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'true');
  await page.waitForTimeout(2500);
  await page.click('[data-testid="play"]');
  const date = await page.getAttribute('[data-testid="playhead"]', 'data-date');
  assert.ok(date > '2022-01-01', `playhead at ${date}`);
  assert.equal(await page.getAttribute(EDGE, 'data-verdict'), 'direct');
  // The URL date is written on pause (after the paint, once a frame: issue 24).
  await page.waitForFunction((d) => new URL(location.href).searchParams.get('date') === d, date);
  assert.ok((await page.textContent('[data-testid="passed-event"]')).length > 0, 'the passed event is announced');
  // The simulation's charts follow the playhead.
  assert.ok((await page.textContent('[data-testid="chart-purchases"] [data-testid="chart-readout"]')).startsWith(date.slice(0, 7)));
  assert.deepEqual(problems, []);
});

test('the exported network carries its description as alt text', async () => {
  const { page } = await openPage(b, `${server.url}?lang=en&date=2016-01-01&reps=1`);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-network-svg"]')]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /<desc>\d+ walls stand: .*WeChat group chat → Taobao/);
  assert.ok(text.includes(`Hutong 互通 · 1 Jan 2016 · ${(await readJson('data/reference.json')).version}`));
});

test('the network in 2014 and in 2024', async () => {
  for (const [date, name] of [['2014-06-01', 'network-2014-en.png'], ['2024-10-01', 'network-2024-en.png']]) {
    const { page } = await openPage(b, `${server.url}?lang=en&date=${date}&reps=1`);
    const n = await page.locator('[data-testid="edge"]').count();
    assert.ok(n > 20, `${n} edges`);
    await (await page.$('.network-panel')).screenshot({ path: `target/e2e/${name}` });
  }
});

test('the network as a table follows the playhead, with stated and inferred events', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&date=2021-06-01&reps=1`);
  const table = page.locator('[data-testid="network-table"]');
  assert.equal(await table.locator('table').count(), 0, 'built only when opened');
  await table.locator('summary').click();
  await table.locator('tbody tr').first().waitFor();
  assert.match(await table.locator('caption').textContent(), /1 Jun 2021/);
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers.map((h) => h.split(' ')[0]), ['From', 'To', 'Channel', 'Verdict', 'Deciding']);
  assert.equal(await table.locator('tbody tr').count(), await page.locator('[data-testid="edge"]').count(), 'a row per edge');
  const row = table.locator('tbody tr', { hasText: 'WeChat group chat' }).filter({ hasText: 'Taobao' }).filter({ has: page.locator('td:nth-child(3):text-is("link")') });
  assert.equal(await row.getAttribute('data-verdict'), 'blocked');
  assert.ok(await table.locator('li[data-ground="stated"]').count() > 0);
  assert.ok(await table.locator('li[data-ground="inferred"]').count() > 0);
  assert.match(await table.locator('li[data-ground="inferred"]').first().textContent(), /\(inferred: /);
  // The playhead moves (the last event): the table follows.
  await page.click('.playback button:nth-of-type(5)'); // jump to the end
  await page.waitForFunction(() => /2025/.test(document.querySelector('[data-testid="channel-table"] caption').textContent));
  assert.equal(await row.getAttribute('data-verdict'), 'direct');
  await (await page.$('.network-panel')).screenshot({ path: 'target/e2e/network-table-en.png' });
  assert.deepEqual(problems, []);
});

test('each decided channel says how it is known: the edges, the table rows, the exported description', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&date=2022-04-01&reps=1`);
  const edges = page.locator('[data-testid="edge"]');
  const decided = await page.locator('[data-testid="edge"]:not([data-verdict="undecided"])').count();
  assert.ok(decided > 0);
  assert.equal(await page.locator('[data-testid="edge"][data-grounds]').count(), decided, 'every decided edge, and only they');
  assert.ok(await page.locator('[data-testid="edge"][data-grounds="stated"]').count() > 0);
  assert.ok(await page.locator('[data-testid="edge"][data-grounds="inferred"]').count() > 0);
  const table = page.locator('[data-testid="network-table"]');
  await table.locator('summary').click();
  await table.locator('tbody tr').first().waitFor();
  assert.equal(await table.locator('tbody tr').count(), await edges.count());
  assert.equal(await table.locator('tbody tr[data-grounds]').count(), decided, 'a row for every decided edge says how it is known');
  assert.equal(await table.locator('tbody tr[data-verdict="undecided"][data-grounds]').count(), 0);
  const stated = table.locator('tbody tr[data-grounds="stated"]').first();
  assert.match(await stated.locator('td:nth-child(4)').textContent(), / — stated$/);
  const inferred = table.locator('tbody tr[data-grounds="inferred"]').first();
  assert.match(await inferred.locator('td:nth-child(4)').textContent(), / — inferred: /);
  // The export's description counts them.
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-network-svg"]')]);
  const { readFile } = await import('node:fs/promises');
  assert.match(await readFile(await svg.path(), 'utf8'), /Of the \d+ decided, \d+ are stated by their sources and \d+ inferred\.<\/desc>/);
  assert.deepEqual(problems, []);
});
