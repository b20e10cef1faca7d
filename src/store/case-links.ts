import { type Kysely, sql } from 'kysely';
import { type CollectionName, SUBJECT_COLLECTIONS } from '../domain/collections.js';
import type { Database } from './schema.js';

/** Collections whose records belong to one case through their `caseId`. */
const CASE_OWNED = ['acts', 'interventions', 'involvements'] as const;
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

/**
 * The cases each record is linked to, which decide who may see it: a case itself; the case of an
 * act, appeal or involvement; for persons, groups, organizations and places the cases of the acts,
 * appeals and involvements naming them; for a claim its subject's cases; for a source the cases of
 * its claims' subjects and of the records citing it. Records absent from the map are unlinked.
 */
export async function caseLinksOf(
  db: Kysely<Database>,
  collection: CollectionName,
  ids: string[],
  depth = 0,
): Promise<Links> {
  const links: Links = new Map();
  const unique = [...new Set(ids)];
  if (unique.length === 0 || depth > 3) return links;
  if (collection === 'cases') {
    for (const id of unique) add(links, id, [id]);
    return links;
  }
  for (const part of chunks(unique)) {
    if ((CASE_OWNED as readonly string[]).includes(collection)) {
      const rows = await db
        .selectFrom(collection as (typeof CASE_OWNED)[number])
        .select(['id', 'case_id'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) if (typeof r.case_id === 'string') add(links, r.id, [r.case_id]);
    } else if (['persons', 'person_groups', 'organizations', 'places'].includes(collection)) {
      for (const owner of CASE_OWNED) {
        const { rows } = await sql<{ id: string; case_id: string | null }>`
          SELECT r.to_id AS id, o.case_id AS case_id FROM refs r JOIN ${sql.table(owner)} o ON o.id = r.from_id
          WHERE r.from_collection = ${owner} AND r.to_collection = ${collection}
          AND r.to_id IN (${sql.join(part)})`.execute(db);
        for (const r of rows) if (typeof r.case_id === 'string') add(links, r.id, [r.case_id]);
      }
    } else if (collection === 'claims') {
      const rows = await db
        .selectFrom('claims')
        .select(['id', 'subject_type', 'subject_id'])
        .where('id', 'in', part)
        .execute();
      await addVia(
        db,
        links,
        depth,
        rows.map((r) => ({
          id: r.id,
          collection: SUBJECT_COLLECTIONS[String(r.subject_type)],
          target: String(r.subject_id),
        })),
      );
    } else if (collection === 'sources') {
      const claims = await db
        .selectFrom('claims')
        .select(['id', 'source_id'])
        .where('source_id', 'in', part)
        .execute();
      await addVia(
        db,
        links,
        depth,
        claims.map((c) => ({ id: String(c.source_id), collection: 'claims' as const, target: c.id })),
      );
      const citing = await db
        .selectFrom('refs')
        .select(['from_collection', 'from_id', 'to_id'])
        .where('to_collection', '=', 'sources')
        .where('to_id', 'in', part)
        .where('from_collection', 'in', ['persons', 'interventions'])
        .execute();
      await addVia(
        db,
        links,
        depth,
        citing.map((r) => ({
          id: r.to_id,
          collection: r.from_collection as CollectionName,
          target: r.from_id,
        })),
      );
    }
  }
  return links;
}

/** Gives each `id` the links of the `target` record it leads to. */
async function addVia(
  db: Kysely<Database>,
  links: Links,
  depth: number,
  hops: Array<{ id: string; collection: CollectionName | undefined; target: string }>,
) {
  const byCollection = new Map<CollectionName, typeof hops>();
  for (const hop of hops) {
    if (!hop.collection) continue;
    byCollection.set(hop.collection, [...(byCollection.get(hop.collection) ?? []), hop]);
  }
  for (const [target, list] of byCollection) {
    const found = await caseLinksOf(
      db,
      target,
      list.map((h) => h.target),
      depth + 1,
    );
    for (const hop of list) {
      const caseIds = found.get(hop.target);
      if (caseIds) add(links, hop.id, caseIds);
    }
  }
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
