import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCellDate } from './cell-date.js';
import { suggestColumns } from './header-words.js';
import { statusOf } from './status-words.js';
import { renderTableText } from './table-text.js';

const TODAY = new Date('2024-06-01T00:00:00Z');

test('reads dates in the forms people type them', () => {
  const cases: Array<[string, string]> = [
    ['12.10.2022', '2022-10-12'],
    ['2022-10-12', '2022-10-12'],
    ['1.2.2022', '2022-02-01'],
    ['12/10/2022', '2022-10-12'],
    ['12-10-2022', '2022-10-12'],
    ['12.10.22', '2022-10-12'],
    ['12.10.90', '1990-10-12'],
    ['12 октября 2022', '2022-10-12'],
    ['12 октября 2022 г.', '2022-10-12'],
    ['12 октября 2022 года', '2022-10-12'],
    ['12 жовтня 2022', '2022-10-12'],
    ['12 жовтня 2022 р.', '2022-10-12'],
    ['October 12, 2022', '2022-10-12'],
    ['12 Oct 2022', '2022-10-12'],
    ['12 сент. 2022', '2022-09-12'],
    ['окт. 2022', '2022-10'],
    ['октябрь 2022', '2022-10'],
    ['10.2022', '2022-10'],
    ['2022-10', '2022-10'],
    ['1990', '1990'],
    ['1990 г.', '1990'],
    ['2022-10-12T00:00:00', '2022-10-12'],
    ['12.10.2022 14:30', '2022-10-12'],
    ['  29.02.2024 ', '2024-02-29'],
  ];
  for (const [text, date] of cases) assert.equal(parseCellDate(text, 'dmy', TODAY), date, text);
  assert.equal(parseCellDate('10/12/2022', 'mdy', TODAY), '2022-10-12');
});

test('refuses what is not a date that exists', () => {
  for (const text of [
    '31.02.2022',
    '29.02.2023',
    '13/13/2022',
    'вчера',
    '12',
    'скоро',
    '2022-13',
    '32 октября 2022',
    '0900',
  ])
    assert.equal(parseCellDate(text, 'dmy', TODAY), undefined, text);
});

test('reads statuses in the words of Russian, Ukrainian and English lists, and the list’s own words first', () => {
  const none = new Map();
  assert.equal(statusOf('Задержан', none), 'detained');
  assert.equal(statusOf('задержана 12.10', none), 'detained');
  assert.equal(statusOf('СЗЧ', none), 'deserted');
  assert.equal(statusOf('пропал без вести', none), 'missing');
  assert.equal(statusOf('Звільнений', none), 'released');
  assert.equal(statusOf('відмовився', none), 'refused');
  assert.equal(statusOf('killed', none), 'killed');
  assert.equal(statusOf('не задержан', none), undefined);
  assert.equal(statusOf('в яме под Зайцеве', none), 'detained');
  assert.equal(statusOf('на подвале', none), 'detained');
  assert.equal(statusOf('уточняется', none), undefined);
  assert.equal(statusOf('Уточняется!', new Map([['уточняется', 'unknown' as const]])), 'unknown');
});

test('suggests a mapping from Russian, Ukrainian and English headers', () => {
  assert.deepEqual(
    suggestColumns([
      '№',
      'ФИО',
      'Дата рождения',
      'Воинская часть',
      'Статус',
      'Дата задержания',
      'Место содержания',
      'Телефон жены',
      'Последняя связь',
    ]),
    {
      fullName: 'ФИО',
      birthDate: 'Дата рождения',
      unit: 'Воинская часть',
      status: 'Статус',
      statusDate: 'Дата задержания',
      detentionPlace: 'Место содержания',
      phone: 'Телефон жены',
      lastContact: 'Последняя связь',
    },
  );
  assert.deepEqual(suggestColumns(['Прізвище', "Ім'я", 'По батькові', 'Військова частина', 'Звання']), {
    surname: 'Прізвище',
    givenName: "Ім'я",
    patronymic: 'По батькові',
    unit: 'Військова частина',
    rank: 'Звання',
  });
  assert.deepEqual(
    suggestColumns(['ID', 'Full name', 'Date of birth', 'Unit', 'Last contact', 'Name (Latin)']),
    {
      externalId: 'ID',
      fullName: 'Full name',
      birthDate: 'Date of birth',
      unit: 'Unit',
      lastContact: 'Last contact',
      otherNames: ['Name (Latin)'],
    },
  );
});

test('renders a table as text in which every cell span quotes the cell', () => {
  const rows = [
    ['ФИО', 'Заметка'],
    ['  Іванов Іван ', 'в\tподвале'],
    ['"Петров"', 'две\nстроки'],
    ['', 'x'],
  ];
  const rendered = renderTableText(rows);
  assert.equal(
    rendered.text,
    'ФИО\tЗаметка\n  Іванов Іван \t"в\tподвале"\n"""Петров"""\t"две\nстроки"\n\tx\n',
  );
  assert.equal(rendered.cell(1, 0)?.quote, 'Іванов Іван');
  assert.equal(rendered.cell(1, 1)?.quote, 'в\tподвале');
  assert.equal(rendered.cell(2, 0)?.quote, '""Петров""');
  assert.equal(rendered.cell(2, 1)?.quote, 'две\nстроки');
  assert.equal(rendered.cell(3, 0), undefined);
  for (const [r, c] of [
    [1, 0],
    [2, 1],
    [3, 1],
  ] as const) {
    const span = rendered.cell(r, c);
    assert.equal(rendered.text.slice(span?.start, span?.end), span?.quote);
  }
});
