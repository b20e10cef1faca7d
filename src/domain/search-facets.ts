import { STORED_APPEAL_STATUSES } from './appeals/appeal-status.js';
import type { CollectionName } from './collections.js';
import type { IsoDate } from './deadlines/iso-date.js';
import { partialDateBounds, periodBounds } from './partial-date.js';
import { ACT_STATUSES, CASE_STATUSES, PERSON_STATUSES } from './record-vocabularies.js';

/** Facets a search can be narrowed by and counted over, besides the record type and a date range. */
/** Collections a query's words are looked for in (those with text in the search index). */
export const TEXT_SEARCHED: CollectionName[] = ['cases', 'persons', 'organizations', 'places', 'sources'];
/** Collections browsing by filters alone can find: acts and appeals have facets but no text. */
export const BROWSED: CollectionName[] = [...TEXT_SEARCHED, 'acts', 'interventions'];

export const FACET_NAMES = ['region', 'act', 'status'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** Collections whose records carry facets (organizations carry none). */
export const FACETED_COLLECTIONS = [
  'cases',
  'persons',
  'places',
  'sources',
  'acts',
  'interventions',
] as const satisfies readonly CollectionName[];
export type FacetedCollection = (typeof FACETED_COLLECTIONS)[number];

/** What a record's facets draw from records linked to it. */
export interface LinkedFacts {
  /** Regions of the places the record names itself (a person's hometown and status-history places, an act's place). */
  placeRegions: string[];
  /** The acts linked to the record (a case's acts, a person's acts as victim, the acts at a place). */
  acts: Array<{ type: string; region?: string }>;
}

export interface RecordFacets {
  values: Array<{ facet: FacetName; value: string }>;
  /** Day ranges the record's dates cover (a partial date covers every day it may mean). */
  dates: Array<{ from: IsoDate; to: IsoDate }>;
}

/** A status facet value names its collection: a person's "refused" is not an appeal's. */
export function statusValue(collection: CollectionName, status: string): string {
  return `${collection}:${status}`;
}

/** Every status facet value there can be. */
export const STATUS_FACET_VALUES: string[] = [
  ...CASE_STATUSES.map((s) => statusValue('cases', s)),
  ...PERSON_STATUSES.map((s) => statusValue('persons', s)),
  ...ACT_STATUSES.map((s) => statusValue('acts', s)),
  ...STORED_APPEAL_STATUSES.map((s) => statusValue('interventions', s)),
];

/**
 * A person's latest status: the last entry of the history, which is kept in the order things
 * happened (as letters read it too).
 */
export function latestStatus(history: unknown): string | undefined {
  if (!Array.isArray(history) || history.length === 0) return undefined;
  const last = history[history.length - 1] as { status?: unknown };
  return typeof last.status === 'string' ? last.status : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The facets of one record. Region: a place's own region; an act's place's; a person's hometown,
 * the places of their status history and the places of acts against them; a case's act places. Act type: an act's own type; the
 * types of a case's acts, of the acts against a person, of the acts at a place. Status: a case's,
 * an act's, an appeal's stored status (overdue is derived, not stored), a person's latest status.
 * Dates: see `datesOf`.
 */
export function facetsOf(
  collection: FacetedCollection,
  record: Record<string, unknown>,
  linked: LinkedFacts,
): RecordFacets {
  const values = new Map<string, { facet: FacetName; value: string }>();
  const add = (facet: FacetName, raw: string | undefined) => {
    const value = str(raw);
    if (value) values.set(`${facet}\u0000${value}`, { facet, value });
  };
  const status = str(record.status);
  const linkedActs = () => {
    for (const act of linked.acts) {
      add('act', act.type);
      add('region', act.region);
    }
  };
  switch (collection) {
    case 'cases':
      add('status', status && statusValue('cases', status));
      linkedActs();
      break;
    case 'persons': {
      const latest = latestStatus(record.statusHistory);
      add('status', latest && statusValue('persons', latest));
      for (const region of linked.placeRegions) add('region', region);
      linkedActs();
      break;
    }
    case 'places':
      add('region', str(record.region));
      for (const act of linked.acts) add('act', act.type);
      break;
    case 'acts':
      add('act', str(record.type));
      add('status', status && statusValue('acts', status));
      for (const region of linked.placeRegions) add('region', region);
      break;
    case 'interventions':
      add('status', status && statusValue('interventions', status));
      break;
  }
  return { values: [...values.values()], dates: datesOf(collection, record) };
}

/** The collections whose records may carry dates; the others are never narrowed by a date range. */
export const DATED_COLLECTIONS = [
  'cases',
  'persons',
  'acts',
  'interventions',
  'sources',
] as const satisfies readonly FacetedCollection[];
type DatedCollection = (typeof DATED_COLLECTIONS)[number];

export const isDated = (collection: CollectionName): collection is DatedCollection =>
  (DATED_COLLECTIONS as readonly string[]).includes(collection);

/**
 * The day ranges a record's dates cover, as search and exports read them: a case's period, an
 * act's dates, a source's publication, an appeal's sending, each dated entry of a person's status
 * history.
 */
export function datesOf(collection: CollectionName, record: Record<string, unknown>): RecordFacets['dates'] {
  const dates: RecordFacets['dates'] = [];
  const add = (range: { from: IsoDate; to: IsoDate } | undefined) => {
    if (range && !dates.some((d) => d.from === range.from && d.to === range.to)) dates.push(range);
  };
  switch (collection) {
    case 'cases':
      add(periodBounds(record.periodStart, record.periodEnd));
      break;
    case 'persons':
      for (const entry of Array.isArray(record.statusHistory) ? record.statusHistory : [])
        add(partialDateBounds((entry as { date?: unknown }).date));
      break;
    case 'acts':
      add(periodBounds(record.dateFrom, record.dateTo));
      break;
    case 'interventions':
      // An appeal known only from the recipient's register is dated by its registration.
      add(partialDateBounds(record.sentOn ?? record.registeredOn));
      break;
    case 'sources':
      add(partialDateBounds(record.published));
      break;
  }
  return dates;
}
