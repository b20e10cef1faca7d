import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { VigilError } from '../../domain/errors.js';
import { buildCsv, buildXlsx, encodeCp1251 } from '../../testing/table-files.js';
import { readTable } from './read-table.js';

const ROWS = [
  ['ФИО', 'Дата рождения', 'Примечание'],
  ['Іванов Іван', '12.10.1990', 'сказал: "держат в подвале"; связи нет'],
  ['Петров Пётр', '1985', 'две\nстроки'],
];

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof VigilError) return err.kind;
    throw err;
  }
  return 'ok';
};

test('reads a semicolon CSV with quoted separators, quotes and line breaks', () => {
  const table = readTable(buildCsv(ROWS, { delimiter: ';' }));
  assert.equal(table.file.format, 'csv');
  assert.equal(table.file.delimiter, ';');
  assert.equal(table.file.encoding, 'utf-8');
  assert.deepEqual(table.rows, ROWS);
});

test('reads Windows-1251, as Russian Excel saves CSV, and tells it from UTF-8', () => {
  const table = readTable(buildCsv(ROWS, { delimiter: ';', encoding: 'windows-1251' }));
  assert.equal(table.file.encoding, 'windows-1251');
  assert.deepEqual(table.rows, ROWS);
});

test('reads UTF-8 with a byte order mark, tab-separated, and UTF-16 with its mark', () => {
  const tsv = readTable(buildCsv(ROWS, { delimiter: '\t', bom: true, lineEnd: '\n' }));
  assert.equal(tsv.file.delimiter, '\t');
  assert.deepEqual(tsv.rows, ROWS);
  const text = ROWS.map((r) =>
    r.map((c) => (/[\t\n"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join('\t'),
  ).join('\r\n');
  const utf16 = readTable(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  assert.equal(utf16.file.encoding, 'utf-16le');
  assert.deepEqual(utf16.rows, ROWS);
});

test('reads an .xlsx sheet: shared and inline strings, numbers, built-in and custom date formats', () => {
  const xlsx = buildXlsx({
    Список: [
      ['ФИО', 'Дата рождения', 'Телефон', 'Статус с'],
      ['Іванов Іван', { date: '1990-10-12' }, 79161234567, { date: '2022-10-12', format: 'custom' }],
      [{ inline: 'Петров Пётр' }, 1985, null, 'октябрь 2022'],
    ],
    Другой: [['x'], ['y']],
  });
  const table = readTable(xlsx);
  assert.equal(table.file.format, 'xlsx');
  assert.deepEqual(table.file.sheets, ['Список', 'Другой']);
  assert.equal(table.file.sheet, 'Список');
  assert.deepEqual(table.rows, [
    ['ФИО', 'Дата рождения', 'Телефон', 'Статус с'],
    ['Іванов Іван', '1990-10-12', '79161234567', '2022-10-12'],
    ['Петров Пётр', '1985', '', 'октябрь 2022'],
  ]);
  assert.deepEqual(readTable(xlsx, { sheet: 'Другой' }).rows, [['x'], ['y']]);
  assert.equal(
    kindOf(() => readTable(xlsx, { sheet: 'Нет такого' })),
    'invalid_input',
  );
});

test('reads a merged range as its value in every cell it covers, clipped to the rows the sheet has', () => {
  const xlsx = buildXlsx(
    {
      S: [
        ['ФИО', 'Часть', 'Место'],
        ['Иванов Иван', 'в/ч 12345', 'Зайцево'],
        ['Петров Пётр', null, null],
        ['Сидоров Сидор', null, 'Брянка'],
      ],
    },
    { merges: { S: ['B2:B10', 'C2:C3', 'A1:A1'] } },
  );
  assert.deepEqual(readTable(xlsx).rows, [
    ['ФИО', 'Часть', 'Место'],
    ['Иванов Иван', 'в/ч 12345', 'Зайцево'],
    ['Петров Пётр', 'в/ч 12345', 'Зайцево'],
    ['Сидоров Сидор', 'в/ч 12345', 'Брянка'],
  ]);
  assert.equal(
    kindOf(() => readTable(buildXlsx({ S: [['a']] }, { merges: { S: ['A1:??'] } }))),
    'invalid_input',
  );
});

test('refuses malformed files with a clear error: unclosed quote, damaged zip, old .xls, binary, empty', () => {
  assert.equal(
    kindOf(() => readTable(Buffer.from('a,b\n"never closed,c\n'))),
    'invalid_input',
  );
  const xlsx = buildXlsx({ S: [['a']] });
  assert.equal(
    kindOf(() => readTable(xlsx.subarray(0, xlsx.length - 30))),
    'invalid_input',
  );
  const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  assert.equal(
    kindOf(() => readTable(xls)),
    'unsupported_media_type',
  );
  assert.equal(
    kindOf(() => readTable(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x00, 0x9f]))),
    'unsupported_media_type',
  );
  assert.equal(
    kindOf(() => readTable(Buffer.from([0xc1, 0x80, 0x41, 0x98, 0x99, 0x9a]))),
    'unsupported_media_type',
  );
  assert.equal(
    kindOf(() => readTable(Buffer.alloc(0))),
    'invalid_input',
  );
  const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
  assert.equal(
    kindOf(() => readTable(docx)),
    'unsupported_media_type',
  );
});

test('refuses a compression bomb and tables beyond the row, column and cell limits', () => {
  const bomb = Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/sharedStrings.xml': strToU8(`<sst><si><t>${'a'.repeat(5_000_000)}</t></si></sst>`),
    }),
  );
  assert.equal(
    kindOf(() => readTable(bomb)),
    'too_large',
  );
  const limits = { maxRows: 3, maxColumns: 3, maxCellChars: 20 };
  assert.equal(
    kindOf(() => readTable(buildCsv([['a'], ['b'], ['c'], ['d']]), { limits })),
    'too_large',
  );
  assert.equal(
    kindOf(() => readTable(buildCsv([['a', 'b', 'c', 'd']]), { limits })),
    'too_large',
  );
  assert.equal(
    kindOf(() => readTable(buildCsv([['a'.repeat(21)]]), { limits })),
    'too_large',
  );
  assert.equal(
    kindOf(() => readTable(buildXlsx({ S: [['a'], ['b'], ['c'], ['d']] }), { limits })),
    'too_large',
  );
  assert.equal(
    kindOf(() => readTable(buildXlsx({ S: [['a'.repeat(21)]] }), { limits })),
    'too_large',
  );
});

test('leaves out empty rows at the end of a sheet', () => {
  assert.deepEqual(
    readTable(
      buildCsv([
        ['a', 'b'],
        ['1', '2'],
        ['', ''],
        ['', ''],
      ]),
    ).rows,
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  );
});

test('Windows-1251 test files hold Ukrainian letters too', () => {
  assert.equal(new TextDecoder('windows-1251').decode(encodeCp1251('Їжак Ґонта є')), 'Їжак Ґонта є');
});
