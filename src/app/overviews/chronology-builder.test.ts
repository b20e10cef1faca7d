import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredRecord } from '../../domain/collections.js';
import type { SourceSummary } from '../../domain/schemas/overview.js';
import { sentenceAround } from '../../ingest/text.js';
import { buildChronology } from './chronology-builder.js';

const SOURCES: SourceSummary[] = [
  { id: 'S1', title: 'Herald', kind: 'news_report', published: '2024-03-01' },
  { id: 'S2', title: 'Letter', kind: 'letter' },
];

let serial = 0;
function claim(fields: Record<string, unknown>): StoredRecord {
  serial++;
  return {
    id: `C${String(serial).padStart(3, '0')}`,
    version: 1,
    createdAt: '2024-03-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
    credibility: 2,
    subjectType: 'person',
    subjectId: 'P1',
    ...fields,
  };
}

const kashin = (field: string, value: unknown) =>
  claim({ sourceId: 'S1', span: { start: 10, end: 40 }, quote: 'Alexei Kashin, 34, is held', field, value });

test('claims quoting the same span of one source become one entry listing every fact', () => {
  const claims = [
    kashin('name', 'Alexei Kashin'),
    kashin('age', 34),
    kashin('status', 'detained'),
    claim({
      sourceId: 'S1',
      span: { start: 50, end: 70 },
      quote: 'The men get no food',
      subjectType: 'act',
      subjectId: 'A1',
      field: 'type',
      value: 'denial_of_food',
    }),
    claim({
      sourceId: 'S2',
      span: { start: 10, end: 40 },
      quote: 'my husband Alexei is held',
      field: 'status',
      value: 'detained',
    }),
  ];
  const entries = buildChronology(claims, SOURCES, (type, id) => `${type} ${id}`);
  assert.equal(entries.length, 3);
  const [first, second, third] = entries;
  assert.equal(first.quote, 'Alexei Kashin, 34, is held');
  assert.equal(first.claimId, claims[0].id);
  assert.deepEqual(
    first.facts.map((f) => [f.subjectLabel, f.field, f.value]),
    [
      ['person P1', 'name', 'Alexei Kashin'],
      ['person P1', 'age', 34],
      ['person P1', 'status', 'detained'],
    ],
  );
  assert.deepEqual([first.date, first.dateSource], ['2024-03-01', 'source']);
  assert.deepEqual(
    second.facts.map((f) => f.field),
    ['type'],
    'another span of the same source stays apart',
  );
  assert.deepEqual(
    [third.sourceId, third.date, third.dateSource],
    ['S2', null, 'none'],
    'the same span of another source too',
  );
});

test('a date stated in the span dates all its facts, and entries follow the dates', () => {
  const claims = [
    claim({
      sourceId: 'S2',
      span: { start: 0, end: 30 },
      quote: 'On 12 October he was taken',
      field: 'status',
      value: 'detained',
    }),
    claim({
      sourceId: 'S2',
      span: { start: 0, end: 30 },
      quote: 'On 12 October he was taken',
      subjectType: 'act',
      subjectId: 'A1',
      field: 'date',
      value: '2022-10-12',
    }),
    kashin('status', 'detained'),
  ];
  const entries = buildChronology(claims, SOURCES, () => 'x');
  assert.deepEqual(
    entries.map((e) => [e.date, e.dateSource, e.facts.length]),
    [
      ['2022-10-12', 'claim', 2],
      ['2024-03-01', 'source', 1],
    ],
  );
});

test('leaves out claims of sources the reader may not see', () => {
  const hidden = claim({
    sourceId: 'S9',
    span: { start: 0, end: 4 },
    quote: 'Held',
    field: 'status',
    value: 'detained',
  });
  assert.deepEqual(
    buildChronology([hidden], SOURCES, () => 'x'),
    [],
  );
});

test('an entry quotes the whole sentence stating its facts, dated by the date it gives', () => {
  const text =
    'Relatives wrote to the prosecutor.\nKashina says that her husband has been in Ukraine since October 2. The men are held in a basement.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const sentenceOf = (words: string) => {
    const range = sentenceAround(text, at(words));
    assert.ok(range);
    return { ...range, text: text.slice(range.start, range.end) };
  };
  const date = claim({
    sourceId: 'S1',
    span: at('October 2'),
    quote: 'October 2',
    subjectType: 'case',
    subjectId: 'K1',
    field: 'date',
    value: '2022-10-02',
  });
  const person = claim({
    sourceId: 'S1',
    span: at('Kashina'),
    quote: 'Kashina',
    field: 'name',
    value: 'Kashina',
  });
  const held = claim({
    sourceId: 'S1',
    span: at('are held'),
    quote: 'are held',
    subjectType: 'act',
    subjectId: 'A1',
    field: 'type',
    value: 'arbitrary_detention',
  });
  const sentences = new Map([
    [date.id, sentenceOf('October 2')],
    [person.id, sentenceOf('Kashina')],
    [held.id, sentenceOf('are held')],
  ]);
  const entries = buildChronology([held, date, person], SOURCES, () => 'x', sentences);
  assert.deepEqual(
    entries.map((e) => [e.date, e.dateSource, e.quote]),
    [
      ['2022-10-02', 'claim', 'Kashina says that her husband has been in Ukraine since October 2.'],
      ['2024-03-01', 'source', 'The men are held in a basement.'],
    ],
  );
  assert.deepEqual(
    entries[0].facts.map((f) => [f.field, f.quote]),
    [
      ['date', 'October 2'],
      ['name', 'Kashina'],
    ],
  );
  assert.equal(sentenceAround(text, { start: 0, end: 9 })?.end, 'Relatives wrote to the prosecutor.'.length);
  assert.equal(sentenceAround(text, { start: 5, end: text.length + 1 }), null);
});
