// Phones (360–414 px): no sideways scrolling anywhere (the default view in both languages, a story
// open, an event's details open), every control at least 24 × 24 px, and the network and the
// timeline work by touch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, loaded, seen } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

async function phone(width, query) {
  const context = await b.newContext({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}${query}`);
  await loaded(page);
  return { page, context, problems };
}

const VIEWS = ['?lang=zh', '?lang=en', '?lang=en&story=walls-and-reconnection&step=3', '?lang=zh&event=alipay-bans-wechat-merchants'];

for (const width of [360, 375, 414]) {
  test(`at ${width} px nothing scrolls sideways and every control is at least 24 px square`, async () => {
    for (const query of VIEWS) {
      const { page, context, problems } = await phone(width, query);
      if (query.includes('story')) await page.waitForSelector('[data-testid="story"]');
      if (query.includes('event')) await page.waitForSelector('[data-testid="event-details"]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${query}: the page scrolls sideways by ${overflow}px`);
      const small = await page.evaluate(() => [...document.querySelectorAll('button, input, select')].map((el) => {
        const box = el.getBoundingClientRect();
        return { what: `${el.tagName} ${el.dataset.testid || el.type || el.className}`, w: box.width, h: box.height };
      }).filter((c) => (c.w > 0 || c.h > 0) && (c.w < 24 || c.h < 24)));
      assert.deepEqual(small, [], `${query}: targets under 24 px`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}

test('a tap on an edge shows its label; a tap on a timeline mark opens it', async () => {
  const { page, context, problems } = await phone(375, '?lang=en&date=2016-01-01');
  // Drawn by the frame after the scroll (off the first screen, the network waits to be drawn until
  // it nears the viewport: `content-visibility`); a finger comes later than that.
  await seen(page, '[data-testid="network"]');
  // A point on an edge where no other edge lies over it (edges between the same two platforms
  // overlap), in the page's coordinates, and that edge's name.
  const at = await page.evaluate(() => {
    for (const path of document.querySelectorAll('[data-testid="edge"]')) {
      const m = path.getScreenCTM();
      for (let t = 0.5; t < 0.95; t += 0.05) {
        for (const u of [t, 1 - t]) {
          const p = path.getPointAtLength(path.getTotalLength() * u);
          const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
          if (y > 0 && y < innerHeight && document.elementFromPoint(x, y) === path) return { x, y, name: path.getAttribute('aria-label') };
        }
      }
    }
    return null;
  });
  assert.ok(at, 'some edge can be tapped');
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('[data-testid="edge-info"]').textContent.includes('→'));
  assert.ok((await page.textContent('[data-testid="edge-info"]')).startsWith(`${at.name}: `), at.name);

  const mark = page.locator('[data-testid="event"][data-event-id="alipay-bans-wechat-merchants"]');
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid="event-details"][data-event-id="alipay-bans-wechat-merchants"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the timeline shows the opened event, and the day when none is open', async () => {
  // Where the timeline is wider than the screen, its box scrolls to the opened event's mark, else
  // to the day's cursor, when they are out of sight (it opened on 2004 whatever the view).
  // `scrolled`: and the box had to scroll for it.
  const inSight = (page, selector, scrolled = true) => page.waitForFunction(([selector, scrolled]) => {
    const scroll = document.querySelector('.timeline-scroll');
    const box = scroll.getBoundingClientRect();
    const r = document.querySelector(selector).getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right && (!scrolled || scroll.scrollLeft > 0);
  }, [selector, scrolled]);
  const { page, context, problems } = await phone(375, '?lang=en&date=2024-10-01&event=taobao-wechat-pay-rollout');
  await page.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
  await inSight(page, '[data-testid="event"][data-event-id="taobao-wechat-pay-rollout"]');
  // Another event, on another day.
  await page.goto(`${server.url}?lang=en&date=2014-02-13&event=alipay-bans-wechat-merchants`);
  await loaded(page);
  await page.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
  await inSight(page, '[data-testid="event"][data-event-id="alipay-bans-wechat-merchants"]', false);
  // No event open: the day's cursor.
  await page.goto(`${server.url}?lang=en&date=2021-09-17`);
  await loaded(page);
  await page.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
  await inSight(page, '.date-cursor');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the first screen is drawn piece by piece, each below the last: nothing on screen moves', async () => {
  // The page is drawn in short tasks (src/page.rs) and the parts fill their slots after it; a
  // reader who starts reading the header must not see it jump. Cumulative layout shift until the
  // parts are in, in both languages, below Web Vitals' "good" (0.1).
  for (const query of ['', '?lang=en']) {
    const context = await b.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.hadRecentInput) window.__shifts.push([e.value, e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className || ''))]);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('[data-parts="in"]');
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, [v]) => sum + v, 0);
    assert.ok(total < 0.1, `${query || 'default'}: layout shift ${total.toFixed(3)}: ${JSON.stringify(shifts)}`);
    console.log(`# ${query || 'default'}: layout shift ${total.toFixed(4)} ${JSON.stringify(shifts)}`);
    await context.close();
  }
});

// Issue 24: the network is legible on a phone. Its drawing keeps a scale at which every label is at
// least 11 px on screen and every edge's touch target at least 24 px, and its box scrolls sideways
// (the page itself does not), in both languages.
for (const lang of ['en', 'zh']) {
  test(`at 375 px the network's labels are at least 11 px and its edges' touch targets 24 px (${lang})`, async () => {
    const { page, context, problems } = await phone(375, `?lang=${lang}`);
    await seen(page, '[data-testid="network"]');
    const sizes = await page.evaluate(() => {
      const scale = (el) => { const m = el.getScreenCTM(); return Math.hypot(m.a, m.b); };
      const texts = [...document.querySelectorAll('[data-testid="network"] svg text')]
        .filter((t) => t.textContent.trim())
        .map((t) => ({ text: t.textContent.slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * scale(t) }));
      const edges = [...document.querySelectorAll('[data-testid="edge"]')]
        .map((e) => ({ edge: e.getAttribute('aria-label'), px: parseFloat(getComputedStyle(e).strokeWidth) * scale(e) }));
      const box = document.querySelector('.network-scroll');
      return { texts, edges, scrolls: box.scrollWidth > box.clientWidth, overflow: document.documentElement.scrollWidth - innerWidth };
    });
    assert.ok(sizes.texts.length > 10, `${sizes.texts.length} labels`);
    assert.deepEqual(sizes.texts.filter((t) => t.px < 11 - 1e-6), [], 'labels under 11 px on screen');
    assert.ok(sizes.edges.length > 10, `${sizes.edges.length} edges`);
    assert.deepEqual(sizes.edges.filter((e) => e.px < 24 - 1e-6), [], 'edges whose touch target is under 24 px');
    assert.ok(sizes.scrolls, 'the network box scrolls sideways');
    assert.ok(sizes.overflow <= 0, `the page scrolls sideways by ${sizes.overflow}px`);
    await page.locator('[data-testid="network-swipe"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
}
