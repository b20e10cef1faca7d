import type { Man } from './matching-population.js';

/**
 * How a second organization writes the men the first one stores: another romanization (five
 * systems), no patronymic, a typo, a missing or year-only date of birth, a town with its "г.",
 * a unit he was transferred from. Each row of the second list carries one such variant kind, so
 * that the measurement shows which kind costs what.
 */
export const VARIANTS = [
  'same',
  'translit_bgn',
  'translit_icao',
  'translit_gost',
  'translit_scholarly',
  'translit_german',
  'no_patronymic',
  'typo',
  'no_birth_date',
  'year_only',
  'town_prefix',
  'other_unit',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** Relative frequency of each variant among the rows of men already stored. */
const WEIGHTS: Record<Variant, number> = {
  same: 6,
  translit_bgn: 8,
  translit_icao: 8,
  translit_gost: 6,
  translit_scholarly: 5,
  translit_german: 5,
  no_patronymic: 14,
  typo: 12,
  no_birth_date: 12,
  year_only: 10,
  town_prefix: 10,
  other_unit: 4,
};

/** A variant kind drawn by the weights above. */
export function drawVariant(rnd: () => number): Variant {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let x = rnd() * total;
  for (const v of VARIANTS) {
    x -= WEIGHTS[v];
    if (x <= 0) return v;
  }
  return 'same';
}

type Table = Record<string, string>;
// biome-ignore format: a table reads better as a table
const BASE: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
/** Five romanizations in use: BGN/PCGN, the passport's ICAO, GOST 7.79 B, scholarly, German. */
const SYSTEMS: Record<string, Table> = {
  bgn: { ...BASE, ё: 'ë' },
  icao: { ...BASE, й: 'i', ю: 'iu', я: 'ia', ъ: 'ie' },
  gost: { ...BASE, й: 'j', х: 'x', ц: 'cz', щ: 'shh', ы: "y'", ь: '`', ё: 'yo', э: "e'" },
  scholarly: {
    ...BASE,
    й: 'j',
    х: 'x',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ж: 'ž',
    ю: 'ju',
    я: 'ja',
    ь: 'ʹ',
    ё: 'ë',
  },
  german: {
    ...BASE,
    в: 'w',
    ж: 'sh',
    з: 's',
    й: 'j',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ю: 'ju',
    я: 'ja',
    ё: 'jo',
  },
};

function romanize(word: string, table: Table): string {
  const latin = [...word.toLowerCase()].map((c) => table[c] ?? c).join('');
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** One letter of a word replaced, dropped or doubled, as a hurried typist does (never the first). */
function typo(word: string, rnd: () => number): string {
  const at = 1 + Math.floor(rnd() * (word.length - 1));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  const letters = 'аеиоуыклмнрст';
  return word.slice(0, at) + letters[Math.floor(rnd() * letters.length)] + word.slice(at + 1);
}

const dotted = (iso: string) => iso.split('-').reverse().join('.');
const TOWN_PREFIXES = ['г. ', 'г.', 'город ', 'пос. ', 'с. '];
const UNIT_FORMS = [
  (n: string) => `в/ч ${n}`,
  (n: string) => `войсковая часть ${n}`,
  (n: string) => `ВЧ-${n}`,
];

/** The first organization's row for a man: full name, dotted date, town, "в/ч N". */
export function storedRow(man: Man): string[] {
  return [
    `${man.surname} ${man.given} ${man.patronymic}`,
    dotted(man.birthDate),
    man.town,
    `в/ч ${man.unit}`,
  ];
}

/**
 * The second organization's row for a man, written with the given variant kind; besides it, this
 * organization leaves a unit out now and then, and writes units its own way.
 */
export function variantRow(man: Man, variant: Variant, rnd: () => number, otherUnit: string): string[] {
  let name = `${man.surname} ${man.given} ${man.patronymic}`;
  let date = dotted(man.birthDate);
  let town = man.town;
  let unit = man.unit;
  if (variant.startsWith('translit_')) {
    const table = SYSTEMS[variant.slice('translit_'.length)];
    const [s, g, p] = [man.surname, man.given, man.patronymic].map((w) => romanize(w, table));
    // Latin lists write the first name first and often leave the patronymic out.
    name = rnd() < 0.5 ? `${g} ${s}` : `${s} ${g} ${p}`;
  } else if (variant === 'no_patronymic') name = `${man.surname} ${man.given}`;
  else if (variant === 'typo') name = `${typo(man.surname, rnd)} ${man.given} ${man.patronymic}`;
  else if (variant === 'no_birth_date') date = '';
  else if (variant === 'year_only') date = man.birthDate.slice(0, 4);
  else if (variant === 'town_prefix')
    town = `${TOWN_PREFIXES[Math.floor(rnd() * TOWN_PREFIXES.length)]}${man.town}`;
  else if (variant === 'other_unit') unit = otherUnit;
  const unitCell = rnd() < 0.25 ? '' : UNIT_FORMS[Math.floor(rnd() * UNIT_FORMS.length)](unit);
  return [name, date, town, unitCell];
}

/**
 * A new man's row as the second organization writes him: a namesake of a stored man is often
 * known with less (no date of birth, a year, no patronymic), which is what makes him dangerous.
 */
export function newManRow(man: Man, rnd: () => number): string[] {
  const date = rnd() < 0.4 ? '' : rnd() < 0.35 ? man.birthDate.slice(0, 4) : dotted(man.birthDate);
  const name = rnd() < 0.4 ? `${man.surname} ${man.given}` : `${man.surname} ${man.given} ${man.patronymic}`;
  return [name, date, man.town, rnd() < 0.25 ? '' : `в/ч ${man.unit}`];
}
