import type { MatchReason } from '../../domain/schemas/draft.js';
import { termsOf } from '../../domain/text/terms.js';

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
  hometown?: string;
  unit?: string;
  /** Keys of places the person is linked to (gazetteer ids or folded names). */
  places?: string[];
}

/** Score from which Vigil suggests that an extracted person is an existing one. */
export const PERSON_MATCH_THRESHOLD = 0.7;
/** Candidates below this are not shown. */
export const PERSON_CANDIDATE_FLOOR = 0.3;

/** The folded, stemmed terms of a name (any script, any order, any case ending). */
export function nameTerms(name: string): string[] {
  return termsOf(name).map((t) => t.term);
}

/** Folded key of a place name or hometown. */
export function placeKey(name: string): string {
  return nameTerms(name).join(' ');
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
}

/** How well two name variants match, as one weighted reason (or none). */
export function compareNames(a: string[], b: string[]): NameMatch | undefined {
  const rest = [...b];
  let exact = 0;
  const left: string[] = [];
  for (const t of a) {
    const at = rest.indexOf(t);
    if (at >= 0) {
      exact++;
      rest.splice(at, 1);
    } else left.push(t);
  }
  let near = 0;
  for (const t of left) {
    const at = rest.findIndex(
      (u) =>
        (t.length >= 4 && u.length >= 4 && withinOneEdit(t, u)) ||
        (t.length === 1 && u.startsWith(t)) ||
        (u.length === 1 && t.startsWith(u)),
    );
    if (at >= 0) {
      near++;
      rest.splice(at, 1);
    }
  }
  const shorter = Math.min(a.length, b.length);
  // A part left over on both sides is a part that differs: another patronymic is another father.
  const differs = left.length - near > 0 && rest.length > 0;
  if (exact >= 2 && differs)
    return { weight: 0.3, code: 'name_partial', detail: 'two name parts match, another differs' };
  if (exact >= 2)
    return { weight: 0.6, code: 'name', detail: 'every name part matches across scripts and inflection' };
  if (exact === 1 && near >= 1)
    return { weight: 0.5, code: 'name', detail: 'name matches but for a spelling difference or an initial' };
  if (exact === 1 && shorter === 1)
    return { weight: 0.35, code: 'name_partial', detail: 'a one-word name matches' };
  if (exact === 1)
    return { weight: 0.15, code: 'name_partial', detail: 'one name part matches, another differs' };
  return undefined;
}

/** Score (0–1) and reasons for two persons being one. */
export function scorePersons(
  a: PersonFeatures,
  b: PersonFeatures,
): { score: number; reasons: MatchReason[] } {
  let best: NameMatch | undefined;
  for (const x of a.names) {
    for (const y of b.names) {
      const m = compareNames(x, y);
      if (m && (!best || m.weight > best.weight)) best = m;
    }
  }
  if (!best) return { score: 0, reasons: [] };
  const reasons: MatchReason[] = [{ code: best.code, weight: best.weight, detail: best.detail }];
  if (a.birthDate !== undefined && b.birthDate !== undefined) {
    // Both known to the day: a different day is another man of that name (a typo aside).
    if (a.birthDate === b.birthDate)
      reasons.push({ code: 'birth_date', weight: 0.3, detail: `same date of birth (${a.birthDate})` });
    else reasons.push({ code: 'birth_date_conflict', weight: -0.5, detail: 'dates of birth differ' });
  } else if (a.birthYear !== undefined && b.birthYear !== undefined) {
    const diff = Math.abs(a.birthYear - b.birthYear);
    const approx = a.birthYearApprox || b.birthYearApprox;
    if (diff === 0)
      reasons.push({
        code: 'birth_year',
        weight: approx ? 0.15 : 0.25,
        detail: `same birth year (${a.birthYear})`,
      });
    else if (diff === 1 && approx)
      reasons.push({ code: 'birth_year', weight: 0.1, detail: 'birth year consistent with the age given' });
    else reasons.push({ code: 'birth_year_conflict', weight: -0.5, detail: 'birth years differ' });
  }
  if (a.hometown && b.hometown) {
    if (a.hometown === b.hometown) reasons.push({ code: 'hometown', weight: 0.1, detail: 'same hometown' });
    else reasons.push({ code: 'hometown_conflict', weight: -0.2, detail: 'hometowns differ' });
  }
  if (a.unit && b.unit && a.unit === b.unit)
    reasons.push({ code: 'unit', weight: 0.1, detail: 'same military unit' });
  if (a.places?.length && b.places?.some((p) => a.places?.includes(p)))
    reasons.push({ code: 'co_occurring_place', weight: 0.1, detail: 'linked to the same detention site' });
  return { score: scoreOfReasons(reasons), reasons };
}

/** A match score from its reasons: their weights summed, held to 0–1, to two decimals. */
export function scoreOfReasons(reasons: MatchReason[]): number {
  const total = reasons.reduce((sum, r) => sum + r.weight, 0);
  return Math.round(Math.min(1, Math.max(0, total)) * 100) / 100;
}
