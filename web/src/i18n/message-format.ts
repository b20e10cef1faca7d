/**
 * Fills a catalogue message: `{name}` placeholders, and ICU-style plurals
 * `{n, plural, one {# source} few {# источника} many {# источников} other {# источника}}`, whose
 * branch is chosen by the language's plural rules (Intl.PluralRules) and whose `#` is the number.
 * Only this subset of ICU MessageFormat is understood; a catalogue test checks every message.
 */
export function formatMessage(
  text: string,
  vars: Record<string, string | number>,
  plurals: Intl.PluralRules,
  numbers: Intl.NumberFormat,
): string {
  const show = (v: string | number) => (typeof v === 'number' ? numbers.format(v) : String(v));
  let out = '';
  let i = 0;
  while (i < text.length) {
    const plural = /^\{(\w+), plural,/.exec(text.slice(i));
    if (!plural) {
      const simple = /^\{(\w+)\}/.exec(text.slice(i));
      if (simple) {
        const v = vars[simple[1]];
        out += v === undefined ? simple[0] : show(v);
        i += simple[0].length;
      } else out += text[i++];
      continue;
    }
    // The branches: "category {text}" pairs up to the brace that closes the plural.
    const branches = new Map<string, string>();
    let j = i + plural[0].length;
    for (;;) {
      const head = /^\s*(=?\w+)\s*\{/.exec(text.slice(j));
      if (!head) break;
      j += head[0].length;
      let depth = 1;
      let k = j;
      while (k < text.length && depth > 0) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
        k++;
      }
      branches.set(head[1], text.slice(j, k - 1));
      j = k;
    }
    const end = text.indexOf('}', j);
    const n = Number(vars[plural[1]]);
    const branch = branches.get(`=${n}`) ?? branches.get(plurals.select(n)) ?? branches.get('other') ?? '';
    out += formatMessage(branch.replace(/#/g, numbers.format(n)), vars, plurals, numbers);
    i = end < 0 ? text.length : end + 1;
  }
  return out;
}
