import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanLabel, isInvisible, isWellFormedText, stripInvisible } from './labels.js';

test('a label loses bidi controls and zero-width characters and is NFC-normalized', () => {
  assert.equal(cleanLabel('\u202EИванов\u202C'), 'Иванов');
  assert.equal(cleanLabel('Ива\u200Bнов\u2066\u2069'), 'Иванов');
  assert.equal(cleanLabel('\uFEFFPetrov\u200E\u200F\u061C\u2060\u200C\u200D'), 'Petrov');
  assert.equal(cleanLabel('Jose\u0301'), 'Jos\u00E9', 'a decomposed accent is composed');
  assert.equal(cleanLabel('  Kashin '), 'Kashin');
  assert.equal(cleanLabel('\u200B'), '', 'nothing visible is left: the schema refuses the empty name');
});

test('stripInvisible keeps every visible character and isInvisible names the removed ones', () => {
  assert.equal(stripInvisible('a\u202Db\u200Cc'), 'abc');
  assert.equal(stripInvisible('Мар’яна O’Brien'), 'Мар’яна O’Brien');
  for (const c of ['\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\u2060', '\uFEFF'])
    assert.ok(isInvisible(c), `U+${c.charCodeAt(0).toString(16)}`);
  for (const c of ['a', ' ', '\u00A0', '’', '-']) assert.ok(!isInvisible(c));
});

test('text with NUL or a lone surrogate is not well formed; astral characters are', () => {
  assert.ok(isWellFormedText('Иванов 😀 𝔄'));
  assert.ok(!isWellFormedText('Ivan\u0000ov'));
  assert.ok(!isWellFormedText('Ivan\uD800ov'));
  assert.ok(!isWellFormedText('Ivanov\uDC00'));
  assert.ok(!isWellFormedText('\uDFFF\uD800'), 'a low then a high surrogate is two lone ones');
});
