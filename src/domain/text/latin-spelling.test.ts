import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinSpelling } from './latin-spelling.js';

test('spells Cyrillic names as Russian passports do', () => {
  assert.equal(latinSpelling('Кашин Алексей Викторович'), 'Kashin Aleksei Viktorovich');
  assert.equal(latinSpelling('Ёлкин Юрий Щукин-Царёв'), 'Elkin Iurii Shchukin-Tsarev');
  assert.equal(latinSpelling('Мария Ильинична'), 'Mariia Ilinichna');
  assert.equal(latinSpelling('John Smith'), 'John Smith');
});
