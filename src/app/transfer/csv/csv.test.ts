import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsv } from './csv-reader.js';
import { csvCell, csvRow, unguardFormula } from './csv-writer.js';

test('quotes cells holding quotes, commas and line breaks, doubling the quotes (RFC 4180)', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "no"'), '"say ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvRow(['a', 1, true, undefined, null]), 'a,1,true,,\r\n');
});

test('defuses text a spreadsheet would run as a formula, but leaves numbers Vigil wrote alone', () => {
  for (const hostile of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])
    assert.ok(csvCell(hostile).replace(/^"/, '').startsWith("'"), JSON.stringify(hostile));
  assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  assert.equal(csvCell(-33.5), '-33.5');
  assert.equal(csvCell('-33.5|-70.6'), '-33.5|-70.6', 'coordinates as Uwazi reads them');
  assert.ok(csvCell("-2+3+cmd|' /C calc'!A0").startsWith("'"), 'a DDE payload with a pipe');
  assert.equal(unguardFormula("'=1+1"), '=1+1');
  assert.equal(unguardFormula("'quoted"), "'quoted");
});

test('reads back what it writes, with a byte order mark, CRLF and quoted line breaks', () => {
  const cells = ['Кашина Елена', 'a, "b"', 'line\r\nbreak', '', '=1+1'];
  const text = `\uFEFF${csvRow(['a', 'b', 'c', 'd', 'e'])}${csvRow(cells)}`;
  const table = readCsv(text);
  assert.deepEqual(table.header, ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(table.rows, [['Кашина Елена', 'a, "b"', 'line\r\nbreak', '', "'=1+1"]]);
  assert.equal(unguardFormula(table.rows[0][4]), '=1+1');
  assert.deepEqual(table.lines, [2]);
});

test('reads semicolon-separated files as Excel writes them in many locales, and pads short rows', () => {
  const table = readCsv('title;kind\nЗайцеве;settlement\nSvatove\n\n');
  assert.deepEqual(table.rows, [
    ['Зайцеве', 'settlement'],
    ['Svatove', ''],
  ]);
  assert.deepEqual(table.lines, [2, 3]);
});

test('refuses an unclosed quote and a row longer than the header, naming the line', () => {
  assert.throws(() => readCsv('a,b\n1,"open\n'), /line 2 is never closed/);
  assert.throws(() => readCsv('a,b\n1,2\n1,2,3\n'), /line 3 has 3 cells but the header has 2/);
  assert.throws(() => readCsv(''), /empty/);
});
