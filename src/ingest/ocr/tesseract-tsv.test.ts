import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTesseractTsv } from './tesseract-tsv.js';

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (
  block: number,
  par: number,
  line: number,
  n: number,
  box: number[],
  conf: number,
  text: string,
) => ['5', '1', block, par, line, n, ...box, conf, text].join('\t');

test('joins words by lines and paragraphs, keeps each word’s offsets, box and confidence, drops specks', () => {
  const tsv = [
    HEADER,
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    word(1, 1, 1, 1, [100, 200, 300, 50], 96.4, 'Ваше'),
    word(1, 1, 1, 2, [420, 200, 350, 50], 41.25, 'обращение'),
    word(1, 1, 2, 1, [100, 270, 280, 50], 91, 'направлено'),
    '5\t1\t1\t1\t2\t2\t400\t270\t10\t50\t95\t ',
    word(2, 1, 1, 1, [100, 500, 220, 50], 120, 'по'),
    word(2, 1, 1, 2, [400, 510, 3, 2], 90, '|'),
  ].join('\n');
  const page = parseTesseractTsv(tsv);
  assert.equal(page.text, 'Ваше обращение\nнаправлено\n\nпо');
  assert.deepEqual(
    page.words.map((w) => page.text.slice(w.start, w.end)),
    ['Ваше', 'обращение', 'направлено', 'по'],
  );
  assert.deepEqual(page.words[1].box, [420, 200, 350, 50]);
  assert.equal(page.words[1].confidence, 41.3);
  assert.equal(page.words[3].confidence, 100, 'a confidence out of range is clipped');
});

test('reads an empty page as no text and no words', () => {
  assert.deepEqual(parseTesseractTsv(`${HEADER}\n1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n`), {
    text: '',
    words: [],
  });
});
