import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type CorpusReport, corpusProblems, readCorpus, sameStoryGroups } from './eval-corpus.js';

const corpusDir = fileURLToPath(new URL('../../eval/corpus/', import.meta.url));
const pool = readCorpus(`${corpusDir}pool`);

describe('evaluation corpus (eval/corpus)', () => {
  it('every annotated report is valid: shape, vocabularies, quotes and names found in its text', () => {
    assert.ok(pool.length >= 60, `the pool has ${pool.length} reports`);
    assert.deepEqual(
      pool.flatMap(({ file, report }) => corpusProblems(file, report)),
      [],
    );
  });

  it('holds each language about equally', () => {
    for (const lang of ['en', 'ru', 'uk']) {
      const n = pool.filter((f) => f.report.language === lang).length;
      assert.ok(n >= pool.length / 4, `${lang}: ${n} of ${pool.length}`);
    }
  });

  it('the frozen split covers every report once and keeps each story on one side', () => {
    const split = JSON.parse(readFileSync(`${corpusDir}split.json`, 'utf8')) as {
      dev: string[];
      test: string[];
    };
    const ids = pool.map((f) => f.report.id).sort();
    assert.deepEqual([...split.dev, ...split.test].sort(), ids);
    const side = new Map<string, string>([
      ...split.dev.map((id) => [id, 'dev'] as const),
      ...split.test.map((id) => [id, 'test'] as const),
    ]);
    for (const group of sameStoryGroups(pool.map((f) => f.report)))
      assert.equal(
        new Set(group.map((id) => side.get(id))).size,
        1,
        `story ${group.join(', ')} straddles the split`,
      );
  });
});

describe('corpusProblems', () => {
  const good: CorpusReport = {
    id: 'ru-99',
    language: 'ru',
    title: 'Заголовок',
    outlet: 'Издание',
    url: 'https://example.org/a',
    published: '2022-11-07',
    text: 'Их держат в подвале в Брянке. Мать Фатима Горшенина написала в прокуратуру 10 октября.',
    gold: {
      detention_sites: [{ name: 'Брянка', name_en: 'Bryanka', region: 'Luhansk Oblast', country: 'UA' }],
      detained_count: null,
      persons: [{ name: 'Фатима Горшенина', role: 'relative' }],
      organizations: ["Military Prosecutor's Office"],
      units: [],
      dates: [{ date: '2022-10-10', what: 'letter', quote: '10 октября' }],
      acts: ['arbitrary_detention'],
      appeals: [
        {
          to: "Military Prosecutor's Office",
          by: 'relatives',
          status: 'sent',
          quote: 'написала в прокуратуру',
        },
      ],
    },
    evidence: { acts: { arbitrary_detention: 'Их держат в подвале' } },
  };

  it('accepts a well-formed report', () => {
    assert.deepEqual(corpusProblems('ru-99.json', good), []);
  });

  it('names a quote that is not in the text, an act outside the vocabulary and an absent person', () => {
    const broken: CorpusReport = {
      ...good,
      gold: {
        ...good.gold,
        persons: [{ name: 'Иван Петров', role: 'relative' }],
        acts: ['arbitrary_detention', 'kidnapping'],
        appeals: [{ ...good.gold.appeals[0], quote: 'обратилась в суд' }],
      },
      evidence: { acts: { arbitrary_detention: 'Их держат в подвале', kidnapping: 'в подвале' } },
    };
    const problems = corpusProblems('ru-99.json', broken).join('\n');
    assert.match(problems, /person "Иван Петров" is not named/);
    assert.match(problems, /act "kidnapping" is not in the vocabulary/);
    assert.match(problems, /quote "обратилась в суд" is not in the text/);
  });

  it('refuses an id that does not match its file or language', () => {
    assert.match(corpusProblems('uk-99.json', good).join('\n'), /does not match the file name/);
  });
});

describe('sameStoryGroups', () => {
  const report = (
    id: string,
    site: string | null,
    person: string | null,
    day: string | null,
  ): CorpusReport => ({
    id,
    language: 'en',
    title: id,
    outlet: 'x',
    url: 'https://example.org',
    published: null,
    text: '',
    gold: {
      detention_sites: site ? [{ name: site, name_en: site, region: 'r', country: 'UA' }] : [],
      detained_count: null,
      persons: person ? [{ name: person, role: 'detainee' }] : [],
      organizations: [],
      units: [],
      dates: day ? [{ date: day, what: 'x', quote: 'x' }] : [],
      acts: [],
      appeals: [],
    },
    evidence: { acts: {} },
  });

  it('links reports through a shared site, person (across scripts) or day, transitively', () => {
    const groups = sameStoryGroups([
      report('a', 'Bryanka', null, null),
      report('b', 'Bryanka', 'Artyom Gorshenin', null),
      report('c', null, 'Артём Горшенин', '2022-07-08'),
      report('d', null, null, '2022-07-08'),
      report('e', 'Zaitseve', 'Alexey Arsyutin', '2022-09-25'),
    ]);
    assert.deepEqual(groups, [['a', 'b', 'c', 'd'], ['e']]);
  });
});
