import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cyrillicSpelling } from './cyrillic-spelling.js';

test('reads Latin spellings of Russian and Ukrainian names in Cyrillic', () => {
  assert.equal(cyrillicSpelling('Alexey Arsyutin'), 'Алексей Арсютин');
  assert.equal(cyrillicSpelling('Yuriy Yolkin'), 'Юрий Ёлкин');
  assert.equal(cyrillicSpelling('Totsky'), 'Тоцкий');
  assert.equal(cyrillicSpelling('Zavitne Bazhannia'), 'Завитне Бажання');
  assert.equal(cyrillicSpelling('Maria Shchukina'), 'Мария Щукина');
  assert.equal(cyrillicSpelling('Кашин (Kashin)'), 'Кашин (Кашин)');
});
