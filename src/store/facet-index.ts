import type { Kysely, Transaction } from 'kysely';
import type { CollectionName, StoredRecord } from '../domain/collections.js';
import {
  FACETED_COLLECTIONS,
  type FacetedCollection,
  facetsOf,
  type LinkedFacts,
} from '../domain/search-facets.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
type Doc = Record<string, unknown> & { id: string };

const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

function isFaceted(collection: CollectionName): collection is FacetedCollection {
  return (FACETED_COLLECTIONS as readonly string[]).includes(collection);
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

async function regionsOf(db: Db, placeIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(placeIds)])) {
    const rows = await db.selectFrom('places').select(['id', 'region']).where('id', 'in', part).execute();
    for (const r of rows) if (typeof r.region === 'string') out.set(r.id, r.region);
  }
  return out;
}

/** Acts linked to each record: by a column of the acts table, or as a victim (through refs). */
async function actsBy(
  db: Db,
  link: 'case_id' | 'place_id' | 'victim',
  recordIds: string[],
): Promise<Array<{ owner: string; type: string; placeId?: string }>> {
  const out: Array<{ owner: string; type: string; placeId?: string }> = [];
  for (const part of chunks(recordIds)) {
    const rows =
      link === 'victim'
        ? await db
            .selectFrom('refs')
            .innerJoin('acts', 'acts.id', 'refs.from_id')
            .select(['refs.to_id as owner', 'acts.type as type', 'acts.place_id as place_id'])
            .where('refs.from_collection', '=', 'acts')
            .where('refs.field', '=', 'victimIds')
            .where('refs.to_collection', '=', 'persons')
            .where('refs.to_id', 'in', part)
            .execute()
        : await db
            .selectFrom('acts')
            .select([`${link} as owner`, 'type', 'place_id'])
            .where(link, 'in', part)
            .execute();
    for (const r of rows as Array<{ owner: unknown; type: unknown; place_id: unknown }>)
      out.push({ owner: String(r.owner), type: String(r.type), placeId: str(r.place_id) });
  }
  return out;
}

/** The places a record names itself: a person's hometown and the places of his status history (where he was held, say), an act's place. */
function placesNamedBy(collection: FacetedCollection, d: Doc): string[] {
  if (collection === 'acts') return ids([d.placeId]);
  if (collection !== 'persons') return [];
  const history = Array.isArray(d.statusHistory) ? (d.statusHistory as Array<{ placeId?: unknown }>) : [];
  return [...new Set(ids([d.hometownPlaceId, ...history.map((e) => e.placeId)]))];
}

/** What each record's facets draw from the records linked to it. */
async function linkedFactsOf(
  db: Db,
  collection: FacetedCollection,
  docs: Doc[],
): Promise<Map<string, LinkedFacts>> {
  const out = new Map<string, LinkedFacts>(docs.map((d) => [d.id, { placeRegions: [], acts: [] }]));
  const recordIds = docs.map((d) => d.id);
  const acts =
    collection === 'cases'
      ? await actsBy(db, 'case_id', recordIds)
      : collection === 'persons'
        ? await actsBy(db, 'victim', recordIds)
        : collection === 'places'
          ? await actsBy(db, 'place_id', recordIds)
          : [];
  const regions = await regionsOf(db, [
    ...acts.map((a) => a.placeId).filter((p): p is string => p !== undefined),
    ...docs.flatMap((d) => placesNamedBy(collection, d)),
  ]);
  for (const act of acts) {
    out.get(act.owner)?.acts.push({ type: act.type, region: act.placeId && regions.get(act.placeId) });
  }
  for (const d of docs) {
    for (const placeId of placesNamedBy(collection, d)) {
      const region = regions.get(placeId);
      if (region) out.get(d.id)?.placeRegions.push(region);
    }
  }
  return out;
}

/** Replaces the facet and date rows of these records; a null document removes them. */
async function writeFacets(db: Db, collection: FacetedCollection, docs: Map<string, Doc | null>) {
  const present = [...docs.values()].filter((d): d is Doc => d !== null);
  const linked = await linkedFactsOf(db, collection, present);
  for (const part of chunks([...docs.keys()])) {
    await db
      .deleteFrom('record_facets')
      .where('collection', '=', collection)
      .where('record_id', 'in', part)
      .execute();
    await db
      .deleteFrom('record_dates')
      .where('collection', '=', collection)
      .where('record_id', 'in', part)
      .execute();
  }
  const values: Database['record_facets'][] = [];
  const dates: Database['record_dates'][] = [];
  for (const doc of present) {
    const facets = facetsOf(collection, doc, linked.get(doc.id) ?? { placeRegions: [], acts: [] });
    for (const v of facets.values) values.push({ collection, record_id: doc.id, ...v });
    for (const d of facets.dates)
      dates.push({ collection, record_id: doc.id, date_from: d.from, date_to: d.to });
  }
  for (const part of chunks(values)) await db.insertInto('record_facets').values(part).execute();
  for (const part of chunks(dates)) await db.insertInto('record_dates').values(part).execute();
}

