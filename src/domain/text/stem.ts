/**
 * Light stemming of folded words (see `foldWord`): strips the case and gender endings of
 * Russian and Ukrainian nouns, adjectives and surnames so that `Кашиной`, `Kashina` and
 * `Кашин` share the key `kashin`, and `Зайцево`/`Зайцеве` (the same village in Russian and
 * Ukrainian) share `zaicev`.
 *
 * Only inflectional endings go, never derivational suffixes: -ov, -in, -sk, -enko stay, so
 * Kashin ≠ Kashirin, Petrov ≠ Petrovsky, Ivanov ≠ Ivanenko. Masculine and feminine forms of a
 * surname (Ivanov/Ivanova) deliberately meet: they are the same family name, and a search for
 * the husband should show the wife. The cost is that a settlement named like a surname
 * (Ivanovo) meets it too; ranking and review handle that.
 *
 * Endings are written as `foldWord` spells them: й/ы/и/і/ї → i, я → ia, ю → iu, х → g,
 * and ие/ые → e, ее → e by its folds.
 */

/** Stems never get shorter than this; shorter words are left whole (Ира, Оля, Лев). */
const MIN_STEM = 4;

// biome-ignore format: grouped by grammatical role
const ENDINGS = [
  // nouns, surnames and short adjectives: а я у ю о е ы/и/й/і/ї
  'a', 'ia', 'u', 'iu', 'o', 'e', 'i',
  // instrumental and dative/locative plural: ом ем ам ям ым/им/ім, ами ями ыми/ими, ах ях ых/их
  'om', 'em', 'am', 'iam', 'im', 'ami', 'iami', 'imi', 'ag', 'iag', 'ig',
  // ой ей, ою ею, and -ей names (Алексей/Алексея/Алексею): ея ею
  'oi', 'ei', 'oiu', 'eiu', 'eia',
  // adjectives and -ский surnames: ого его ому ему ая ую ое яя юю (Ukrainian ої → oi)
  'ogo', 'ego', 'omu', 'emu', 'aia', 'uiu', 'oe', 'iaia', 'iuiu',
];
const LONGEST = 4;
const BY_LENGTH: ReadonlyArray<ReadonlySet<string>> = Array.from(
  { length: LONGEST + 1 },
  (_, len) => new Set(ENDINGS.filter((ending) => ending.length === len)),
);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/**
 * The fleeting е of -ец (Гнедовец/Гнедовца, Кравець/Кравця): dropped from the stem so every
 * case form meets. Only after a consonant, and only when the stem stays long enough.
 */
function dropFleetingVowel(stem: string): string {
  const len = stem.length;
  if (
    len - 1 >= MIN_STEM &&
    stem.charCodeAt(len - 1) === 99 &&
    stem.charCodeAt(len - 2) === 101 &&
    !VOWELS.has(stem[len - 3])
  ) {
    return `${stem.slice(0, len - 2)}c`;
  }
  return stem;
}

/** Strips the Russian/Ukrainian inflectional ending of a folded word, keeping ≥ 4 letters. */
export function stemFolded(folded: string): string {
  if (folded.length <= MIN_STEM || hasDigit(folded)) return folded;
  const longest = Math.min(LONGEST, folded.length - MIN_STEM);
  for (let len = longest; len > 0; len--) {
    if (BY_LENGTH[len].has(folded.slice(folded.length - len))) {
      return dropFleetingVowel(folded.slice(0, folded.length - len));
    }
  }
  return dropFleetingVowel(folded);
}
