import type { Kysely, Transaction } from 'kysely';
import type { Database, DraftRow, OcrPageRow, SourceFileRow, StoryMemberRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Ids grouped by digest, in the order of the rows. */
function idsByDigest(rows: Array<{ sha256: string | number | null; id: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { sha256, id } of rows)
    if (sha256 !== null) out.set(String(sha256), [...(out.get(String(sha256)) ?? []), id]);
  return out;
}

/**
 * Rows of the ingestion tables (0003): original files, story membership, drafts. Callers write
 * inside a RecordStore transaction, so these changes commit or roll back with the records.
 */
export const ingestRows = {
  /** The sources made from these exact bytes, oldest first (a document may be held more than once). */
  async sourcesOfFile(db: Db, sha256: string): Promise<string[]> {
    return (await ingestRows.sourcesOfFiles(db, [sha256])).get(sha256) ?? [];
  },

  /** The sources made from each of these byte digests, oldest first. */
  async sourcesOfFiles(db: Db, sha256s: string[]): Promise<Map<string, string[]>> {
    if (sha256s.length === 0) return new Map();
    const rows = await db
      .selectFrom('source_files')
      .select(['sha256', 'source_id as id'])
      .where('sha256', 'in', [...new Set(sha256s)])
      .orderBy('created_at')
      .orderBy('source_id')
      .execute();
    return idsByDigest(rows);
  },

  /** The sources whose clean text has each of these digests, by id. */
  async sourcesOfTexts(db: Db, sha256s: string[]): Promise<Map<string, string[]>> {
    if (sha256s.length === 0) return new Map();
    const rows = await db
      .selectFrom('sources')
      .select(['sha256', 'id'])
      .where('sha256', 'in', [...new Set(sha256s)])
      .orderBy('id')
      .execute();
    return idsByDigest(rows);
  },

  async insertFile(trx: Transaction<Database>, row: SourceFileRow): Promise<void> {
    await ingestRows.insertFiles(trx, [row]);
  },

  async insertFiles(trx: Transaction<Database>, rows: SourceFileRow[]): Promise<void> {
    if (rows.length) await trx.insertInto('source_files').values(rows).execute();
  },

  async fileOfSource(db: Db, sourceId: string): Promise<SourceFileRow | undefined> {
    return db.selectFrom('source_files').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
  },

  /** Stores the OCR pages of a source (once: a retried job finds them and writes nothing). */
  async insertOcrPages(trx: Transaction<Database>, rows: OcrPageRow[]): Promise<void> {
    if (rows.length)
      await trx
        .insertInto('ocr_pages')
        .values(rows)
        .onConflict((oc) => oc.columns(['source_id', 'page']).doNothing())
        .execute();
  },

  async ocrPagesOf(db: Db, sourceId: string): Promise<OcrPageRow[]> {
    return db.selectFrom('ocr_pages').selectAll().where('source_id', '=', sourceId).orderBy('page').execute();
  },

  /** How many pages OCR read of each of these sources (those it read none of are absent). */
  async ocrPageCounts(db: Db, sourceIds: string[]): Promise<Map<string, number>> {
    if (sourceIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('ocr_pages')
      .select((eb) => ['source_id', eb.fn.countAll<number>().as('n')])
      .where('source_id', 'in', sourceIds)
      .groupBy('source_id')
      .execute();
    return new Map(rows.map((r) => [r.source_id, Number(r.n)]));
  },

  /** Sources sharing any of these LSH bands, with their signatures and stories. */
  /** Story members sharing any of these bands, each with the bands it shares. */
  async storyCandidates(db: Db, bands: string[]): Promise<Array<StoryMemberRow & { bands: Set<string> }>> {
    if (bands.length === 0) return [];
    const shared = await db
      .selectFrom('story_bands')
      .select(['source_id', 'band'])
      .where('band', 'in', [...new Set(bands)])
      .execute();
    const bandsOf = new Map<string, Set<string>>();
    for (const r of shared) bandsOf.set(r.source_id, (bandsOf.get(r.source_id) ?? new Set()).add(r.band));
    if (bandsOf.size === 0) return [];
    const members = await db
      .selectFrom('story_members')
      .selectAll()
      .where('source_id', 'in', [...bandsOf.keys()])
      .execute();
    return members.map((m) => ({ ...m, bands: bandsOf.get(m.source_id) as Set<string> }));
  },

  /** Stores story members and their LSH bands. */
  async insertStoryMembers(
    trx: Transaction<Database>,
    members: Array<{ row: StoryMemberRow; bands: string[] }>,
  ): Promise<void> {
    if (members.length === 0) return;
    await trx
      .insertInto('story_members')
      .values(members.map((m) => m.row))
      .execute();
    const bands = members.flatMap((m) => m.bands.map((band) => ({ band, source_id: m.row.source_id })));
    for (let i = 0; i < bands.length; i += 500)
      await trx
        .insertInto('story_bands')
        .values(bands.slice(i, i + 500))
        .onConflict((oc) => oc.doNothing())
        .execute();
  },

  /** Story id of each source (sources ingested before stories existed are their own story). */
  async storiesOf(db: Db, sourceIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>(sourceIds.map((id) => [id, id]));
    const unique = [...new Set(sourceIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db
        .selectFrom('story_members')
        .select(['source_id', 'story_id'])
        .where('source_id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.source_id, r.story_id);
    }
    return out;
  },

  async storyMembers(db: Db, storyId: string): Promise<StoryMemberRow[]> {
    return db
      .selectFrom('story_members')
      .selectAll()
      .where('story_id', '=', storyId)
      .orderBy('source_id')
      .execute();
  },

  /** Inserts a draft unless the source has one; true when this call created it. */
  async insertDraft(trx: Transaction<Database>, row: DraftRow): Promise<boolean> {
    return (await ingestRows.insertDrafts(trx, [row])).has(row.id);
  },

  /** Inserts drafts, skipping those of sources drafted already; answers the ids inserted. */
  async insertDrafts(trx: Transaction<Database>, rows: DraftRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await trx
      .insertInto('drafts')
      .values(rows)
      .onConflict((oc) => oc.column('source_id').doNothing())
      .returning('id')
      .execute();
    return new Set(inserted.map((r) => r.id));
  },

  /** Sources kept for extraction (shingled into a story, so not sensitive) that have no draft yet. */
  async sourcesAwaitingDraft(db: Db): Promise<string[]> {
    const rows = await db
      .selectFrom('story_members')
      .select('source_id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('drafts').select('id').whereRef('drafts.source_id', '=', 'story_members.source_id'),
          ),
        ),
      )
      .orderBy('source_id')
      .execute();
    return rows.map((r) => r.source_id);
  },

  async draft(db: Db, id: string): Promise<DraftRow | undefined> {
    return db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Which of these sources have a draft already. */
  async draftedSources(db: Db, sourceIds: string[]): Promise<Set<string>> {
    if (sourceIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('drafts')
      .select('source_id')
      .where('source_id', 'in', sourceIds)
      .execute();
    return new Set(rows.map((r) => r.source_id));
  },

  async draftOfSource(db: Db, sourceId: string): Promise<DraftRow | undefined> {
    return db.selectFrom('drafts').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
  },

  async listDrafts(db: Db, query: { status?: string; after?: string; limit: number }): Promise<DraftRow[]> {
    let q = db.selectFrom('drafts').selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    if (query.after) q = q.where('id', '>', query.after);
    return q.orderBy('id').limit(query.limit).execute();
  },

  /** Replaces a draft if it is still at `version`; false when someone changed it meanwhile. */
  async updateDraft(
    trx: Transaction<Database>,
    id: string,
    version: number,
    changes: { status: string; doc: string; updated_at: string },
  ): Promise<boolean> {
    const result = await trx
      .updateTable('drafts')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
