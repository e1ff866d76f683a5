// The interactions tests/perf/interactions.mjs times, in its order (each sets up the next: a
// "what if" is still on when the story starts); tests/perf/probe_interaction.mjs replays them
// (BENCH='name').

/** Picks an option of a select with the keyboard (focus, then the arrow key), as a reader would. */
async function keySelect(page, selector, key = 'ArrowDown') {
  await page.focus(selector);
  await page.keyboard.press(key);
}

export const INTERACTIONS = [
  ['language (中文 → English)', (p) => p.click('[data-testid="lang-toggle"]')],
  ['language back (English → 中文)', (p) => p.click('[data-testid="lang-toggle"]')],
  ['"What if this had not happened?"', (p) => p.click('[data-testid="verdict"] [data-testid="switch-off"]')],
  ['play', (p) => p.click('[data-testid="play"]')],
  ['pause', (p) => p.click('[data-testid="play"]')],
  ['step to the next event (▶)', (p) => p.click('[data-testid="next-event"]')],
  ['scrubber (arrow key)', async (p) => { await p.focus('[data-testid="scrub"]'); await p.keyboard.press('ArrowRight'); }],
  ['speed (select, arrow key)', (p) => keySelect(p, '[data-testid="speed"]')],
  ['surface (select, arrow key)', (p) => keySelect(p, '[data-testid="from-select"]')],
  ['merchant (select, arrow key)', (p) => keySelect(p, '[data-testid="shop-select"]')],
  ['instrument (select, arrow key)', (p) => keySelect(p, '[data-testid="pay-select"]')],
  ['date (typed)', async (p) => { await p.focus('[data-testid="date-input"]'); await p.keyboard.press('ArrowUp'); }],
  ['an instrument card', (p) => p.click('[data-testid="instrument-verdict"]:not([aria-pressed="true"])')],
  ['an edge', (p) => p.click('[data-testid="edge"]', { force: true })],
  ['a story step (start)', (p) => p.click('[data-testid="story-start"]')],
  ['a story step (next)', (p) => p.click('[data-testid="story-next"]')],
  ['the theme (select, arrow key)', (p) => keySelect(p, '[data-testid="theme-select"]')],
  ['the search\'s first result (Enter)', async (p) => { await p.focus('[data-testid="search-input"]'); await p.keyboard.type('微信支付'); await p.waitForTimeout(600); await p.keyboard.press('Enter'); }],
  ['an event on the timeline', (p) => p.click('[data-testid="timeline"] [data-testid="event"]', { force: true })],
];

