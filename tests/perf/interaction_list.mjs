// The interactions tests/perf/interactions.mjs times, in its order (each sets up the next: a
// "what if" is still on when the story starts); tests/perf/probe_interaction.mjs replays them
// (BENCH='name').
//
// Each control is first brought into view and left on screen for two frames, and only then clicked
// or keyed, as a person sees a control before touching it. Playwright's own `click` scrolls and
// presses in one go: the press then lands in the first frame after a jump, which no hand can do,
// and a jump onto a `content-visibility: auto` panel (the network's) made Chromium report that
// frame with no damage, so the press's event ran on to the next drawn frame (Play: 700–740 ms in
// four runs of six, with no work on the main thread; none with 16 ms between the scroll and the
// press, or without `content-visibility` on the panel): `seen` in harness.mjs; BENCHMARKS.md.
import { seen } from '../e2e/harness.mjs';

/** Taps a control once it has been seen: the mouse pressed and released at its centre, through the
 * browser's input pipeline. (Playwright's `click` also listens for the pointer's events in the page
 * to check what it hit: 4–5 ms of its own script at 4x in the timed event, which a reader's browser
 * does not run.) */
async function tap(page, selector) {
  await seen(page, selector);
  const box = await page.locator(selector).first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Focuses a control once it has been seen (focus would otherwise scroll it in), then presses a key. */
async function key(page, selector, key) {
  await seen(page, selector);
  await page.focus(selector);
  await page.keyboard.press(key);
}

export const INTERACTIONS = [
  ['language (中文 → English)', (p) => tap(p, '[data-testid="lang-toggle"]')],
  ['language back (English → 中文)', (p) => tap(p, '[data-testid="lang-toggle"]')],
  ['"What if this had not happened?"', (p) => tap(p, '[data-testid="verdict"] [data-testid="switch-off"]')],
  ['play', (p) => tap(p, '[data-testid="play"]')],
  ['pause', (p) => tap(p, '[data-testid="play"]')],
  ['step to the next event (▶)', (p) => tap(p, '[data-testid="next-event"]')],
  ['scrubber (arrow key)', (p) => key(p, '[data-testid="scrub"]', 'ArrowRight')],
  ['speed (select, arrow key)', (p) => key(p, '[data-testid="speed"]', 'ArrowDown')],
  ['surface (select, arrow key)', (p) => key(p, '[data-testid="from-select"]', 'ArrowDown')],
  ['merchant (select, arrow key)', (p) => key(p, '[data-testid="shop-select"]', 'ArrowDown')],
  ['instrument (select, arrow key)', (p) => key(p, '[data-testid="pay-select"]', 'ArrowDown')],
  ['date (typed)', (p) => key(p, '[data-testid="date-input"]', 'ArrowUp')],
  ['an instrument card', (p) => tap(p, '[data-testid="instrument-verdict"]:not([aria-pressed="true"])')],
  ['an edge', (p) => tap(p, '[data-testid="edge"]')],
  ['a story step (start)', (p) => tap(p, '[data-testid="story-start"]')],
  ['a story step (next)', (p) => tap(p, '[data-testid="story-next"]')],
  ['the theme (select, arrow key)', (p) => key(p, '[data-testid="theme-select"]', 'ArrowDown')],
  ['the search\'s first result (Enter)', async (p) => {
    await seen(p, '[data-testid="search-input"]');
    await p.focus('[data-testid="search-input"]');
    await p.keyboard.type('微信支付');
    await p.waitForTimeout(600);
    await p.keyboard.press('Enter');
  }],
  ['an event on the timeline', (p) => tap(p, '[data-testid="timeline"] [data-testid="event"]')],
];
