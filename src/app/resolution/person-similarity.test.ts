import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNames, nameTerms, scorePersons } from './person-similarity.js';

const names = (a: string, b: string) => compareNames(nameTerms(a), nameTerms(b));

test('a name matches across scripts, inflection and a missing patronymic', () => {
  assert.equal(names('Кашин Алексей Петрович', 'Kashin Aleksei Petrovich')?.weight, 0.6);
  assert.equal(names('Кашина Алексея', 'Алексей Кашин')?.weight, 0.6);
  assert.equal(names('Иванов Иван Петрович', 'Иван Иванов')?.weight, 0.6);
});

test('two parts matching while a third differs on both sides is a partial match, not the same name', () => {
  const m = names('Иванов Иван Петрович', 'Иванов Иван Сергеевич');
  assert.deepEqual([m?.code, m?.weight], ['name_partial', 0.3]);
  const year = { birthYear: 1990 };
  const score = scorePersons(
    { names: [nameTerms('Иванов Иван Петрович')], ...year },
    { names: [nameTerms('Иванов Иван Сергеевич')], ...year },
  ).score;
  assert.ok(score < 0.7, `namesakes with other fathers are not one man (${score})`);
});

test('the same date of birth adds more than the same year; a different one takes away', () => {
  const a = { names: [nameTerms('Петров Пётр')], birthYear: 1985, birthDate: '1985-02-01' };
  const same = scorePersons(a, { ...a });
  const other = scorePersons(a, { ...a, birthDate: '1985-03-07' });
  assert.deepEqual(
    same.reasons.map((r) => r.code),
    ['name', 'birth_date'],
  );
  assert.equal(same.score, 0.9);
  assert.deepEqual(
    other.reasons.map((r) => r.code),
    ['name', 'birth_date_conflict'],
  );
  assert.ok(other.score < 0.5);
});
