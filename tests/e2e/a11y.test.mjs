// Accessibility as measured by tools no one here wrote: axe-core (pinned in tools/) run in the
// built site on every kind of view a reader lands on, with the WCAG 2.2 A/AA rules and axe's best
// practices, must find nothing; and Lighthouse's accessibility category scores 100 on the default
// view (its score is deterministic: it is axe again, with Lighthouse's own selection and weights).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, browser, openPage, shot, ROOT } from './harness.mjs';

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The views a reader lands on, each read through (every part below the first screen shown). */
const VIEWS = [
  ['default view, English', '?lang=en'],
  ['default view (Chinese, the default language)', ''],
  ['Chinese view', '?lang=zh'],
  ['an open event', '?lang=en&event=alipay-bans-wechat-merchants'],
  ['an open event, Chinese', '?event=alipay-bans-wechat-merchants'],
  ['the embed', '?embed=1&lang=en'],
  ['the embed, Chinese', '?embed=1'],
  ['an undecided journey', '?lang=en&date=2014-02-14&from=wechat-official-account&shop=wechat-shop&pay=alipay'],
  ['what the sources decide, open', '?lang=en&date=2022-06-01', async (page) => {
    await page.click('[data-testid="decided"] summary');
    await page.locator('[data-testid="decided-row"]').first().waitFor();
  }],
  ['the open questions of 2020', '?lang=en&questions=2020', async (page) => {
    await page.locator('[data-testid="agenda-row"]').first().waitFor({ timeout: 60000 });
  }],
  ['the event editor, with a problem at its field', '?lang=en&event=taobao-shop-card', async (page) => {
    await page.click('[data-testid="details-edit"]');
    await page.fill('[data-testid="edit-date"]', '2019-13');
    await page.locator('[data-testid="problem-date"]').waitFor();
    await page.evaluate(() => document.querySelectorAll('#editor details').forEach((d) => { d.open = true; }));
  }],
  ['the event editor, with its preview (Chinese)', '?lang=zh&event=taobao-shop-card', async (page) => {
    await page.click('[data-testid="details-edit"]');
    await page.fill('[data-testid="edit-date"]', '2019-03');
    await page.fill('[data-testid="edit-pasted"]', '没有引文的文本');
    await page.locator('[data-testid="preview-change"]').first().waitFor({ timeout: 60000 });
  }],
  ['the network table open', '?lang=en', async (page) => {
    await page.click('[data-testid="network-table"] summary');
    await page.locator('[data-testid="network-table"] table').waitFor();
  }],
];

let server, b;
before(async () => {
  server = await serve();
  b = await browser();
});
after(async () => { await b?.close(); await server?.close(); });

/** axe's violations on the page as it is now, one line each: id, impact, targets. */
async function violations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an inline script.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, TAGS);
  return found;
}

function describe(found) {
  return found.map((v) => `  ${v.id} [${v.impact}] ${v.help}\n${v.targets.slice(0, 8).map((t) => `      ${t}`).join('\n')}${v.targets.length > 8 ? `\n      … and ${v.targets.length - 8} more` : ''}`).join('\n');
}

for (const [name, query, prepare] of VIEWS) {
  test(`axe finds no WCAG 2.2 A/AA or best-practice violation: ${name}`, async () => {
    const embed = query.includes('embed=1');
    const { page, problems } = await openPage(b, `${server.url}${query}`, undefined, { read: !embed });
    if (embed) await page.locator('[data-testid="network"]').waitFor();
    // The network's drawing transitions its colours; let a frame or two pass.
    await page.waitForTimeout(400);
    if (prepare) await prepare(page);
    const found = await violations(page);
    if (found.length) await shot(page, `a11y-${name.replace(/\W+/g, '-')}.png`);
    assert.equal(found.length, 0, `axe violations on ${query || '(no query)'}:\n${describe(found)}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('Lighthouse accessibility is 100 on the default view', { timeout: 180000 }, async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'tests', 'perf', 'lighthouse.mjs')], {
    env: { ...process.env, CATEGORIES: 'accessibility', RUNS: '1' },
    timeout: 170000,
  });
  const line = JSON.parse(stdout.trim().split('\n').pop());
  assert.equal(line.scores.accessibility, 1, `Lighthouse accessibility ${line.scores.accessibility}: failing ${JSON.stringify(line.accessibility_failing)}`);
});
