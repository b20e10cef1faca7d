import type { CollectionName, StoredRecord } from '../../domain/collections.js';
import type { Candidate, DraftItem, MatchReason } from '../../domain/schemas/draft.js';
import { queryTerms } from '../../domain/text/terms.js';
import { searchCandidates } from '../../store/search-index.js';
import type { AppContext } from '../context.js';
import {
  nameTerms,
  PERSON_CANDIDATE_FLOOR,
  type PersonFeatures,
  placeKey,
  scoreOfReasons,
  scorePersons,
  townKey,
  unitKey,
} from './person-similarity.js';

const MAX_CANDIDATES = 5;

/** What the rest of the draft says, which helps to tell who is who. */
export interface DraftContext {
  /** Year the source was published, to turn an age into a birth year. */
  publishedYear?: number;
  /** Keys of the draft's detention sites (gazetteer ids and folded names). */
  placeKeys: string[];
}

/**
 * Blocking through the search index: records holding every term of the name, plus records
 * holding its rarer single terms (a surname with another first name or a patronymic).
 */
async function blockedIds(ctx: AppContext, collection: CollectionName, name: string): Promise<string[]> {
  const terms = queryTerms(name);
  if (terms.length === 0) return [];
  const db = ctx.store.handle.db;
  const engine = ctx.store.engine;
  const ids = new Set(
    (await searchCandidates(db, engine, terms, { collections: [collection], limit: 50 })).map(
      (c) => c.recordId,
    ),
  );
  if (terms.length > 1)
    for (const term of terms.filter((t) => t.length >= 4))
      for (const c of await searchCandidates(db, engine, [term], { collections: [collection], limit: 20 }))
        ids.add(c.recordId);
  return [...ids];
}

function yearOf(date: unknown): number | undefined {
  return typeof date === 'string' && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
}

function itemValue(item: DraftItem): Record<string, unknown> {
  return { ...item.proposed, ...(item.value ?? {}) };
}

/** Features of an extracted (or edited) person item. */
export function itemPersonFeatures(item: DraftItem, context: DraftContext): PersonFeatures {
  const v = itemValue(item);
  const birthYear = yearOf(v.birthYear ?? v.birthDate);
  const age = typeof v.age === 'number' ? v.age : undefined;
  const features: PersonFeatures = { names: [nameTerms(String(v.name ?? ''))], places: context.placeKeys };
  if (birthYear !== undefined) features.birthYear = birthYear;
  else if (age !== undefined && context.publishedYear) {
    features.birthYear = context.publishedYear - age;
    features.birthYearApprox = true;
  }
  if (typeof v.hometown === 'string') features.hometown = townKey(v.hometown);
  if (typeof v.unit === 'string') features.unit = unitKey(v.unit);
  return features;
}

/** Features of a stored person, with the places of the cases it is involved in. */
export async function recordPersonFeatures(ctx: AppContext, person: StoredRecord): Promise<PersonFeatures> {
  return (await recordPersonFeaturesMany(ctx, [person])).get(person.id) as PersonFeatures;
}

/**
 * Features of many stored persons at once, with the places of the cases each is involved in and
 * birth years implied by ages, in a few batched queries rather than a few per person.
 */
export async function recordPersonFeaturesMany(
  ctx: AppContext,
  persons: StoredRecord[],
): Promise<Map<string, PersonFeatures>> {
  const places = await placesOfPersons(
    ctx,
    persons.map((p) => p.id),
  );
  const ages = await birthYearsFromAges(
    ctx,
    persons.filter((p) => yearOf(p.birthDate) === undefined).map((p) => p.id),
  );
  const out = new Map<string, PersonFeatures>();
  for (const person of persons) {
    const names = (person.names as Array<{ value: string }>).map((n) => nameTerms(n.value));
    const features: PersonFeatures = { names, places: places.get(person.id) ?? [] };
    const year = yearOf(person.birthDate);
    if (typeof person.birthDate === 'string' && person.birthDate.length === 10)
      features.birthDate = person.birthDate;
    if (year !== undefined) features.birthYear = year;
    else if (ages.has(person.id)) {
      features.birthYear = ages.get(person.id);
      features.birthYearApprox = true;
    }
    if (typeof person.hometown === 'string') features.hometown = townKey(person.hometown);
    if (typeof person.unit === 'string') features.unit = unitKey(person.unit);
    out.set(person.id, features);
  }
  return out;
}

/** Birth years implied by an age a source gives, counted from the source's publication year. */
async function birthYearsFromAges(ctx: AppContext, personIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (personIds.length === 0) return out;
  const claims = await ctx.store.listWhereIn('claims', 'subjectId', personIds, {
    subjectType: 'person',
    field: 'age',
  });
  const sources = new Map(
    (await ctx.store.getMany('sources', [...new Set(claims.map((c) => String(c.sourceId)))])).map((s) => [
      s.id,
      s,
    ]),
  );
  for (const claim of claims) {
    const subject = String(claim.subjectId);
    if (out.has(subject) || typeof claim.value !== 'number') continue;
    const year = yearOf(sources.get(String(claim.sourceId))?.published);
    if (year !== undefined) out.set(subject, year - claim.value);
  }
  return out;
}

