import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ObservedFrequencies } from './name-frequencies.js';
import {
  compareNames,
  namesAgree,
  nameTerms,
  PERSON_MATCH_THRESHOLD,
  type PersonFeatures,
  scorePersons,
  townKey,
  unitKey,
} from './person-similarity.js';

const names = (a: string, b: string) => compareNames(nameTerms(a), nameTerms(b));
const man = (name: string, more: Omit<PersonFeatures, 'names'> = {}): PersonFeatures => ({
  names: [nameTerms(name)],
  ...more,
});

test('a name agrees across scripts, inflection and a missing patronymic', () => {
  assert.equal(names('Кашин Алексей Петрович', 'Kashin Aleksei Petrovich')?.code, 'name');
  assert.equal(names('Кашина Алексея', 'Алексей Кашин')?.code, 'name');
  const missing = names('Иванов Иван Петрович', 'Иван Иванов');
  assert.equal(missing?.code, 'name');
  assert.ok(
    (missing?.weight ?? 0) < (names('Иванов Иван Петрович', 'Иванов Иван Петрович')?.weight ?? 0),
    'a missing patronymic is unknown: it adds nothing, it does not agree',
  );
});

test('another patronymic or another first name counts against, not for nothing', () => {
  const otherFather = names('Иванов Иван Петрович', 'Иванов Иван Сергеевич');
  assert.equal(otherFather?.code, 'name_partial');
  assert.ok((otherFather?.weight ?? 0) < (names('Иванов Иван', 'Иванов Иван Сергеевич')?.weight ?? 0));
  const year = { birthYear: 1990 };
  const score = scorePersons(man('Иванов Иван Петрович', year), man('Иванов Иван Сергеевич', year)).score;
  assert.ok(score < PERSON_MATCH_THRESHOLD, `namesakes with other fathers are not one man (${score})`);
  assert.equal(
    namesAgree(man('Орлов Владимир Сергеевич'), man('Тарасов Иван Сергеевич')),
    false,
    'a shared patronymic is not a shared name',
  );
});

test('a rare name agreeing weighs more than a common one', () => {
  const common = names('Кузнецов Сергей', 'Kuznetsov Sergey')?.weight ?? 0;
  const rare = names('Плюснин Глеб', 'Plyusnin Gleb')?.weight ?? 0;
  assert.ok(rare > common + 4, `${rare} vs ${common}`);
  // A common name and a birth year are not enough to take one man for another.
  const year = scorePersons(
    man('Kuznetsov Sergey', { birthYear: 2000 }),
    man('Кузнецов Сергей Леонидович', { birthYear: 2000, birthDate: '2000-03-04' }),
  );
  assert.ok(year.score < PERSON_MATCH_THRESHOLD, String(year.score));
});

test('how common a name is comes from the data when there is enough of it', () => {
  const frequencies = new ObservedFrequencies();
  for (let i = 0; i < 300; i++)
    frequencies.add([nameTerms(i % 3 === 0 ? 'Плюснин Глеб' : `Человек${i} Иван`)]);
  const inList =
    compareNames(nameTerms('Плюснин Глеб'), nameTerms('Plyusnin Gleb'), frequencies)?.weight ?? 0;
  assert.ok(
    inList < (names('Плюснин Глеб', 'Plyusnin Gleb')?.weight ?? 0),
    'a hundred namesakes in the list',
  );
});

test('a namesake with no date of birth, the same town and another unit is not the same man', () => {
  const stored = man('Иванов Сергей Сергеевич', {
    birthDate: '1990-04-12',
    birthYear: 1990,
    hometown: townKey('Омск'),
    unit: unitKey('в/ч 49465'),
  });
  const row = scorePersons(
    man('Иванов Сергей Сергеевич', { hometown: townKey('Омск'), unit: unitKey('в/ч 16545') }),
    stored,
  );
  assert.ok(row.score < PERSON_MATCH_THRESHOLD, String(row.score));
  assert.ok(row.reasons.some((r) => r.code === 'unit_conflict' && r.weight < 0));
  const short = scorePersons(man('Иванов Сергей', { hometown: townKey('Омск') }), stored);
  assert.ok(short.score < PERSON_MATCH_THRESHOLD, String(short.score));
});

test('towns compare without the kind of settlement, units by number', () => {
  assert.equal(townKey('г. Тула'), townKey('Тула'));
  assert.equal(townKey('пос. Зайцево'), townKey('Zaitsevo'));
  assert.notEqual(townKey('Тула'), townKey('Тверь'));
  assert.equal(unitKey('в/ч 16545'), unitKey('войсковая часть 16545'));
  assert.equal(unitKey('military unit 16545'), unitKey('ВЧ-16545'));
  assert.notEqual(unitKey('в/ч 16545'), unitKey('в/ч 49465'));
});

test('the same date of birth adds more than the same year; another day takes away', () => {
  const a = man('Петров Пётр', { birthYear: 1985, birthDate: '1985-02-01' });
  const same = scorePersons(a, { ...a });
  const other = scorePersons(a, { ...a, birthDate: '1985-03-07' });
  const yearOnly = scorePersons(a, man('Петров Пётр', { birthYear: 1985 }));
  assert.deepEqual(
    same.reasons.map((r) => r.code),
    ['name', 'birth_date'],
  );
  assert.ok(same.score >= PERSON_MATCH_THRESHOLD);
  assert.ok(same.score > yearOnly.score);
  assert.deepEqual(
    other.reasons.map((r) => r.code),
    ['name', 'birth_date_conflict'],
  );
  assert.ok(other.score < yearOnly.score && other.score < 0.1, String(other.score));
});
