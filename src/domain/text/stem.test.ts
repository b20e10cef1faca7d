import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldWord } from './fold.js';
import { stemFolded } from './stem.js';

const key = (word: string): string => stemFolded(foldWord(word));

/** Each group names one person or place in several scripts, spellings and case forms. */
const SAME_KEY: ReadonlyArray<readonly string[]> = [
  ['Кашина', 'Kashina', 'Kashinoy', 'Кашиной', 'Кашин', 'Kashin'],
  ['Zaitseve', 'Зайцево', 'Зайцеве', 'Zaitsevo', 'Zaytsevo'],
  ['Алексей', 'Алексея', 'Алексею', 'Алексеем', 'Alexei', 'Alexey', 'Aleksei', 'Aleksey'],
  ['Олексій', 'Олексія', 'Oleksii', 'Oleksiy'],
  ['Горловка', 'Горлівка', 'Horlivka', 'Gorlovka', 'Горловки', 'Горлівки', 'Горловкой'],
  ['Луганск', 'Луганська', 'Luhansk', 'Lugansk', 'Луганськ', 'Луганської', 'Луганске'],
  ['Сватово', 'Сватове', 'Svatove', 'Svatovo'],
  ['Марчук', 'Marchuk', 'Марчука', 'Марчуку'],
  ['Арсютин', 'Arsyutin', 'Arsiutin', 'Арсютина', 'Арсютиным'],
  ['Гнедовец', 'Gnedovets', 'Гнедовца', 'Гнедовцем', 'Гнедовцу'],
  ['Плюсніна', 'Plyusnina', 'Плюсниной', 'Плюснина', 'Плюсніної'],
  [
    'Kaminsky',
    'Kaminskiy',
    'Kaminskyi',
    'Камінський',
    'Каминский',
    'Каминского',
    'Каминскому',
    'Kaminskaya',
    'Каминская',
    'Камінська',
    'Каминской',
  ],
  ['Щербаков', 'Shcherbakov', 'Scherbakov', 'Shherbakov', 'Щербакова', 'Щербаковым'],
  ['Ёлкин', 'Елкин', 'Yolkin', 'Elkin', 'Ёлкина'],
  ['Хабаровск', 'Khabarovsk', 'Habarovsk', 'Хабаровске', 'Хабаровска'],
  ['Юрьев', 'Yuriev', 'Yuryev', "Iur'ev", 'Юрьева'],
  ['Мария', 'Mariya', 'Maria', 'Марии', 'Марию'],
  // gender forms of one surname meet: the same family
  ['Ivanov', 'Ivanova', 'Иванов', 'Иванова', 'Ивановой', 'Ивановым', 'Ивановых'],
  ['Сергей', 'Сергій', 'Serhii', 'Sergei', 'Sergey', 'Сергея'],
  ['Євген', 'Yevhen', 'Евгений', 'Yevgeny', 'Evgeniy', 'Евгения'],
  ['Ірина', 'Ирина', 'Iryna', 'Irina', 'Ирину', 'Іриною'],
  ['Ґалаґан', 'Галаган', 'Galagan', 'Halahan', 'Галагана'],
  ['Харків', 'Харьков', 'Kharkiv', 'Kharkov', 'Харькова'],
  ['Mariupol', 'Маріуполь', 'Мариуполь', 'Мариуполе', 'Маріуполя'],
  ['Донецк', 'Донецьк', 'Donetsk', 'Донецка', 'Донецьку'],
  ['Наталья', 'Наталия', 'Natalia', 'Natalya', 'Наталії'],
  ['Дмитрий', 'Dmitry', 'Dmitriy', 'Dmytro', 'Дмитро', 'Дмитрия'],
  ['Шевченко', 'Shevchenko', 'Шевченка'],
];

/** Pairs that must not meet, with the reason the line is drawn there. */
const DIFFERENT_KEY: ReadonlyArray<readonly [string, string, string]> = [
  ['Kashin', 'Kashirin', 'different surnames sharing a beginning'],
  ['Ivanov', 'Ivanenko', '-enko is a suffix, not an ending'],
  ['Ivanov', 'Ivanovsky', '-sky is a suffix, not an ending'],
  ['Petrov', 'Petrovsky', 'different surnames'],
  ['Mariya', 'Marat', 'different names'],
  ['Kaminsky', 'Kamensky', 'different surnames'],
  ['Gnedovets', 'Gnedov', 'the -ец suffix stays'],
  ['Gorlovka', 'Gorlovo', 'the -к suffix stays'],
  ['Alexei', 'Alexandr', 'different names'],
  ['Alexei', 'Oleksii', 'Russian and Ukrainian forms of a name are different words'],
  ['Marchuk', 'Marchenko', 'different surnames'],
  ['Yolkin', 'Yolkov', 'different surnames'],
  ['Луганск', 'Луганщина', 'city and region'],
  ['Svatove', 'Svitlove', 'different villages'],
  ['Кашина', 'Каштанова', 'different surnames'],
  ['Mariupol', 'Marinka', 'different towns'],
];

describe('stemFolded', () => {
  for (const group of SAME_KEY) {
    test(`gives ${group.join(', ')} one key`, () => {
      const keys = group.map(key);
      assert.deepEqual(
        keys,
        group.map(() => keys[0]),
      );
    });
  }

  for (const [a, b, why] of DIFFERENT_KEY) {
    test(`keeps ${a} and ${b} apart (${why})`, () => {
      assert.notEqual(key(a), key(b));
    });
  }

  test('strips endings to the expected stems', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['kashinoi', 'kashin'],
      ['kashina', 'kashin'],
      ['zaicevo', 'zaicev'],
      ['zaiceve', 'zaicev'],
      ['kaminskogo', 'kaminsk'],
      ['kaminski', 'kaminsk'],
      ['luganska', 'lugansk'],
      ['lugansk', 'lugansk'],
      ['mariupol', 'mariupol'],
      ['gnedovec', 'gnedovc'],
    ];
    for (const [folded, stem] of cases) assert.equal(stemFolded(folded), stem, folded);
  });

  test('never leaves fewer than four letters and leaves short words whole', () => {
    for (const word of ['ira', 'olia', 'lev', 'ivan', 'mari', 'otca', 'a', '']) {
      assert.equal(stemFolded(word), word);
    }
    assert.equal(stemFolded('ivana'), 'ivan');
    assert.equal(stemFolded('maria'), 'mari');
  });

  test('leaves words with digits alone', () => {
    for (const word of ['2022', '155a', 'su25', 't72bi']) assert.equal(stemFolded(word), word);
  });

  test('Zaitseve meets Zaitsev: the village and the locative of the surname are one spelling', () => {
    assert.equal(key('Zaitseve'), key('Zaitsev'));
  });
});
