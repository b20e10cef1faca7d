/**
 * A Russian reading of a name written in Latin letters ("Alexey Arsyutin" → "Алексей Арсютин",
 * "Prudboy" → "Прудбой"), for a Russian letter about a person or place an English source named
 * only in Latin. Romanization loses information, so this is a best reading, never a record:
 * letters print it with the Latin spelling the source used.
 */
const DIGRAPHS: Array<[RegExp, string]> = [
  [/shch/g, 'щ'],
  [/sch/g, 'щ'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/(^|[aeiouy])ye/g, '$1е'],
  [/yo/g, 'ё'],
];
const VOWEL_GLIDES: Array<[RegExp, string]> = [
  // A doubled consonant before ia is Ukrainian-style softening (Bazhannia → Бажання); else Maria → Мария.
  [/([b-df-hj-np-tv-z])\1ia/g, '$1$1я'],
  [/ya/g, 'я'],
  [/ia/g, 'ия'],
  [/yu|iu/g, 'ю'],
  // Endings of surnames, given names and place names: Totsky, Dmitry, Prudboy.
  [/(?<=[aeiouаеиоуыэюя])y$/g, 'й'],
  [/y$/g, 'ий'],
  [/(?<=[аеиоуэюяaeiou])y(?=[^aeiouаеиоуыэюя])/g, 'й'],
  [/(?<=[аеиоуэюяaeiou])i(?=[^aeiouаеиоуыэюя]|$)/g, 'й'],
  [/(?<=^|[аеиоуэюяaeiouъь])e/g, 'е'],
];
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
  "'": 'ь',
  '’': 'ь',
};

function word(latin: string): string {
  let w = latin.toLowerCase();
  for (const [re, to] of DIGRAPHS) w = w.replace(re, to);
  for (const [re, to] of VOWEL_GLIDES) w = w.replace(re, to);
  const cyrillic = [...w].map((ch) => LETTERS[ch] ?? ch).join('');
  return latin[0] === latin[0].toUpperCase()
    ? cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1)
    : cyrillic;
}

/** The Cyrillic reading of each Latin word of a name; words in other scripts are kept. */
export function cyrillicSpelling(name: string): string {
  return name.replace(/[A-Za-z][A-Za-z'’]*/g, word);
}
