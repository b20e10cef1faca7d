import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { browserSkip, pageSignedInAs, useWebFixture } from '../testing/browser.js';
import { pdfText } from '../testing/letter-readback.js';

/**
 * The first report of the development evaluation set (a Meduza article on 21 objectors held in a
 * basement), kept next to the checkout (../shared/eval) rather than in it; VIGIL_EVAL_DEV names
 * another folder.
 */
const REPORT = fileURLToPath(
  new URL(`${process.env.VIGIL_EVAL_DEV ?? '../../../shared/eval/dev'}/001.json`, import.meta.url),
);
const skip = browserSkip || (existsSync(REPORT) ? false : `${REPORT} is not here`);

// What a browser's "select all, copy" takes along with the article: the page's furniture.
const FURNITURE_BEFORE = ['Skip to main content', 'Meduza', 'Feature', 'Share'];
const FURNITURE_AFTER = ['Photo: Vova Zhabrikov / / TASS', 'Read also', 'Support Meduza'];

describe('a pasted article becomes a case, a map entry and a Russian letter in Chromium', { skip }, () => {
  const fixture = useWebFixture();
  const report = existsSync(REPORT)
    ? (JSON.parse(readFileSync(REPORT, 'utf8')) as { title: string; text: string; published: string })
    : { title: '', text: '', published: '' };

  test('paste, accept, apply: the headline, 21 at Zavitne Bazhannia, the Fifth company, the unanswered appeal and the letter', async () => {
    const { web, browser, editor } = fixture();
    const page = await pageSignedInAs(browser, web.url, editor);
    await page.getByRole('link', { name: 'Review' }).click();
    await page.getByLabel('Paste the text').check();
    const pasted = [...FURNITURE_BEFORE, report.text, ...FURNITURE_AFTER].join('\n\n');
    await page.getByLabel('Report text').fill(pasted);
    await page.getByLabel('Published').fill(report.published);
    await page.getByRole('button', { name: 'Store and extract' }).click();
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor({ timeout: 60_000 });
    await page.getByLabel(/Apply the \d+ undecided items/).check();
    await page.getByRole('button', { name: 'Apply the draft' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('heading', { name: 'Persons and roles' }).waitFor();
    const caseUrl = page.url();

    assert.equal((await page.locator('main h1').textContent())?.trim(), report.title);
    const fifth = page.locator('#persons li', { hasText: /Fifth company/i });
    assert.match((await fifth.first().textContent()) ?? '', /perpetrator/);
    const appeal = page.locator('#appeals tbody tr', { hasText: /Investigative Committee/i });
    assert.match(
      (await appeal.locator('.badge').getAttribute('class')) ?? '',
      /status-(sent|registered|overdue)\b/,
      'the appeal is sent and not answered',
    );

    await page.getByRole('link', { name: 'Map' }).click();
    const marker = page.locator('.site-marker[title^="Zavitne Bazhannia"]');
    await marker.waitFor();
    assert.equal((await marker.textContent())?.trim(), '21');

    await page.goto(caseUrl);
    const appeals = page.locator('#appeals');
    await appeals.getByRole('button', { name: 'New appeal' }).click();
    await appeals.getByLabel('Recipient', { exact: true }).selectOption('gvp');
    await appeals.getByRole('button', { name: 'Create the appeal' }).click();
    const row = appeals.locator('tbody tr', { hasText: /Военн|Military Prosecutor/ }).first();
    await row.getByRole('button', { name: /Manage/ }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      appeals.getByRole('button', { name: 'Download the letter' }).click(),
    ]);
    const letter = await pdfText(readFileSync(await file.path()));
    assert.match(letter, /Завитне Бажання|Завітне Бажання/);
    assert.match(letter, /(?<![\d.,/-])21(?![\d])/);
    assert.match(letter, /5-я рот|[Пп]ят(ой|ая|ую) рот/, 'the unit, in Russian');
    const latinSentences = letter
      .split(/(?<=[.!?])\s+/)
      // Words of Latin letters only: a record id such as 01M9…XYZ mixes in digits and is no word.
      .filter(
        (s) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Script=Latin}+$/u.test(w)).length >= 3,
      );
    assert.deepEqual(latinSentences, [], 'no sentence in Latin script');
    assert.deepEqual(browser.problems.splice(0), []);
    await page.close();
  });
});
