import type { MatchReason } from '../../domain/schemas/draft.js';
import { termsOf } from '../../domain/text/terms.js';
import { type NameFrequencies, partOf, SHIPPED_FREQUENCIES } from './name-frequencies.js';

/**
 * Entity resolution of persons: whether two descriptions are one man. Names are compared as
 * folded, stemmed terms (`termsOf`), so scripts, romanizations, word order and case endings do
 * not matter (Кашина Алексея = Alexei Kashin); birth year, hometown, unit and places they are
 * linked to add or take away evidence. Every score comes with its reasons.
 */
export interface PersonFeatures {
  /** Each name variant as its folded, stemmed terms. */
  names: string[][];
  /** The full date of birth (YYYY-MM-DD), when known to the day. */
  birthDate?: string;
  birthYear?: number;
  /** True when the year comes from an age in a report (±1). */
  birthYearApprox?: boolean;
  /** `townKey` of the hometown. */
  hometown?: string;
  /** `unitKey` of the military unit. */
  unit?: string;
  /** Keys of places the person is linked to (gazetteer ids or folded names). */
  places?: string[];
}

/**
 * Person scores are probabilities that two descriptions are one man, from evidence weighed in the
 * manner of Fellegi and Sunter: each compared field adds the log-odds (in bits) of what it shows,
 * agreement for, disagreement against, a missing value nothing. The prior is that a stored man
 * picked at random is this one with odds of about one in 30,000 (lists of tens of thousands of
 * men): an agreeing common name alone never overcomes it, a name with a date of birth does.
 */
const PRIOR_BITS = -15;

/** Probability from which a row or a report's person is taken to be a stored man (bench-chosen). */
export const PERSON_MATCH_THRESHOLD = 0.9;
/** Candidates below this, or without an agreeing name, are not shown for review. */
export const PERSON_CANDIDATE_FLOOR = 0.01;

/** Bits of a part agreeing when it may just be a typo of another part. */
const SPELLING_DISCOUNT = 3;
/** Bits against for a part on both sides that differs: another first name or another father. */
const PART_CONFLICT = 6;
/** A one-letter initial agreeing with a name part. */
const INITIAL_BITS = 1;
/** Most a single name part can weigh, however rare it looks. */
const MAX_PART_BITS = 14;
/**
 * Most a whole name can weigh: a name looks unique only within the data at hand, and a namesake
 * outside it (same full name, another man) is why a name alone must never decide.
 */
const MAX_NAME_BITS = 16;

const EVIDENCE = {
  birthDate: 13,
  birthDateOtherDay: -5,
  birthDateOther: -8,
  birthYear: 4.5,
  birthYearFromAge: 3,
  birthYearNearAge: 1.5,
  birthYearOther: -7,
  hometown: 4,
  hometownOther: -3,
  unit: 5,
  unitOther: -5,
  place: 4,
};

/** The folded, stemmed terms of a name (any script, any order, any case ending). */
export function nameTerms(name: string): string[] {
  return termsOf(name).map((t) => t.term);
}

/** Folded key of a place name or hometown. */
export function placeKey(name: string): string {
  return nameTerms(name).join(' ');
}

/** Words that say what kind of settlement follows ("г. Тула", "пос. Зайцево"), folded. */
const SETTLEMENT_WORDS = new Set(
  nameTerms(
    'г гор город пос посёлок поселок п пгт рп с село д дер деревня ст станица х хутор аул кишлак мкр м смт city town village',
  ),
);

/** Folded key of a hometown without the kind of settlement: "г. Тула", "Тула" and "Tula" are one. */
export function townKey(name: string): string {
  const terms = nameTerms(name);
  const bare = terms.filter((t) => !SETTLEMENT_WORDS.has(t));
  return (bare.length ? bare : terms).join(' ');
}

/**
 * Key of a military unit: its number when it has one ("в/ч 16545", "войсковая часть 16545",
 * "military unit 16545" and "ВЧ-16545" are all 16545), else its folded name.
 */
