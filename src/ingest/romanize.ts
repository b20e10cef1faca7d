// Russian passport-style and Ukrainian KMU-2010 romanization tables, for names without a
// gazetteer or dictionary English form.
const RU: Record<string, string> = {
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
  й: 'y',
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
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const UK: Record<string, string> = {
  ...RU,
  г: 'h',
  ґ: 'g',
  е: 'e',
  є: 'ie',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
  щ: 'shch',
};

/** Romanizes a Cyrillic name (Ukrainian rules when it has Ukrainian letters), keeping capitals. */
export function romanize(name: string): string {
  const table = /[іїєґ]/i.test(name) ? UK : RU;
  let out = '';
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const r = table[lower];
    if (r === undefined) out += ch;
    else out += ch === lower ? r : r.charAt(0).toUpperCase() + r.slice(1);
  }
  return out;
}
