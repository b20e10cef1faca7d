import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposeCaseSummary } from './case-summary.js';
import { extractReport } from './extract-report.js';

// Invented reports, one per language, each stating a site, a count, a date, a unit, acts and an appeal.
test('a draft summary gives site, count, earliest date, unit, acts and appeals in the report’s language', () => {
  const en = extractReport({
    content:
      'Fourteen mobilized men are held in a basement in Zaitseve, their wives say.\n\n' +
      'Since October 5 the men of the 1234th regiment get no food, and the commander threatened to shoot them. ' +
      'Their wives wrote to the Investigative Committee but have had no reply.',
    published: '2022-11-01',
    lang: 'en',
  });
  const summary = proposeCaseSummary(en) ?? '';
  assert.match(summary, /^Detention site: Zaitseve/m);
  assert.match(summary, /^Number held: 14\.$/m);
  assert.match(summary, /^Earliest date in the report: 2022-10-05\.$/m);
  assert.match(summary, /^Held by: .*1234/m);
  assert.match(summary, /^What was done: .*denial of food/m);
  assert.match(summary, /^Appeals: relatives → .*Investigative Committee.* \(no reply\)\.$/m);

  const ru = extractReport({
    content:
      'Двенадцать мобилизованных удерживают в подвале в Зайцево. С 5 октября их не кормят. ' +
      'Жены написали в военную прокуратуру, ответа нет.',
    published: '2022-11-01',
    lang: 'ru',
  });
  const ruSummary = proposeCaseSummary(ru) ?? '';
  assert.match(ruSummary, /^Число удерживаемых: 12\.$/m);
  assert.match(ruSummary, /^Самая ранняя дата в сообщении: 05\.10\.2022\.$/m);
  assert.match(ruSummary, /лишение еды/);
  // The body the relatives wrote to is named in Russian, as the rest of the summary.
  assert.match(ruSummary, /^Обращения: .* → военная прокуратура/m);
  assert.doesNotMatch(ruSummary, /Detention|held|Oblast|Prosecutor/);
});

test('a date the report gives only to the month is written to the month, not with an empty day', () => {
  const uk = extractReport({
    content: 'З березня 2022 року мобілізованих тримають у підвалі в Зайцевому, їх не годують.',
    published: '2022-11-01',
    lang: 'uk',
  });
  const summary = proposeCaseSummary(uk) ?? '';
  assert.match(summary, /03\.2022/);
  assert.doesNotMatch(summary, /undefined/);
});

test('a report stating none of these facts gets no summary', () => {
  const x = extractReport({ content: 'The weather was cold and the roads were closed.', lang: 'en' });
  assert.equal(proposeCaseSummary(x), null);
});