async function docsOf(db: Db, collection: CollectionName, recordIds: string[]): Promise<Doc[]> {
  const out: Doc[] = [];
  for (const part of chunks([...new Set(recordIds)])) {
    const rows = await db.selectFrom(collection).select(['id', 'doc']).where('id', 'in', part).execute();
    for (const r of rows) out.push({ ...(JSON.parse(r.doc) as Record<string, unknown>), id: r.id });
  }
  return out;
}

const ACT_LINKS = ['type', 'placeId', 'caseId', 'victimIds'];
const changed = (before: StoredRecord | undefined, after: StoredRecord | undefined, fields: string[]) =>
  !before || !after || fields.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));

/**
 * Keeps the facet index in step with a write, in its transaction: the written records' own rows,
 * and the rows of records whose facets draw on them. An act's type, place, case or victims reach
 * its case, its victims and its place; a place's region (new or changed) reaches the persons from there and the
 * acts there (and through them their cases and victims). Other changes reach only the record.
 */
export async function refreshFacets(
  db: Db,
  collection: CollectionName,
  writes: Array<{ before?: StoredRecord; after?: StoredRecord }>,
): Promise<void> {
  const own = new Map<string, Doc | null>();
  const reload = new Map<FacetedCollection, Set<string>>();
  const later = (c: FacetedCollection, list: string[]) => {
    const set = reload.get(c) ?? new Set<string>();
    for (const id of list) set.add(id);
    reload.set(c, set);
  };
  const cascadeActs = (acts: Doc[]) => {
    for (const act of acts) {
      later('cases', ids([act.caseId]));
      later('persons', ids(act.victimIds));
      later('places', ids([act.placeId]));
    }
  };
  for (const { before, after } of writes) {
    const id = (after ?? before)?.id;
    if (id && isFaceted(collection)) own.set(id, after ?? null);
    if (collection === 'acts' && changed(before, after, ACT_LINKS))
      cascadeActs([before, after].filter((r): r is StoredRecord => r !== undefined));
  }
  if (collection === 'places') {
    // A new place reaches records only when restored after them (an import); others name it later.
    const moved = writes.filter((w) => w.after && (!w.before || w.before.region !== w.after.region));
    const placeIds = moved.map((w) => String(w.after?.id));
    if (placeIds.length) {
      for (const part of chunks(placeIds)) {
        // Hometowns and status-history places alike are references, so one lookup finds both.
        const people = await db
          .selectFrom('refs')
          .select('from_id')
          .where('from_collection', '=', 'persons')
          .where('to_collection', '=', 'places')
          .where('to_id', 'in', part)
          .execute();
        later(
          'persons',
          people.map((p) => p.from_id),
        );
        const acts = await db.selectFrom('acts').select('id').where('place_id', 'in', part).execute();
        const docs = await docsOf(
          db,
          'acts',
          acts.map((a) => a.id),
        );
        later(
          'acts',
          docs.map((d) => d.id),
        );
        cascadeActs(docs);
      }
    }
  }
  if (isFaceted(collection) && own.size) await writeFacets(db, collection, own);
  for (const [target, set] of reload) {
    const pending = [...set].filter((id) => !(target === collection && own.has(id)));
    if (pending.length === 0) continue;
    const docs = await docsOf(db, target, pending);
    await writeFacets(db, target, new Map(docs.map((d) => [d.id, d])));
  }
}

/** Builds the facet rows of every record of these faceted collections (a migration's backfill). */
export async function rebuildFacets(
  db: Db,
  collections: readonly FacetedCollection[] = FACETED_COLLECTIONS,
): Promise<void> {
  for (const collection of collections) {
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom(collection)
        .select(['id', 'doc'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(CHUNK)
        .execute();
      if (rows.length === 0) break;
      const docs = rows.map((r) => ({ ...(JSON.parse(r.doc) as Record<string, unknown>), id: r.id }));
      await writeFacets(db, collection, new Map(docs.map((d) => [d.id, d])));
      after = rows[rows.length - 1].id;
    }
  }
}
