/**
 * A unit designation as English sources write it ("Fifth company", "the 27th Separate Motorized
 * Rifle Brigade", "military unit 12345"), read into parts a letter in another language can name.
 */
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
/** The unit nouns and the adjectives before them that the letters translate. */
export const UNIT_NOUN_KEYS = [
  'company',
  'platoon',
  'battalion',
  'regiment',
  'brigade',
  'division',
  'army',
  'corps',
  'detachment',
] as const;
export const UNIT_ADJECTIVE_KEYS = [
  'separate',
  'guards',
  'motorized rifle',
  'motor rifle',
  'tank',
  'airborne',
  'air assault',
  'assault',
  'naval infantry',
  'artillery',
  'rifle',
] as const;
export type UnitNounKey = (typeof UNIT_NOUN_KEYS)[number];
export type UnitAdjectiveKey = (typeof UNIT_ADJECTIVE_KEYS)[number];

const ADJECTIVE_PATTERN = [...UNIT_ADJECTIVE_KEYS].sort((a, b) => b.length - a.length).join('|');
const UNIT = new RegExp(
  `^(?:the )?(\\d+)?(?:st|nd|rd|th)?\\s*(${ORDINALS.join('|')})?\\s*((?:(?:${ADJECTIVE_PATTERN})\\s+)*)(${UNIT_NOUN_KEYS.join('|')})$`,
  'i',
);
const MILITARY_UNIT = /^(?:military unit|unit|в\/ч)\s*(?:no\.?\s*)?(\d{4,5})$/i;

/** A unit read from English: a numbered military unit, or a numbered formation with its adjectives. */
export type EnglishUnit =
  | { kind: 'military_unit'; number: string }
  | { kind: 'formation'; number: number; adjectives: UnitAdjectiveKey[]; noun: UnitNounKey };

/** Reads "Fifth company" or "military unit 12345"; null when the name is not a numbered unit. */
export function parseEnglishUnit(name: string): EnglishUnit | null {
  const trimmed = name.trim();
  const numbered = MILITARY_UNIT.exec(trimmed);
  if (numbered) return { kind: 'military_unit', number: numbered[1] };
  const m = UNIT.exec(trimmed);
  if (!m || !(m[1] || m[2])) return null;
  return {
    kind: 'formation',
    number: m[1] ? Number(m[1]) : ORDINALS.indexOf(m[2].toLowerCase()) + 1,
    adjectives: [...m[3].toLowerCase().matchAll(new RegExp(ADJECTIVE_PATTERN, 'g'))].map(
      (a) => a[0] as UnitAdjectiveKey,
    ),
    noun: m[4].toLowerCase() as UnitNounKey,
  };
}