export function unitKey(name: string): string {
  const number = /\d{3,6}/.exec(name);
  return number ? number[0] : placeKey(name);
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

interface NameMatch {
  weight: number;
  code: string;
  detail: string;
  /** No part differs and at least two agree (or the one a one-word name has). */
  agrees: boolean;
}

const bitsOf = (term: string, frequencies: NameFrequencies) =>
  Math.min(MAX_PART_BITS, Math.log2(0.95 / frequencies.share(term)));

/**
 * How well two name variants match, as one weighted reason (or none when no part agrees). A part
 * agreeing weighs by how rare it is; a part present on both sides that differs counts against (a
 * father's name against a father's name, another name against another name); a part only one side
 * has (a missing patronymic) counts for nothing.
 */
export function compareNames(
  a: string[],
  b: string[],
  frequencies: NameFrequencies = SHIPPED_FREQUENCIES,
): NameMatch | undefined {
  const rest = [...b];
  let bits = 0;
  let agreed = 0;
  let spelled = 0;
  const left: string[] = [];
  for (const t of a) {
    const at = rest.indexOf(t);
    if (at >= 0) {
      bits += bitsOf(t, frequencies);
      agreed++;
      rest.splice(at, 1);
    } else left.push(t);
  }
  const unmatched: string[] = [];
  for (const t of left) {
    const at = rest.findIndex((u) => t.length >= 4 && u.length >= 4 && withinOneEdit(t, u));
    const initial = rest.findIndex(
      (u) => (t.length === 1 && u.startsWith(t)) || (u.length === 1 && t.startsWith(u)),
    );
    if (at >= 0) {
      bits += Math.min(bitsOf(t, frequencies), bitsOf(rest[at], frequencies)) - SPELLING_DISCOUNT;
      spelled++;
      rest.splice(at, 1);
    } else if (initial >= 0) {
      bits += INITIAL_BITS;
      spelled++;
      rest.splice(initial, 1);
    } else unmatched.push(t);
  }
  if (agreed === 0) return undefined;
  let conflicts = 0;
  for (const t of unmatched) {
    const father = partOf(t) === 'patronymic';
    const at = rest.findIndex((u) => (partOf(u) === 'patronymic') === father);
    if (at < 0) continue;
    conflicts++;
    rest.splice(at, 1);
  }
  bits -= conflicts * PART_CONFLICT;
  const weight = Math.round(Math.min(MAX_NAME_BITS, bits) * 10) / 10;
  const shorter = Math.min(a.length, b.length);
  if (conflicts > 0)
    return {
      weight,
      code: 'name_partial',
      detail: `${agreed + spelled} name parts agree, ${conflicts} differ (another name or another father)`,
      agrees: false,
    };
  const agrees = agreed + spelled >= Math.min(2, shorter);
  if (spelled > 0)
    return {
      weight,
      code: 'name',
      detail: 'name matches but for a spelling difference or an initial',
      agrees,
    };
  if (!agrees) return { weight, code: 'name_partial', detail: 'one name part matches', agrees };
  return {
    weight,
    code: 'name',
    detail:
      agreed < Math.max(a.length, b.length)
        ? 'the name parts both give agree (a part only one gives is unknown, not a difference)'
        : 'every name part matches across scripts and inflection',
    agrees,
  };
}

/** The best agreement between any variant of one name and any of the other's. */
export function bestNameMatch(
  a: string[][],
  b: string[][],
  frequencies: NameFrequencies = SHIPPED_FREQUENCIES,
): NameMatch | undefined {
  let best: NameMatch | undefined;
  for (const x of a)
    for (const y of b) {
      const m = compareNames(x, y, frequencies);
      if (m && (!best || m.weight > best.weight)) best = m;
    }
  return best;
}

function birthReason(a: PersonFeatures, b: PersonFeatures): MatchReason | undefined {
  if (a.birthDate !== undefined && b.birthDate !== undefined) {
    if (a.birthDate === b.birthDate)
      return {
        code: 'birth_date',
        weight: EVIDENCE.birthDate,
        detail: `same date of birth (${a.birthDate})`,
      };
    // Both known to the day: another day is another man of that name, a typo aside.
    return a.birthDate.slice(0, 4) === b.birthDate.slice(0, 4)
      ? { code: 'birth_date_conflict', weight: EVIDENCE.birthDateOtherDay, detail: 'dates of birth differ' }
      : { code: 'birth_date_conflict', weight: EVIDENCE.birthDateOther, detail: 'dates of birth differ' };
  }
  if (a.birthYear === undefined || b.birthYear === undefined) return undefined;
  const diff = Math.abs(a.birthYear - b.birthYear);
  const approx = a.birthYearApprox || b.birthYearApprox;
  if (diff === 0)
    return {
      code: 'birth_year',
      weight: approx ? EVIDENCE.birthYearFromAge : EVIDENCE.birthYear,
      detail: `same birth year (${a.birthYear})`,
    };
  if (diff === 1 && approx)
    return {
      code: 'birth_year',
      weight: EVIDENCE.birthYearNearAge,
      detail: 'birth year consistent with the age given',
    };
  return { code: 'birth_year_conflict', weight: EVIDENCE.birthYearOther, detail: 'birth years differ' };
}

/**
 * Probability (0–1) that two persons are one, with the evidence for and against as reasons
 * (weights in bits). Name parts weigh by how common they are in `frequencies`.
 */
export function scorePersons(
  a: PersonFeatures,
  b: PersonFeatures,
  frequencies: NameFrequencies = SHIPPED_FREQUENCIES,
): { score: number; reasons: MatchReason[] } {
  const name = bestNameMatch(a.names, b.names, frequencies);
  if (!name) return { score: 0, reasons: [] };
  const reasons: MatchReason[] = [{ code: name.code, weight: name.weight, detail: name.detail }];
  const birth = birthReason(a, b);
  if (birth) reasons.push(birth);
  if (a.hometown && b.hometown) {
    if (a.hometown === b.hometown)
      reasons.push({ code: 'hometown', weight: EVIDENCE.hometown, detail: 'same hometown' });
    else
      reasons.push({ code: 'hometown_conflict', weight: EVIDENCE.hometownOther, detail: 'hometowns differ' });
  }
  if (a.unit && b.unit) {
    if (a.unit === b.unit)
      reasons.push({ code: 'unit', weight: EVIDENCE.unit, detail: 'same military unit' });
    else reasons.push({ code: 'unit_conflict', weight: EVIDENCE.unitOther, detail: 'military units differ' });
  }
  if (a.places?.length && b.places?.some((p) => a.places?.includes(p)))
    reasons.push({
      code: 'co_occurring_place',
      weight: EVIDENCE.place,
      detail: 'linked to the same detention site',
    });
  const bits = PRIOR_BITS + reasons.reduce((sum, r) => sum + r.weight, 0);
  return { score: Math.round(1000 / (1 + 2 ** -bits)) / 1000, reasons };
}

/** Whether two persons' names agree: every part both give the same, as the within-file check needs. */
export function namesAgree(a: PersonFeatures, b: PersonFeatures, frequencies?: NameFrequencies): boolean {
  return bestNameMatch(a.names, b.names, frequencies)?.agrees ?? false;
}

/** A match score from its reasons: their weights summed, held to 0–1, to two decimals. */
export function scoreOfReasons(reasons: MatchReason[]): number {
  const total = reasons.reduce((sum, r) => sum + r.weight, 0);
  return Math.round(Math.min(1, Math.max(0, total)) * 100) / 100;
}
