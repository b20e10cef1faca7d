import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { highlight, queryTerms, termsOf } from './terms.js';

/** The original tokens termsOf found, read back through their offsets. */
const tokens = (text: string): string[] => termsOf(text).map((t) => text.slice(t.start, t.end));

/** The marked parts of a highlighted snippet. */
const marked = ({ snippet, highlights }: { snippet: string; highlights: Array<[number, number]> }) =>
  highlights.map(([start, end]) => snippet.slice(start, end));

describe('termsOf', () => {
  test('splits text into words with the UTF-16 offsets of each original token', () => {
    const text = 'Кашина (Kashinoy), 21 человек — в подвале.';
    assert.deepEqual(tokens(text), ['Кашина', 'Kashinoy', '21', 'человек', 'в', 'подвале']);
    assert.deepEqual(termsOf(text).slice(0, 3), [
      { term: 'kashin', start: 0, end: 6 },
      { term: 'kashin', start: 8, end: 16 },
      { term: '21', start: 19, end: 21 },
    ]);
  });

  test('keeps an apostrophe between letters inside the word', () => {
    const cases: ReadonlyArray<readonly [string, string[]]> = [
      ["п'ять", ["п'ять"]],
      ['Мар’яна', ['Мар’яна']],
      ['Марʼяна', ['Марʼяна']],
      ["d'Artagnan", ["d'Artagnan"]],
      ["Iur'ev", ["Iur'ev"]],
      ["'Кашина'", ['Кашина']],
      ["Kashin's", ['Kashin']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(tokens(text), expected, text);
  });

  test('splits a hyphenated word into its parts, each with its own offsets', () => {
    assert.deepEqual(tokens('Нью-Йорк'), ['Нью', 'Йорк']);
    assert.deepEqual(tokens('Римский-Корсаков'), ['Римский', 'Корсаков']);
    assert.deepEqual(tokens('Су-25'), ['Су', '25']);
  });

  test('counts offsets in UTF-16 units across astral characters', () => {
    const text = '😀 Кашина';
    assert.deepEqual(termsOf(text), [{ term: 'kashin', start: 3, end: 9 }]);
  });

  test('reads letters with combining marks as one word', () => {
    const text = 'Ёлкин'.normalize('NFD');
    assert.deepEqual(termsOf(text), [{ term: 'elkin', start: 0, end: text.length }]);
  });

  test('returns nothing for text without letters or digits', () => {
    assert.deepEqual(termsOf(''), []);
    assert.deepEqual(termsOf(' — ,.;! '), []);
  });
});

describe('queryTerms', () => {
  test('makes any script and case form of a name into the same query', () => {
    const expected = ['kashin', 'gorlovk'];
    for (const q of ['Кашина Горловка', 'Kashinoy Horlivka', 'кашиной, горлівки', 'KASHINA GORLOVKA']) {
      assert.deepEqual(queryTerms(q), expected, q);
    }
  });

  test('dedupes terms and keeps their first order', () => {
    assert.deepEqual(queryTerms('Kashina Кашина Кашиной Luhansk Lugansk'), ['kashin', 'lugansk']);
  });

  test('returns no terms for an empty query', () => {
    assert.deepEqual(queryTerms('  '), []);
  });
});

describe('highlight', () => {
  test('returns a short text whole, with its matches marked', () => {
    const text = 'Кашина Анна ищет мужа в Горловке.';
    const result = highlight(text, queryTerms('Kashina Horlivka'));
    assert.equal(result.snippet, text);
    assert.deepEqual(marked(result), ['Кашина', 'Горловке']);
  });

  test('cuts a long text around the densest cluster of matches, within maxLength', () => {
    const filler = 'Слова без совпадений идут здесь одно за другим. '.repeat(20);
    const text = `${filler}Кашин писал. ${filler}Елена Кашина задержана в Сватове, Луганская область. ${filler}`;
    const result = highlight(text, queryTerms('Кашина Svatove Luhansk'), { maxLength: 120 });
    assert.ok(result.snippet.length <= 120, `${result.snippet.length}`);
    assert.ok(result.snippet.startsWith('…') && result.snippet.endsWith('…'));
    assert.deepEqual(marked(result), ['Кашина', 'Сватове', 'Луганская']);
  });

  test('marks both halves of a hyphenated name as one range', () => {
    const result = highlight('Письмо Римского-Корсакова', queryTerms('Римский Корсаков'));
    assert.deepEqual(marked(result), ['Римского-Корсакова']);
  });

  test('starts the snippet at the text when nothing matches', () => {
    const text = 'Первое предложение. '.repeat(30);
    const result = highlight(text, queryTerms('Kashina'), { maxLength: 50 });
    assert.deepEqual(result.highlights, []);
    assert.ok(result.snippet.startsWith('Первое'));
    assert.ok(result.snippet.length <= 50);
  });

  test('turns line breaks into spaces without moving the offsets', () => {
    const result = highlight('Сообщение:\r\nКашина\tзадержана', queryTerms('Kashina'));
    assert.equal(result.snippet, 'Сообщение:  Кашина задержана');
    assert.deepEqual(marked(result), ['Кашина']);
  });

  test('never splits a surrogate pair at the edge of the snippet', () => {
    const text = `${'😀'.repeat(40)} Кашина ${'😀'.repeat(40)}`;
    const { snippet } = highlight(text, queryTerms('Kashina'), { maxLength: 21 });
    assert.ok(!/^…?[\uDC00-\uDFFF]/.test(snippet), snippet);
    assert.ok(!/[\uD800-\uDBFF]…?$/.test(snippet), snippet);
    assert.ok(snippet.includes('Кашина'));
  });

  test('returns plain text, leaving markup in the source as text', () => {
    const result = highlight('<b>Кашина</b>', queryTerms('Кашина'));
    assert.equal(result.snippet, '<b>Кашина</b>');
    assert.deepEqual(marked(result), ['Кашина']);
  });
});

test('bidi controls and zero-width characters inside a word do not change its term', () => {
  const plain = termsOf('Иванов Kashin');
  const hidden = termsOf('\u202EИва\u200Bн\u2066ов\u2069 Kas\uFEFFhin\u200D');
  assert.deepEqual(
    hidden.map((t) => t.term),
    plain.map((t) => t.term),
  );
  assert.deepEqual(queryTerms('Ка\u200Cшин'), queryTerms('Кашин'));
});
