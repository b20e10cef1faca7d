import {
  COLLECTIONS,
  type CollectionName,
  referencesOf,
  type StoredRecord,
} from '../../../domain/collections.js';
import type { IsoDate } from '../../../domain/deadlines/iso-date.js';
import { invalid, notFound } from '../../../domain/errors.js';
import { partialDateBounds } from '../../../domain/partial-date.js';
import { datesOf, FACETED_COLLECTIONS, isDated } from '../../../domain/search-facets.js';
import { queryTerms } from '../../../domain/text/terms.js';
import { assertValid } from '../../../domain/validate.js';
import { caseLinksOf } from '../../../store/case-links.js';
import { type MatchedRecord, matchRecords } from '../../../store/facet-query.js';
import { searchCandidates } from '../../../store/search-index.js';
import type { AppContext } from '../../context.js';
import type { AccessScope } from '../../policies/access-scope.js';
import { presentRecords, type SensitiveFields } from '../../presenters/record-presenter.js';
import { RESTORE_ORDER } from '../export-format.js';
import { ExportFilters, SEARCHED } from './export-filters.js';

const PAGE = 1000;
const FACETED: readonly CollectionName[] = FACETED_COLLECTIONS;
/** A search export holds at most this many best matches, as the engines rank them. */
export const SEARCH_EXPORT_LIMIT = 10_000;

/** What an export holds, written into it so a reader of the file knows. */
export interface SelectionInfo {
  /** True when nothing was filtered and the reader sees every record. */
  complete: boolean;
  /** The role whose view this is ("operator" for the command line). */
  reader: string;
  filters: ExportFilters;
  /** The search matched more records than an export holds; only the best are in. */
  truncated: boolean;
}

/**
 * The records one reader may see that match the filters, read page by page and already passed
 * through the record presenter, so every export format gets the same redaction. Presenters ask
 * `contains` before writing a link, so no export points to a record it does not hold.
 */
export class Selection {
  private readonly range: { from?: IsoDate; to?: IsoDate };

  private constructor(
    private readonly ctx: AppContext,
    readonly scope: AccessScope,
    readonly filters: ExportFilters,
    readonly sensitiveFields: SensitiveFields,
    readonly collections: CollectionName[],
    private readonly found: Map<CollectionName, Set<string>> | undefined,
    private readonly truncated: boolean,
  ) {
    this.range = rangeOf(filters);
  }

  /** Checks the filters and runs the search, if any; an unknown or hidden case is not found. */
  static async of(
    ctx: AppContext,
    scope: AccessScope,
    raw: unknown,
    sensitiveFields: SensitiveFields = 'by-role',
  ): Promise<Selection> {
    const filters = assertValid<ExportFilters>(ExportFilters, raw ?? {}, 'filters');
    const range = rangeOf(filters);
    if (range.from && range.to && range.from > range.to)
      throw invalid('the date range ends before it starts', [
        { path: '/filters/to', message: 'is before from' },
      ]);
    if (filters.caseId) {
      // Those who see everything see unknown ids too: existence is checked on its own.
      if (!(await ctx.store.get('cases', filters.caseId))) throw notFound('case');
      await scope.assertVisible('cases', filters.caseId);
    }
    const types = filters.types ?? RESTORE_ORDER;
    let collections = RESTORE_ORDER.filter((c) => types.includes(c));
    let found: Map<CollectionName, Set<string>> | undefined;
    let truncated = false;
    const facets = { region: filters.region, act: filters.act, status: filters.status };
    const faceted = Boolean(facets.region || facets.act || facets.status);
    if (filters.q || faceted) {
      // As in the search: words reach the searched collections, facets those that carry facets.
      if (filters.q) collections = collections.filter((c) => SEARCHED.includes(c));
      if (faceted) collections = collections.filter((c) => FACETED.includes(c));
      const terms = filters.q ? queryTerms(filters.q) : [];
      let hits: MatchedRecord[] = [];
      // A query of punctuation only has no words: it finds nothing (it must not browse).
      if (collections.length && (!filters.q || terms.length)) {
        const db = ctx.store.handle.db;
        const limit = SEARCH_EXPORT_LIMIT;
        hits = faceted
          ? await matchRecords(db, ctx.store.engine, { terms, collections, filters: facets, limit })
          : await searchCandidates(db, ctx.store.engine, terms, { collections, limit });
      }
      truncated = hits.length >= SEARCH_EXPORT_LIMIT;
      found = new Map(collections.map((c) => [c, new Set<string>()]));
      for (const hit of hits) found.get(hit.collection)?.add(hit.recordId);
    }
    return new Selection(ctx, scope, filters, sensitiveFields, collections, found, truncated);
  }

