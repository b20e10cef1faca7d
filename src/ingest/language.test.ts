import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.js';

test('tells English, Russian and Ukrainian apart', () => {
  assert.equal(detectLanguage('Twenty-one men are held in a basement.'), 'en');
  assert.equal(detectLanguage('Двадцать один человек содержится в подвале, это известно.'), 'ru');
  assert.equal(detectLanguage('Двадцять один чоловік перебуває в підвалі, це відомо.'), 'uk');
});
