import type { Language } from '../../domain/vocabularies.js';
import { analyzeRussian, type RuReading } from './russian.js';
import { analyzeUkrainian } from './ukrainian.js';

/** A given name recognised by the dictionary, in the nominative, with its gender and case. */
export interface GivenName {
  nominative: string;
  gender: 'masc' | 'femn' | null;
  cases: Set<string>;
}

const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct'];

// Name analysis is pure and the same words recur in every report: results are kept per word.
const cache = new Map<string, unknown>();
function memo<T>(key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size > 50_000) cache.clear();
  cache.set(key, value);
  return value;
}

function capitalize(s: string): string {
  return s
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('-');
}

// Ukrainian spelling mapped letter by letter onto Russian, so that OpenCorpora (which lists
// many Ukrainian given names: Олександр, Микола, Петро) can read it; a doubled consonant
// before я is Russian "ья" (Ілля → Илья).
function russify(word: string): string {
  return word
    .toLowerCase()
    .replace(/([бвгджзклмнпрстфхцчшщ])\1я/g, '$1ья')
    .replace(/і/g, 'и')
    .replace(/(?<=[аеоуяює])ї/g, 'й')
    .replace(/ї/g, 'и')
    .replace(/є/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/['’ʼ]/g, 'ь');
}

// Latin spellings of Russian and Ukrainian given names read back into Cyrillic; several
// candidates because romanization is lossy (y = ы/й/ий, ya = я/ья, l = л/ль).
function cyrillicCandidates(word: string): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z'-]+$/.test(w)) return [];
  const base = w
    .replace(/shch/g, 'щ')
    .replace(/sch/g, 'щ')
    .replace(/zh/g, 'ж')
    .replace(/kh/g, 'х')
    .replace(/ts/g, 'ц')
    .replace(/ch/g, 'ч')
    .replace(/sh/g, 'ш')
    .replace(/^ye/, 'е')
    .replace(/yu|iu/g, 'ю')
    .replace(/yo/g, 'е')
    .replace(/x/g, 'кс')
    .replace(/(?<=[aeiou])y$/, 'й')
    .replace(/(?<=[aeiou])i$/, 'й')
    .replace(/y$/, 'ий');
  const map: Record<string, string> = {
    a: 'а',
    b: 'б',
    v: 'в',
    g: 'г',
    d: 'д',
    e: 'е',
    z: 'з',
    i: 'и',
    k: 'к',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    p: 'п',
    r: 'р',
    s: 'с',
    t: 'т',
    u: 'у',
    f: 'ф',
    h: 'х',
    c: 'к',
    w: 'в',
    j: 'й',
    q: 'к',
    y: 'ы',
    "'": 'ь',
    '-': '-',
  };
  const toCyr = (s: string) => [...s].map((c) => map[c] ?? c).join('');
  const variants = [
    base.replace(/ya/g, 'я').replace(/ia$/, 'ия'),
    base.replace(/ya/g, 'ья').replace(/ia$/, 'ья'),
    base.replace(/ya/g, 'я').replace(/l(?=[bvgdzklmnprstf])/g, 'ль'),
    // Ukrainian romanization writes и as y ("Volodymyr"); English writes -андр as -ander ("Alexander").
    base.replace(/ya/g, 'я').replace(/y/g, 'и'),
    base.replace(/ander$/, 'андр').replace(/i$/, 'ий'),
  ];
  return [...new Set(variants.map((v) => capitalize(toCyr(v))))];
}

function readingsFor(word: string, lang: Language): Array<{ reading: RuReading; source: string }> {
  if (/^[a-z'-]+$/i.test(word)) {
    // A romanized name is in the nominative singular: only such readings count.
    return cyrillicCandidates(word).flatMap((c) =>
      analyzeRussian(c)
        .filter((r) => r.grammemes.has('nomn') && r.grammemes.has('sing'))
        .map((reading) => ({ reading, source: c })),
    );
  }
  if (!(lang === 'uk' || /[іїєґ]/i.test(word)))
    return analyzeRussian(word).map((reading) => ({ reading, source: word }));
  // Ukrainian и after a hard consonant is Russian ы ("Оксани" ~ "Оксаны").
  const ru = capitalize(russify(word));
  const read = (forms: string[]) =>
    forms.flatMap((v) => analyzeRussian(v).map((reading) => ({ reading, source: v })));
  const direct = read([ru, ru.replace(/и$/, 'ы')]);
  if (direct.some((r) => r.reading.grammemes.has('Name'))) return direct;
  return [...direct, ...read(russianCounterparts(word).map(capitalize))];
}

// Given names whose Ukrainian and Russian forms differ by more than spelling.
const COUNTERPARTS: Record<string, string> = { тетяна: 'татьяна', софія: 'софья', трохим: 'трофим' };

/**
 * Russian forms a Ukrainian nominative may correspond to where the spelling alone does not
 * lead there: і for о/е in a closed last syllable (Федір → Федор, Яків → Яков), -ій for -ей
 * (Матвій → Матвей), ї for и (Раїса → Раиса), initial О for Е (Олена → Елена), и for е
 * (Віра → Вера), -ло for -лл (Кирило → Кирилл).
 */
function russianCounterparts(word: string): string[] {
  const lower = word.toLowerCase();
  const known = COUNTERPARTS[lower];
  if (known) return [known];
  const r = lower.replace(/ї/g, 'и').replace(/і/g, 'и').replace(/є/g, 'е').replace(/['’ʼ]/g, 'ь');
  const variants = [
    r,
    r.replace(/и([бвгджзклмнпрстфхцчшщ])$/, 'о$1'),
    r.replace(/и([бвгджзклмнпрстфхцчшщ])$/, 'е$1'),
    r.replace(/ий$/, 'ей'),
    r.replace(/^о/, 'е'),
    r.replace(/^(\p{L}*?)и/u, '$1е'),
    r.replace(/ло$/, 'лл'),
  ];
  // Ukrainian и after a hard consonant is Russian ы in the endings ("Олени" ~ "Елены").
  return [...new Set(variants.flatMap((v) => [v, v.replace(/и$/, 'ы')]))];
}

function nameGender(r: RuReading): 'masc' | 'femn' | null {
  return r.grammemes.has('femn') ? 'femn' : r.grammemes.has('masc') ? 'masc' : null;
}

// The Ukrainian dictionary lemma of a given-name form with the wanted gender ("Олександра" →
// Олександр for a man, Олександра for a woman).
function ukrainianGivenLemma(word: string, gender: 'masc' | 'femn' | null): string {
  const lemmas = analyzeUkrainian(word).filter((r) => r.known && r.proper);
  const fits = lemmas.find((l) =>
    readingsFor(l.lemma, 'uk').some(
      (r) =>
        r.reading.grammemes.has('Name') &&
        r.reading.grammemes.has('nomn') &&
        nameGender(r.reading) === gender,
    ),
  );
  return (fits ?? lemmas[0])?.lemma ?? word;
}

/**
 * Readings of a word as a given name (dictionary tag Name), one per gender, best first: a form
 * like "Александра" is a woman's name in the nominative or a man's in the genitive.
 */
export function givenNames(word: string, lang: Language): GivenName[] {
  return memo(`g|${lang}|${word}`, () => computeGivenNames(word, lang));
}

function computeGivenNames(word: string, lang: Language): GivenName[] {
  // One person is named in the singular: plural readings ("Юлии" as plural of Юлий) do not count.
  const hits = readingsFor(word, lang).filter(
    (r) => r.reading.fromDictionary && r.reading.grammemes.has('Name') && !r.reading.grammemes.has('plur'),
  );
  const out: GivenName[] = [];
  for (const gender of [...new Set(hits.map((h) => nameGender(h.reading)))]) {
    const same = hits.filter((h) => nameGender(h.reading) === gender);
    const cases = new Set(same.flatMap((h) => CASES.filter((c) => h.reading.grammemes.has(c))));
    let nominative = word;
    if (/[\u0400-\u04ff]/.test(word)) {
      nominative =
        lang === 'uk' || /[іїєґ]/i.test(word)
          ? ukrainianGivenLemma(word, gender)
          : capitalize(same[0].reading.nominative);
    }
    out.push({ nominative, gender, cases });
  }
  return out;
}

/** Recognises a given name in any of the three languages; the most likely reading. */
export function givenName(word: string, lang: Language): GivenName | null {
  return givenNames(word, lang)[0] ?? null;
}

/** Whether a surname form can agree with a given name of this gender and case ("Олександра Коваленка"). */
export function surnameAgrees(word: string, lang: Language, name: GivenName): boolean {
  if (!/[\u0400-\u04ff]/.test(word)) return true;
  return readingsFor(word, lang).some(
    (r) =>
      (r.reading.pos === 'NOUN' || r.reading.pos === 'ADJF') &&
      (!name.gender || r.reading.grammemes.has(name.gender) || r.reading.grammemes.has('Ms-f')) &&
      [...name.cases].some((c) => r.reading.grammemes.has(c)),
  );
}

/** Whether a word is a surname or patronymic in the Russian dictionary (also read from Latin or Ukrainian spelling). */
export function isKnownSurname(word: string, lang: Language): boolean {
  return readingsFor(word, lang).some(
    (r) => r.reading.fromDictionary && (r.reading.grammemes.has('Surn') || r.reading.grammemes.has('Patr')),
  );
}

// Maps a Russian nominative back onto the Ukrainian word it was read from: the shared stem is
// kept as written, the ending is the Russian one in Ukrainian spelling.
function derussify(original: string, russified: string, nominative: string): string {
  let k = 0;
  while (k < russified.length && k < nominative.length && russified[k] === nominative[k]) k++;
  const tail = nominative
    .slice(k)
    .replace(/ая$/, 'а')
    .replace(/ый$/, 'ий')
    .replace(/и/g, 'і')
    .replace(/ы/g, 'и');
  return original.slice(0, k) + tail;
}

/**
 * The nominative of a surname (or patronymic) agreeing with the given name's gender and case:
 * "Кашиной" → "Кашина", "Гнедовца" → "Гнедовец", "Плюсніної" → "Плюсніна".
 */
export function surnameNominative(
  word: string,
  lang: Language,
  gender: 'masc' | 'femn' | null,
  cases: Set<string>,
): string {
  return memo(`s|${lang}|${gender}|${[...cases].join(',')}|${word}`, () =>
    computeSurnameNominative(word, lang, gender, cases),
  );
}

function computeSurnameNominative(
  word: string,
  lang: Language,
  gender: 'masc' | 'femn' | null,
  cases: Set<string>,
): string {
  if (!/[\u0400-\u04ff]/.test(word)) return word.replace(/['’]s$/, '');
  const ukrainian = lang === 'uk' || /[іїєґ]/i.test(word);
  const source = ukrainian ? capitalize(russify(word)) : capitalize(word.toLowerCase());
  const readings = analyzeRussian(source).filter((r) => r.pos === 'NOUN' || r.pos === 'ADJF');
  const agrees = (r: RuReading) =>
    (!gender || r.grammemes.has(gender) || r.grammemes.has('Ms-f')) &&
    (cases.size === 0 || [...cases].some((c) => r.grammemes.has(c)));
  const pick =
    readings.find((r) => agrees(r) && (r.grammemes.has('Surn') || r.grammemes.has('Patr'))) ??
    readings.find((r) => agrees(r) && r.grammemes.has('anim')) ??
    readings.find((r) => agrees(r));
  if (ukrainian) {
    const known = analyzeUkrainian(word).filter((r) => r.known && r.proper);
    const femnEnding = (s: string) => /[ая]$/.test(s);
    const byGender = known.find((r) =>
      gender === 'femn' ? femnEnding(r.lemma) : gender === 'masc' ? !femnEnding(r.lemma) : true,
    );
    if (byGender) return byGender.lemma;
    if (pick) return capitalize(derussify(word.toLowerCase(), source.toLowerCase(), pick.nominative));
    return word;
  }
  return pick ? capitalize(pick.nominative) : word;
}
