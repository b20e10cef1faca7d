/**
 * Cyrillic to Latin as Russian international passports spell names (MVD order No. 889 of
 * 2017, after ICAO Doc 9303): the spelling most likely to match a person's documents abroad,
 * which the ICRC and UN letters need when no Latin variant of a name is recorded.
 */
const TABLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Ukrainian letters, for names written the Ukrainian way.
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
};

/** The passport-style Latin spelling of a name written in Cyrillic; other characters are kept. */
export function latinSpelling(name: string): string {
  let out = '';
  let upperNext = true;
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const mapped = TABLE[lower];
    if (mapped === undefined) {
      out += ch;
      upperNext = !/\p{L}/u.test(ch);
      continue;
    }
    const isUpper = ch !== lower;
    out += isUpper || upperNext ? mapped.charAt(0).toUpperCase() + mapped.slice(1) : mapped;
    if (mapped) upperNext = false;
  }
  return out;
}
