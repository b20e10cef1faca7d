import { type Kysely, sql, type Transaction } from 'kysely';
import { type CollectionName, SUBJECT_COLLECTIONS } from '../domain/collections.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Collections whose records belong to one case through their `caseId`. */
const CASE_OWNED = ['acts', 'interventions', 'involvements'] as const;
/** Persons, organizations and places: shared between cases by the records that name them. */
const ENTITIES = ['persons', 'person_groups', 'organizations', 'places'] as const;
/** Records that cite a source besides claims: a person's status entries, an appeal's evidence. */
const CITING = ['persons', 'interventions'] as const;
const CHUNK = 500;

type Links = Map<string, Set<string>>;

function add(links: Links, id: string, caseIds: Iterable<string>) {
  const set = links.get(id) ?? new Set<string>();
  for (const c of caseIds) set.add(c);
  links.set(id, set);
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

const includes = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The cases each record is linked to, which decide who may see it: a case itself; the case of an
 * act, appeal or involvement; for persons, groups, organizations and places the cases of the acts,
 * appeals and involvements naming them; for a source the cases of its claims' subjects and of the
 * records citing it; for a claim the cases of its subject and of its source (a claim quotes its
 * source, so it belongs wherever the source does). Records absent from the map are unlinked.
 * Every path ends in a case in at most two hops, so there is no recursion.
 */
export async function caseLinksOf(db: Db, collection: CollectionName, ids: string[]): Promise<Links> {
  const unique = [...new Set(ids)];
  if (collection === 'sources') return sourceLinks(db, unique);
  if (collection === 'claims') return claimLinks(db, unique);
  return directLinks(db, collection, unique);
}

/** Links of the records that are, or name, case records: cases, case-owned records, entities. */
async function directLinks(db: Db, collection: CollectionName, ids: string[]): Promise<Links> {
  const links: Links = new Map();
  if (ids.length === 0) return links;
  if (collection === 'cases') {
    for (const id of ids) add(links, id, [id]);
    return links;
  }
  for (const part of chunks(ids)) {
    if (includes(CASE_OWNED, collection)) {
      const rows = await db
        .selectFrom(collection)
        .select(['id', 'case_id'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) if (typeof r.case_id === 'string') add(links, r.id, [r.case_id]);
    } else if (includes(ENTITIES, collection)) {
      // One statement over every owner collection: a round trip each would cost more than the reads.
      const perOwner = CASE_OWNED.map(
        (owner) => sql`
          SELECT r.to_id AS id, o.case_id AS case_id FROM refs r JOIN ${sql.table(owner)} o ON o.id = r.from_id
          WHERE r.from_collection = ${owner} AND r.to_collection = ${collection}
          AND r.to_id IN (${sql.join(part)})`,
      );
      const { rows } = await sql<{ id: string; case_id: string | null }>`${sql.join(
        perOwner,
        sql` UNION ALL `,
      )}`.execute(db);
      for (const r of rows) if (typeof r.case_id === 'string') add(links, r.id, [r.case_id]);
    }
  }
  return links;
}

/** Gives each hop's `id` the direct links of the record it leads to. */
async function linksThrough(
  db: Db,
  links: Links,
  hops: Array<{ id: string; collection: CollectionName | undefined; target: string }>,
): Promise<void> {
  const byCollection = new Map<CollectionName, typeof hops>();
  for (const hop of hops) {
    if (!hop.collection || hop.collection === 'sources' || hop.collection === 'claims') continue;
    byCollection.set(hop.collection, [...(byCollection.get(hop.collection) ?? []), hop]);
  }
  for (const [target, list] of byCollection) {
    const found = await directLinks(db, target, [...new Set(list.map((h) => h.target))]);
    for (const hop of list) {
      const caseIds = found.get(hop.target);
      if (caseIds) add(links, hop.id, caseIds);
    }
  }
}

async function sourceLinks(db: Db, ids: string[]): Promise<Links> {
  const links: Links = new Map();
  for (const part of chunks(ids)) {
    const claims = await db
      .selectFrom('claims')
      .select(['source_id', 'subject_type', 'subject_id'])
      .where('source_id', 'in', part)
      .execute();
    const citing = await db
      .selectFrom('refs')
      .select(['from_collection', 'from_id', 'to_id'])
      .where('to_collection', '=', 'sources')
      .where('to_id', 'in', part)
      .where('from_collection', 'in', [...CITING])
      .execute();
    await linksThrough(db, links, [
      ...claims.map((c) => ({
        id: String(c.source_id),
        collection: SUBJECT_COLLECTIONS[String(c.subject_type)],
        target: String(c.subject_id),
      })),
      ...citing.map((r) => ({
        id: r.to_id,
        collection: r.from_collection as CollectionName,
        target: r.from_id,
      })),
    ]);
  }
  return links;
}

async function claimLinks(db: Db, ids: string[]): Promise<Links> {
  const links: Links = new Map();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('claims')
      .select(['id', 'source_id', 'subject_type', 'subject_id'])
      .where('id', 'in', part)
      .execute();
    await linksThrough(
      db,
      links,
      rows.map((r) => ({
        id: r.id,
        collection: SUBJECT_COLLECTIONS[String(r.subject_type)],
        target: String(r.subject_id),
      })),
    );
    const ofSources = await sourceLinks(db, [...new Set(rows.map((r) => String(r.source_id)))]);
    for (const r of rows) add(links, r.id, ofSources.get(String(r.source_id)) ?? []);
  }
  return links;
}

/** The ids among these that are stored in the collection. */
export async function existingOf(db: Db, collection: CollectionName, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM ${sql.table(collection)} WHERE id IN (${sql.join(part)})`.execute(db);
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Each case's confidentiality, for the given case ids that exist. */
export async function confidentialityOf(
  db: Kysely<Database>,
  caseIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(caseIds)])) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'confidentiality'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, String(r.confidentiality));
  }
  return out;
}

/** The grants on these cases held by a user directly or through one of its groups: case id → access. */
export async function grantsOf(
  db: Kysely<Database>,
  userId: string,
  groupIds: string[],
  caseIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(caseIds)])) {
    const rows = await db
      .selectFrom('grants')
      .select(['case_id', 'access'])
      .where('case_id', 'in', part)
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_kind', '=', 'user'), eb('subject_id', '=', userId)]),
          ...(groupIds.length
            ? [eb.and([eb('subject_kind', '=', 'group'), eb('subject_id', 'in', groupIds)])]
            : []),
        ]),
      )
      .execute();
    for (const r of rows) if (out.get(r.case_id) !== 'edit') out.set(r.case_id, r.access);
  }
  return out;
}
