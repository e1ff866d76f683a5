// Stories in the built site: a story link opens its step (the view, the open event, the playhead),
// the arrow keys step it while the focus is in the story, the URL keeps the step so a reload
// restores it, and a bad link gives a notice and the page without a story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage, shot, loaded } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const step = (page) => page.getAttribute('[data-testid="story"]', 'data-step');
const param = (page, name) => new URL(page.url()).searchParams.get(name);

test('a story link opens its step, the arrow keys step it, and a reload restores it', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&story=walls-and-reconnection&step=2`);
  await page.waitForSelector('[data-testid="story"][data-step="2"]');
  assert.match(await page.textContent('[data-testid="story-caption"]'), /^7 January 2014: one of Alibaba's answers/);
  assert.equal(await page.textContent('[data-testid="story-position"]'), 'Step 2 of 9');
  assert.equal(await page.inputValue('[data-testid="date-input"]'), '2014-01-10');
  assert.equal(await page.getAttribute('[data-testid="playhead"]', 'data-date'), '2014-01-10');
  await page.waitForSelector('[data-testid="event-details"][data-event-id="weibo-pay-launch"]');

  await page.click('[data-testid="story-next"]');
  await page.waitForSelector('[data-testid="story"][data-step="3"]');
  // The focus is on Next, in the story: the arrow keys step it.
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="story"][data-step="4"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('step') === '4');
  assert.equal(await step(page), '4');
  assert.equal(await page.getAttribute('[data-testid="playhead"]', 'data-date'), '2014-10-01');
  assert.equal(param(page, 'story'), 'walls-and-reconnection');
  await shot(page, 'story-en.png');

  // In the playback controls the arrow keys are the playback's.
  await page.focus('[data-testid="next-event"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="playhead"]').dataset.date !== '2014-10-01');
  assert.equal(await step(page), '4');

  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-testid="story"][data-step="4"]');
  assert.equal(await page.getAttribute('[data-testid="playhead"]', 'data-date'), '2014-10-01');
  await page.click('[data-testid="story-leave"]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('story'));
  assert.equal(await page.locator('[data-testid="story"]').count(), 0);
  assert.deepEqual(problems, []);
});

test('a story started from the toolbar takes the focus, so the arrow keys step it at once', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en`);
  await page.click('[data-testid="story-start"][data-story="walls-and-reconnection"]');
  await page.waitForSelector('[data-testid="story"][data-step="1"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'story-next');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="story"][data-step="2"]');
  assert.equal(await page.getAttribute('[data-testid="story-start"]', 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
});

test('the story in Chinese on a phone', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=zh&story=walls-and-reconnection&step=8`, { width: 375, height: 812 });
  await page.waitForSelector('[data-testid="story"][data-step="8"]');
  assert.match(await page.textContent('[data-testid="story-caption"]'), /假如微信没有改规则呢/);
  assert.equal(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'), 'undecided');
  await page.screenshot({ path: 'target/e2e/story-zh-phone.png' });
  assert.deepEqual(problems, []);
});

test('an unknown story or a step past its end gives a notice, never a blank page', async () => {
  for (const [query, said] of [['story=nope', /story=nope/], ['story=walls-and-reconnection&step=42', /step=42/]]) {
    const { page, problems } = await openPage(b, `${server.url}?lang=en&${query}`);
    await page.locator('[data-testid="url-notice"]').waitFor();
    assert.match(await page.textContent('[data-testid="url-notice"]'), said);
    assert.equal(await page.locator('[data-testid="story"]').count(), 0);
    assert.ok(await page.getAttribute('[data-testid="verdict"]', 'data-verdict'));
    assert.ok(!new URL(page.url()).searchParams.has('story'));
    assert.deepEqual(problems, []);
  }
});
