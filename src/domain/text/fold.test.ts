import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldWord } from './fold.js';

/** Groups of spellings of one word (no inflection involved) that must fold to one skeleton. */
const SAME_SKELETON: ReadonlyArray<readonly string[]> = [
  ['Кашина', 'Kashina', 'KASHINA', 'Kaŝina'],
  ['Щербаков', 'Shcherbakov', 'Scherbakov', 'Shherbakov', 'Ščerbakov'],
  ['Ёлкин', 'Елкин', 'Yolkin', 'Elkin', 'Jolkin'],
  ['Хабаровск', 'Khabarovsk', 'Habarovsk'],
  ['Горловка', 'Горлівка', 'Horlivka', 'Gorlovka'],
  ['Луганск', 'Луганськ', 'Luhansk', 'Lugansk'],
  ['Юрьев', 'Yuriev', 'Yuryev', "Iur'ev", 'Iurʼev', 'Yurjev'],
  ['Алексей', 'Alexei', 'Alexey', 'Aleksei', 'Aleksey', 'Aleksej'],
  ['Арсютин', 'Arsyutin', 'Arsiutin', 'Arsjutin'],
  ['Гнедовец', 'Gnedovets', 'Gnedovetz', 'Gnedovec'],
  ['Плюснина', 'Плюсніна', 'Plyusnina', 'Pliusnina', 'Pljusnina'],
  ['Каминский', 'Камінський', 'Kaminsky', 'Kaminskiy', 'Kaminskyi', 'Kaminskij', 'Kamiński'],
  ['Зайцев', 'Zaitsev', 'Zaytsev', 'Zajcev', 'Zaitzev'],
  ['Марчук', 'Marchuk', 'Martchuk'],
  ['Мария', 'Mariya', 'Maria', 'Mariia', 'Марiя'],
  ['Андреев', 'Andreyev', 'Andreev', 'Andreiev'],
  ['Фёдор', 'Федор', 'Fyodor', 'Fedor', 'Fjodor'],
  ['Сьомін', 'Syomin', 'Semin', 'Сёмин'],
  ['Чайковский', 'Tchaikovsky', 'Chaikovsky', 'Tschaikowsky'],
  ['расчёт', 'raschet', 'rasshchet'],
  ['Подъячев', 'Podyachev', 'Podiachev', "Pod'yachev"],
  // Ukrainian letters: і/ї/є/ґ and г as h
  ['Ґалаґан', 'Галаган', 'Galagan', 'Halahan'],
  ['Їжакевич', 'Ижакевич', 'Yizhakevych', 'Izhakevich', 'Ïžakevyč'],
  ['Євген', 'Евген', 'Yevhen', 'Ievgen', 'Evgen'],
  ['Ірина', 'Ирина', 'Iryna', 'Irina'],
  ['Київ', 'Kyiv', 'Kyyiv'],
  ['Харків', 'Харьков', 'Kharkiv', 'Kharkov'],
  ['Львів', 'Львов', 'Lviv', 'Lvov'],
  ['Маріуполь', 'Мариуполь', 'Mariupol'],
  ['Донецьк', 'Донецк', 'Donetsk'],
];

/** Words that look alike but must keep distinct skeletons. */
const DIFFERENT_SKELETON: ReadonlyArray<readonly [string, string]> = [
  ['Кашин', 'Каширин'],
  ['Марат', 'Мария'],
  ['Kashin', 'Kashirin'],
  ['Сватово', 'Светлово'],
  ['Shcherbakov', 'Shcherbina'],
];

describe('foldWord', () => {
  for (const group of SAME_SKELETON) {
    test(`folds ${group.join(', ')} to one skeleton`, () => {
      const skeletons = group.map(foldWord);
      assert.deepEqual(
        skeletons,
        group.map(() => skeletons[0]),
      );
    });
  }

  for (const [a, b] of DIFFERENT_SKELETON) {
    test(`keeps ${a} and ${b} apart`, () => {
      assert.notEqual(foldWord(a), foldWord(b));
    });
  }

  test('spells a skeleton in lower-case ASCII with ch, sh and zh for ч, ш/щ and ж', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['Кашина', 'kashina'],
      ['Щербаков', 'sherbakov'],
      ['Жуков', 'zhukov'],
      ['Марчук', 'marchuk'],
      ['Хабаровск', 'gabarovsk'],
      ['Зайцеве', 'zaiceve'],
      ['Плюсніна', 'pliusnina'],
      ['Kashinoy', 'kashinoi'],
    ];
    for (const [word, skeleton] of cases) assert.equal(foldWord(word), skeleton, word);
  });

  test('is idempotent, so folding an already folded key changes nothing', () => {
    for (const group of SAME_SKELETON) {
      for (const word of group) {
        const once = foldWord(word);
        assert.equal(foldWord(once), once, word);
      }
    }
  });

  test('reads decomposed (NFD) input like composed input', () => {
    for (const word of ['Ёлкин', 'Йорк', 'Їжакевич', 'Kamiński', 'Ščerbakov']) {
      assert.equal(foldWord(word.normalize('NFD')), foldWord(word), word);
    }
  });

  test('keeps digits as they are, without collapsing repeated ones', () => {
    assert.equal(foldWord('1000'), '1000');
    assert.equal(foldWord('2022'), '2022');
    assert.equal(foldWord('Су25'), 'su25');
  });

  test('drops apostrophes, hyphens and soft or hard signs', () => {
    assert.equal(foldWord("п'ять"), foldWord('пять'));
    assert.equal(foldWord('Марʼяна'), foldWord('Maryana'));
    assert.equal(foldWord('Нью-Йорк'), foldWord('НьюЙорк'));
    assert.equal(foldWord('ь'), '');
  });

  test('keeps letters of other scripts, lower-cased, so they stay searchable', () => {
    assert.equal(foldWord('Σοφία'), 'σοφια');
    assert.equal(foldWord('თბილისი'), 'თბილისი');
  });

  test('returns an empty skeleton for an empty word', () => {
    assert.equal(foldWord(''), '');
  });

  test('handles words longer than its internal buffer', () => {
    const long = 'Щ'.repeat(10) + 'аб'.repeat(200);
    assert.equal(foldWord(long), `sh${'ab'.repeat(200)}`);
  });
});
