// The release build is split (src/lazy.rs, scripts/split.sh): the first screen comes from the main
// module, the rest from parts fetched after it. Every part arrives and works; a part that does not
// arrive says so, the rest of the page keeps working, and a retry loads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, openPage, readThrough, DIST, loaded, seen } from './harness.mjs';

const split = existsSync(join(DIST, '__wasm_split.js'));
let server, b;
before(async () => {
  server = await serve();
  b = await browser();
});
after(async () => { await b?.close(); await server?.close(); });

/** Presses a Retry as a reader does: once it is in view and has been on screen for two frames
 * (`seen`). Pressed the way Playwright's `click` does, scrolled and pressed in one go, a Retry
 * sometimes did nothing: 1 run in 12–16 under load, with no second request, so the press seems
 * never to have reached its button. That is the likely cause, not a proven one. */
async function retry(page, button) {
  await seen(page, button);
  await button.click();
}

test('a part is fetched only when its place nears the viewport (or a link needs it)', { skip: !split && 'not a split build' }, async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`, undefined, { read: false });
  await page.waitForSelector('[data-testid="edge"]');
  await page.waitForTimeout(1500);
  // The Leptos side of the page (split_shell: the slots' components, the toolbar's stories, theme
  // and printing) comes right after the first screen; nothing below the first screen does.
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname.split('/').pop())
    .filter((n) => /^split_.*\.wasm$/.test(n) && n !== 'split_shell.wasm'));
  assert.deepEqual(await fetched(), [], 'nothing below the first screen before the reader scrolls');
  const textsFetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/texts.bin')));
  assert.equal(await textsFetched(), false, 'the long texts (summaries, notes) are not part of the first screen');
  assert.equal(await page.locator('[data-testid="sim-panel"]').count(), 0);
  await readThrough(page);
  await page.waitForSelector('[data-testid="sim-panel"]');
  assert.ok((await fetched()).includes('split_rest.wasm'));
  assert.equal(await textsFetched(), true, 'they come with the timeline and details');
  // A link to an event needs the timeline's part at once, scrolled or not.
  const linked = await openPage(b, `${server.url}?lang=en&event=alipay-bans-wechat-merchants`, undefined, { read: false });
  await linked.page.waitForSelector('[data-testid="event-details"][data-event-id="alipay-bans-wechat-merchants"]');
  assert.deepEqual([...problems, ...linked.problems], []);
});

test('the first screen answers without the rest of the page; if that does not arrive, it says so and a retry loads it', { skip: !split && 'not a split build' }, async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/split_shell.wasm', (route) => route.abort());
  await page.goto(`${server.url}?lang=en&date=2022-06-01&from=wechat-group&shop=taobao&pay=alipay`);
  const error = page.locator('[data-testid="chunk-error"][data-part="rest of the page"]');
  await error.waitFor();
  assert.match(await error.textContent(), /rest of the page could not be loaded/);
  // The explorer and the network work on their own: a new journey, a new verdict, the URL follows.
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'direct');
  await page.selectOption('[data-testid="pay-select"]', 'wechat-pay');
  await page.waitForSelector('[data-testid="verdict"][data-verdict="partial"]');
  assert.match(page.url(), /pay=wechat-pay/);
  await page.click('[data-testid="next-event"]');
  assert.notEqual(await page.getAttribute('[data-testid="playhead"]', 'data-date'), '2022-06-01');
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0);
  await page.unroute('**/split_shell.wasm');
  await retry(page, error.locator('[data-testid="chunk-retry"]'));
  await page.waitForSelector('[data-testid="copy-link"]');
  await page.waitForSelector('[data-testid="toolbar"] button');
  assert.equal(await page.locator('[data-testid="chunk-error"]').count(), 0);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the parts below the first screen are fetched after it and all arrive', { skip: !split && 'not a split build' }, async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  await page.waitForSelector('[data-testid="sim-panel"]');
  await page.waitForSelector('[data-testid="data-panel"]');
  await page.waitForSelector('[data-testid="search-input"]');
  await page.waitForSelector('[data-testid="cite-journey"]');
  assert.equal(await page.locator('[data-testid="chunk-loading"], [data-testid="chunk-error"]').count(), 0);
  const parts = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname.split('/').pop()).filter((n) => /^(split|chunk)_.*\.wasm$/.test(n)));
  for (const part of ['split_shell.wasm', 'split_rest.wasm']) assert.ok(parts.includes(part), `${part} in ${parts}`);
  assert.deepEqual(problems, []);
});

test('a part that does not arrive says so, the rest works, and a retry loads it', { skip: !split && 'not a split build' }, async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Everything below the first screen is one part (issue 22: the whole page costs less so).
  await page.route('**/split_rest.wasm', (route) => route.abort());
  await page.goto(`${server.url}?lang=en`);
  await page.waitForSelector('[data-testid="verdict"]');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const error = page.locator('[data-testid="chunk-error"][data-part="simulation"]');
  await error.waitFor();
  await readThrough(page);
  await error.waitFor();
  assert.match(await error.textContent(), /simulation could not be loaded/);
  // Each place that needs it says so; the first screen and the toolbar are unharmed.
  for (const part of ['timeline and events', 'dataset panel']) {
    await page.locator(`[data-testid="chunk-error"][data-part="${part}"]`).waitFor();
  }
  assert.ok(await page.locator('[data-testid="verdict"]').count() === 1);
  await page.waitForSelector('[data-testid="toolbar"] select');
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0);

  await page.unroute('**/split_rest.wasm');
  await retry(page, error.locator('[data-testid="chunk-retry"]'));
  await page.waitForSelector('[data-testid="sim-panel"]');
  await page.waitForSelector('[data-testid="sim-result"][data-state="done"]', { timeout: 30000 });
  // The others come with their own Retry.
  for (let left = 10; left > 0 && await page.locator('[data-testid="chunk-retry"]').count(); left--) {
    await retry(page, page.locator('[data-testid="chunk-retry"]').first());
    await page.waitForTimeout(100);
  }
  await page.waitForSelector('[data-testid="data-panel"]');
  await page.waitForSelector('[data-testid="event-count"]');
  assert.equal(await page.locator('[data-testid="chunk-error"]').count(), 0);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the long texts come with the details; if they do not arrive, the part says so and a retry shows them', { skip: !split && 'not a split build' }, async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/texts.bin', (route) => route.abort());
  await page.goto(`${server.url}?lang=en&event=alipay-bans-wechat-merchants`);
  await page.waitForSelector('[data-testid="verdict"]');
  const error = page.locator('[data-testid="chunk-error"][data-part="timeline and events"]');
  await error.waitFor();
  // The first screen is whole: its verdict cites the event by its title and quote.
  assert.equal(await page.locator('[data-testid="verdict"]').count(), 1);
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0);
  await page.unroute('**/texts.bin');
  await retry(page, error.locator('[data-testid="chunk-retry"]'));
  const details = page.locator('[data-testid="event-details"][data-event-id="alipay-bans-wechat-merchants"]');
  await details.waitFor();
  // The summary is the event's own, from the texts file (the embedded data's export has it too).
  const data = await (await page.request.get(`${server.url}dataset/dataset.json`)).json();
  const event = data.events.find((e) => e.id === 'alipay-bans-wechat-merchants');
  assert.ok(event.summary.en.length > 20);
  assert.equal((await details.locator('.summary').textContent()).trim(), event.summary.en);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a saved import waits for the data part; if it does not arrive, a retry loads it and the page', { skip: !split && 'not a split build' }, async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}?lang=en`);
  await loaded(page);
  // A saved import: the example export (the embedded data as an import).
  const saved = await (await page.request.get(`${server.url}dataset/dataset.json`)).text();
  await page.evaluate((text) => localStorage.setItem('hutong.dataset.v1', text), saved);

  await page.route('**/split_rest.wasm', (route) => route.abort());
  await page.reload();
  const error = page.locator('[data-testid="chunk-error"][data-part="imported dataset"]');
  await error.waitFor();
  assert.match(await error.textContent(), /imported dataset could not be loaded/);
  await page.unroute('**/split_rest.wasm');
  await retry(page, error.locator('[data-testid="chunk-retry"]'));
  await loaded(page);
  await page.waitForSelector('[data-testid="data-panel"]');
  assert.match(await page.textContent('[data-testid="dataset-status"]'), /Imported dataset/);
  assert.deepEqual(pageErrors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a generated dataset (?synthetic=N) is made by its own part; if it does not arrive, a retry makes it', { skip: !split && 'not a split build' }, async () => {
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/split_synthetic.wasm', (route) => route.abort());
  await page.goto(`${server.url}?lang=en&synthetic=300`);
  const error = page.locator('[data-testid="chunk-error"][data-part="generated dataset"]');
  await error.waitFor();
  await page.unroute('**/split_synthetic.wasm');
  await retry(page, error.locator('[data-testid="chunk-retry"]'));
  await page.waitForSelector('[data-testid="edge"]');
  await page.waitForSelector('[data-testid="verdict"]');
  assert.match(page.url(), /synthetic=300/);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