/** Keys of the places of the cases each person is involved in (through the cases' acts). */
async function placesOfPersons(ctx: AppContext, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const links = await ctx.store.listWhereIn('involvements', 'personId', personIds);
  const caseIds = [...new Set(links.map((l) => String(l.caseId)))];
  const acts = caseIds.length ? await ctx.store.listWhereIn('acts', 'caseId', caseIds) : [];
  const placeIds = [...new Set(acts.map((a) => a.placeId).filter((p): p is string => typeof p === 'string'))];
  const placeKeys = new Map((await ctx.store.getMany('places', placeIds)).map((p) => [p.id, placeKeysOf(p)]));
  const keysOfCase = new Map<string, Set<string>>();
  for (const act of acts) {
    const keys = keysOfCase.get(String(act.caseId)) ?? new Set<string>();
    for (const k of placeKeys.get(String(act.placeId)) ?? []) keys.add(k);
    keysOfCase.set(String(act.caseId), keys);
  }
  for (const link of links) {
    const keys = new Set(out.get(String(link.personId)) ?? []);
    for (const k of keysOfCase.get(String(link.caseId)) ?? []) keys.add(k);
    out.set(String(link.personId), [...keys]);
  }
  return out;
}

/** Keys a place is known by: its gazetteer id and its folded names. */
export function placeKeysOf(place: Record<string, unknown>): string[] {
  const keys: string[] = [];
  if (typeof place.gazetteerId === 'string' && place.gazetteerId) keys.push(`gaz:${place.gazetteerId}`);
  for (const name of [place.name, place.canonical, ...((place.otherNames as unknown[]) ?? [])])
    if (typeof name === 'string' && name) keys.push(placeKey(name));
  return keys.filter((k) => k !== '');
}

function top(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, MAX_CANDIDATES);
}

/** Existing persons that may be the person of this item, best first, with reasons. */
export async function personCandidates(
  ctx: AppContext,
  item: DraftItem,
  context: DraftContext,
): Promise<Candidate[]> {
  const features = itemPersonFeatures(item, context);
  const name = String(itemValue(item).name ?? '');
  const out: Candidate[] = [];
  for (const person of await ctx.store.getMany('persons', await blockedIds(ctx, 'persons', name))) {
    const { score, reasons } = scorePersons(features, await recordPersonFeatures(ctx, person));
    if (score >= PERSON_CANDIDATE_FLOOR)
      out.push({
        id: person.id,
        label: String((person.names as Array<{ value: string }>)[0]?.value ?? ''),
        score,
        reasons,
      });
  }
  return top(out);
}

/** Existing places that may be this detention site: same gazetteer entry, or same name and region. */
export function placeCandidates(ctx: AppContext, item: DraftItem): Promise<Candidate[]> {
  return placeCandidatesFor(ctx, itemValue(item));
}

/** Existing places that may be the place described (name, canonical name, gazetteer id, region). */
export async function placeCandidatesFor(ctx: AppContext, v: Record<string, unknown>): Promise<Candidate[]> {
  const ids = new Set<string>();
  if (typeof v.gazetteerId === 'string' && v.gazetteerId)
    for (const p of await ctx.store.list('places', { filters: { gazetteerId: v.gazetteerId }, limit: 10 }))
      ids.add(p.id);
  for (const name of [v.name, v.canonical])
    if (typeof name === 'string' && name) for (const id of await blockedIds(ctx, 'places', name)) ids.add(id);
  const itemKeys = new Set(placeKeysOf(v));
  const out: Candidate[] = [];
  for (const place of await ctx.store.getMany('places', [...ids])) {
    const reasons: MatchReason[] = [];
    if (v.gazetteerId && place.gazetteerId === v.gazetteerId)
      reasons.push({ code: 'gazetteer_id', weight: 0.9, detail: 'same gazetteer entry' });
    else if (placeKeysOf(place).some((k) => itemKeys.has(k)))
      reasons.push({ code: 'name', weight: 0.6, detail: 'same name across scripts and inflection' });
    else continue;
    if (v.region && place.region) {
      if (v.region === place.region) reasons.push({ code: 'region', weight: 0.1, detail: 'same region' });
      else reasons.push({ code: 'region_conflict', weight: -0.4, detail: 'regions differ' });
    }
    out.push({ id: place.id, label: String(place.name), score: scoreOfReasons(reasons), reasons });
  }
  return top(out);
}

/** Existing organizations with the same name (any script, any case ending). */
export function organizationCandidates(ctx: AppContext, item: DraftItem): Promise<Candidate[]> {
  return organizationCandidatesFor(ctx, itemValue(item));
}

/** Existing organizations with the name of the one described (`name`, `kind`). */
export async function organizationCandidatesFor(
  ctx: AppContext,
  v: Record<string, unknown>,
): Promise<Candidate[]> {
  const key = placeKey(String(v.name ?? ''));
  const out: Candidate[] = [];
  for (const org of await ctx.store.getMany(
    'organizations',
    await blockedIds(ctx, 'organizations', String(v.name ?? '')),
  )) {
    const names = [org.name, ...((org.otherNames as unknown[]) ?? [])].filter(
      (n): n is string => typeof n === 'string',
    );
    const reasons: MatchReason[] = [];
    if (names.some((n) => placeKey(n) === key))
      reasons.push({ code: 'name', weight: 0.8, detail: 'same name' });
    else reasons.push({ code: 'name_partial', weight: 0.4, detail: 'the name holds every word of this one' });
    const kind = v.kind === 'military' ? 'military_unit' : v.kind;
    if (org.kind === kind || org.kind === v.kind)
      reasons.push({ code: 'kind', weight: 0.1, detail: 'same kind' });
    out.push({ id: org.id, label: String(org.name), score: scoreOfReasons(reasons), reasons });
  }
  return top(out);
}
