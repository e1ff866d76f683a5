// Printing the built site: the evidence sheet is a PDF of one or two pages with the question, the
// verdict, the deciding events' quotes and the permalink; the whole page prints as a document
// without controls. The PDF's text is read with pdftotext (poppler-utils, scripts/tools.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, browser, openPage, SHOTS } from './harness.mjs';

let server, b;
before(async () => { server = await serve(); b = await browser(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await b?.close(); await server?.close(); });

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
const pdfText = (path) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

/** Clicks the print button with window.print held back, and returns the sheet as a PDF. */
async function evidence(page, name) {
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await page.click('[data-testid="print-evidence"]');
  await page.waitForFunction(() => window.printed === 1);
  assert.equal(await page.getAttribute('html', 'data-print'), 'evidence');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const path = join(SHOTS, name);
  await writeFile(path, pdf);
  return { pdf, path };
}

for (const [lang, query, verdict, quotes] of [
  ['en', 'date=2016-01-01&from=wechat-group&shop=taobao&pay=alipay', /Verdict: undecided \(between blocked and workaround only\)/, ['采取的措施包括淘口令', '除了淘宝和阿里巴巴外']],
  ['zh', 'story=walls-and-reconnection&step=3', /结论: 来源未定/, ['不新签、不续约、不合作']],
]) {
  test(`the evidence sheet (${lang}) prints on one or two pages with the verdict, the quotes and the permalink`, async () => {
    const { page, problems } = await openPage(b, `${server.url}?lang=${lang}&${query}`);
    if (query.includes('story')) await page.waitForSelector('[data-testid="story"][data-step="3"]');
    const { pdf, path } = await evidence(page, `evidence-${lang}.pdf`);
    const n = pages(pdf);
    assert.ok(n >= 1 && n <= 2, `${n} pages`);
    const text = pdfText(path).replace(/\s+/g, ' ');
    assert.match(text, verdict);
    for (const q of quotes) assert.ok(text.includes(q), `quote ${q}`);
    // The permalink is the page's own address (it may wrap).
    const permalink = page.url();
    assert.ok(text.replace(/ /g, '').includes(permalink.slice(0, 60)), `permalink ${permalink}`);
    assert.ok(/stated|原文所述/.test(text) && /inferred|推断/.test(text));
    // The page itself is not on the sheet.
    assert.ok(!text.includes(lang === 'en' ? 'Journey explorer' : '路径查询'));
    // After printing, the page is as it was.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-print'));
    assert.equal(await page.locator('[data-testid="evidence-sheet"]').count(), 0);
    assert.deepEqual(problems, []);
  });
}

test('the whole page prints as a document: no controls, drawings within the page, link addresses shown', async () => {
  const { page, problems } = await openPage(b, `${server.url}?lang=en&event=alipay-bans-wechat-merchants`);
  await page.emulateMedia({ media: 'print' });
  const visible = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length, sel);
  assert.equal(await visible('[data-testid="play"], [data-testid="scrub"], [data-testid="lang-toggle"], [data-testid="print-evidence"], [data-testid="import"]'), 0);
  const wide = await page.evaluate(() => [...document.querySelectorAll('svg')].filter((s) => s.getClientRects().length > 0)
    .map((s) => s.getBoundingClientRect().right).filter((r) => r > document.documentElement.clientWidth + 1));
  assert.deepEqual(wide, [], 'no drawing wider than the page');
  const after = await page.evaluate(() => getComputedStyle(document.querySelector('.source a'), '::after').content);
  assert.match(after, /huxiu\.com/);
  const pdf = await page.pdf({ format: 'A4' });
  await writeFile(join(SHOTS, 'page-en.pdf'), pdf);
  assert.ok(pages(pdf) >= 2);
  assert.deepEqual(problems, []);
});