  /** The same reader and redaction with other filters (a presenter's view of related records). */
  derive(change: Partial<ExportFilters>): Promise<Selection> {
    const merged = Object.fromEntries(
      Object.entries({ ...this.filters, ...change }).filter(([, v]) => v !== undefined),
    );
    return Selection.of(this.ctx, this.scope, merged, this.sensitiveFields);
  }

  /** No filter leaves out records of the collections it holds (types choose collections only). */
  private get keepsEveryRecord(): boolean {
    const f = this.filters;
    return !f.q && !f.region && !f.act && !f.status && !f.caseId && !f.from && !f.to && !f.where;
  }

  info(): SelectionInfo {
    return {
      complete: this.keepsEveryRecord && !this.filters.types && this.scope.seesAll,
      reader: this.scope.principal?.role ?? 'operator',
      filters: this.filters,
      truncated: this.truncated,
    };
  }

  /** The selected records of one collection, in id order, a page at a time, as presented. */
  async *pages(collection: CollectionName): AsyncGenerator<StoredRecord[]> {
    if (!this.collections.includes(collection)) return;
    const found = this.found?.get(collection);
    if (found) {
      const ids = [...found].sort();
      for (let i = 0; i < ids.length; i += PAGE) {
        const page = await this.ctx.store.getMany(collection, ids.slice(i, i + PAGE));
        const kept = await this.keep(
          collection,
          page.sort((a, b) => (a.id < b.id ? -1 : 1)),
        );
        if (kept.length) yield this.present(collection, kept);
      }
      return;
    }
    let after: string | undefined;
    for (;;) {
      const filters = this.filters.where?.[collection];
      const page = await this.ctx.store.list(collection, { filters, limit: PAGE, after });
      const kept = await this.keep(collection, page);
      if (kept.length) yield this.present(collection, kept);
      if (page.length < PAGE) return;
      after = page[page.length - 1].id;
    }
  }

  /** Which of these ids of a collection the selection holds. */
  async contains(collection: CollectionName, ids: Iterable<string>): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (!this.collections.includes(collection) || unique.length === 0) return new Set();
    // References always point to existing records: with nothing filtered out there is nothing to check.
    if (this.keepsEveryRecord && this.scope.seesAll) return new Set(unique);
    const out = new Set<string>();
    for (let i = 0; i < unique.length; i += PAGE) {
      const records = await this.ctx.store.getMany(collection, unique.slice(i, i + PAGE));
      for (const r of await this.keep(collection, records)) out.add(r.id);
    }
    return out;
  }

  private present(collection: CollectionName, records: StoredRecord[]): Promise<StoredRecord[]> {
    return presentRecords(this.ctx, this.scope, collection, records, this.sensitiveFields);
  }

  private async keep(collection: CollectionName, records: StoredRecord[]): Promise<StoredRecord[]> {
    const where = Object.entries(this.filters.where?.[collection] ?? {});
    const found = this.found?.get(collection);
    const kept = records.filter(
      (r) =>
        where.every(([field, value]) => r[field] !== undefined && String(r[field]) === value) &&
        this.inRange(collection, r) &&
        (!found || found.has(r.id)),
    );
    const visible = await this.scope.visibleOnly(collection, kept);
    const caseId = this.filters.caseId;
    if (!caseId || visible.length === 0) return visible;
    if (collection === 'cases') return visible.filter((r) => r.id === caseId);
    const links = await caseLinksOf(
      this.ctx.store.handle.db,
      collection,
      visible.map((r) => r.id),
    );
    return visible.filter((r) => links.get(r.id)?.has(caseId));
  }

  /** Do a record's dates overlap the range, as the search reads them? Undated collections always do. */
  private inRange(collection: CollectionName, r: StoredRecord): boolean {
    const { from, to } = this.range;
    if ((!from && !to) || !isDated(collection)) return true;
    return datesOf(collection, r).some((d) => (!to || d.from <= to) && (!from || d.to >= from));
  }
}

/** The filters' date range as days: from the first day `from` may mean to the last of `to`. */
function rangeOf(filters: ExportFilters): { from?: IsoDate; to?: IsoDate } {
  return {
    from: filters.from ? partialDateBounds(filters.from)?.from : undefined,
    to: filters.to ? partialDateBounds(filters.to)?.to : undefined,
  };
}

/** The ids each collection is referred to by these records (for presenters that write links). */
export function referencedIds(
  collection: CollectionName,
  records: StoredRecord[],
): Map<CollectionName, Set<string>> {
  const out = new Map<CollectionName, Set<string>>();
  for (const r of records) {
    for (const ref of referencesOf(COLLECTIONS[collection], r)) {
      const set = out.get(ref.collection) ?? new Set<string>();
      set.add(ref.id);
      out.set(ref.collection, set);
    }
  }
  return out;
}
