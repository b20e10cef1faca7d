import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { StoredRecord } from '../../domain/collections.js';
import { VigilError } from '../../domain/errors.js';
import { readReportFile } from '../../ingest/formats/read-report-file.js';
import { detectLanguage } from '../../ingest/language.js';
import {
  SAME_STORY_SIMILARITY,
  signatureBands,
  signatureSimilarity,
  storySignature,
} from '../../ingest/near-duplicates.js';
import { writeBatchOrEach } from '../../store/batch-or-each.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Database, StoryMemberRow } from '../../store/schema.js';
import type { Actor, AppContext } from '../context.js';
import { insertValidRecords } from '../records/record-creator.js';

/** Largest file accepted by default, bytes. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What the person ingesting says about the source; metadata found in the file fills the gaps. */
export interface SourceHints {
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
  language?: string;
  kind?: string;
  reliability?: string;
  /** Testimony that could endanger someone: text encrypted, not indexed, no automatic extraction. */
  sensitive?: boolean;
}

export interface IngestSourceProps {
  ctx: AppContext;
  actor: Actor;
  /** The original file (or a text sent as JSON, as UTF-8). */
  bytes: Buffer;
  hints?: SourceHints;
  maxBytes?: number;
  /**
   * Which of the sources already holding this document the caller may be answered with (those
   * they may see). Without it any may. A document held only by sources the caller may not see is
   * stored again as a source of their own, exactly as a new document is, so the answer does not
   * tell them it is held elsewhere.
   */
  mayReuse?: (sourceIds: string[]) => Promise<Set<string>>;
}

export interface IngestResult {
  source: StoredRecord;
  /** false when these bytes (or this exact text) were ingested before: the existing source. */
  created: boolean;
  storyId: string;
}

type Db = Kysely<Database> | Transaction<Database>;

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A report read and checked outside any transaction, waiting to be stored. */
interface ReadReport {
  fileSha: string;
  textSha: string;
  /** Sources holding the same document that the caller may not be answered with. */
  offLimits: Set<string>;
  source: NewSource;
}

/**
 * Stores a report as a source: keeps the original bytes content-addressed by SHA-256, reads its
 * clean text per format, links it to the story it reprints (near-duplicates), and queues its
 * extraction draft, all in one transaction. The same bytes again return the existing source.
 */
export async function ingestSource(props: IngestSourceProps): Promise<IngestResult> {
  const read = await readReport(props);
  if ('known' in read) return read.known;
  const [result] = await props.ctx.store.write(props.actor.id, (writer) =>
    storeReports(props.ctx, writer, [read]),
  );
  return result as IngestResult;
}

/** Reports per transaction in a bulk ingest: the chain's lock and a commit per batch, not per file. */
export const INGEST_BATCH = 25;

/**
 * Ingests many reports as `ingestSource` does each, sharing one transaction (so one turn of the
 * writers' lock and one commit) among them. A report that cannot be read is answered with its
 * error alone; when the shared transaction fails, each report is stored in its own, so that one
 * bad report holds back no other. Answers are in the order of `reports`.
 */
export async function ingestSources(
  ctx: AppContext,
  actor: Actor,
  reports: Omit<IngestSourceProps, 'ctx' | 'actor'>[],
): Promise<Array<IngestResult | VigilError>> {
  const out: Array<IngestResult | VigilError | ReadReport> = [];
  for (const report of reports)
    try {
      const read = await readReport({ ctx, actor, ...report });
      out.push('known' in read ? read.known : read);
    } catch (err) {
      if (!(err instanceof VigilError)) throw err;
      out.push(err);
    }
  const pending = out.flatMap((r, i) => (isRead(r) ? [i] : []));
  await writeBatchOrEach(
    pending,
    async (indexes) => {
      const stored = await ctx.store.write(actor.id, (writer) =>
        storeReports(
          ctx,
          writer,
          indexes.map((i) => out[i] as ReadReport),
        ),
      );
      for (const [j, i] of indexes.entries()) out[i] = stored[j] as IngestResult;
    },
    async (i, err) => {
      if (!(err instanceof VigilError)) throw err;
      out[i] = err;
    },
  );
  return out as Array<IngestResult | VigilError>;
}

const isRead = (r: IngestResult | VigilError | ReadReport): r is ReadReport => 'textSha' in r;

/**
 * Reads a report's file and finds, outside any transaction, whether the same document is held
 * already (answered as `known`) or what new source it makes.
 */
async function readReport({
  ctx,
  bytes,
  hints = {},
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
  mayReuse,
}: IngestSourceProps): Promise<{ known: IngestResult } | ReadReport> {
  if (bytes.length > maxBytes)
    throw new VigilError('too_large', `the file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`);
  const fileSha = sha256(bytes);
  const db = ctx.store.handle.db;
  const sameFile = await ingestRows.sourcesOfFile(db, fileSha);
  // Decided before the write transaction: the caller's visibility is read outside it.
  const offLimits = new Set<string>();
  const markOffLimits = async (ids: string[]) => {
    const allowed = mayReuse ? await mayReuse(ids) : new Set(ids);
    for (const id of ids) if (!allowed.has(id)) offLimits.add(id);
  };
  await markOffLimits(sameFile);
  const [known] = sameFile.filter((id) => !offLimits.has(id));
  if (known) return { known: await resultOf(ctx.store, db, known, false) };
  const file = await readReportFile(bytes);
  // A scan has no text before OCR: no same text or story to find yet, and its language is only what was said.
  const scanned = file.scan !== undefined;
  const textSha = sha256(file.text);
  const sameText = scanned
    ? []
    : (await ctx.store.list('sources', { filters: { sha256: textSha }, limit: 100 })).map((s) => s.id);
  await markOffLimits(sameText);
  const signature = scanned ? [] : storySignature(file.text);
  const bands = scanned ? [] : signatureBands(signature);
  const fields = dropEmpty({
    kind: hints.kind ?? (file.format === 'eml' ? 'letter' : scanned ? 'document' : 'news_report'),
    // A sensitive report's title and sender would quote the testimony, stored in plain: hints only.
    title: hints.title ?? (hints.sensitive ? undefined : file.title?.slice(0, 500)) ?? undefined,
    outlet: hints.outlet ?? (hints.sensitive ? undefined : file.outlet) ?? undefined,
    url: hints.url ?? file.url ?? undefined,
    published: hints.published ?? file.published ?? undefined,
    language: hints.language ?? (scanned ? undefined : detectLanguage(file.text)),
    reliability: hints.reliability,
    sensitive: hints.sensitive === true ? true : undefined,
    text: scanned ? undefined : file.text,
    fileSha256: fileSha,
    mediaType: file.mediaType,
  });
  return {
    fileSha,
    textSha,
    offLimits,
    source: { fields, fileSha, mediaType: file.mediaType, bytes, scanned, signature, bands },
  };
}

/**
 * Stores read reports in the writer's transaction, answering each in order. A report whose
 * document was stored since it was read (by a concurrent ingest, or earlier in this batch) is
 * answered with that source (and, when only its text is the same, its bytes are kept for it);
 * the others become new sources together.
 */
async function storeReports(
  ctx: AppContext,
  writer: RecordWriter,
  reads: ReadReport[],
): Promise<IngestResult[]> {
  const byFile = await ingestRows.sourcesOfFiles(
    writer.trx,
    reads.map((r) => r.fileSha),
  );
  const byText = await ingestRows.sourcesOfTexts(
    writer.trx,
    reads.filter((r) => !r.source.scanned).map((r) => r.textSha),
  );
  // A document is held by a stored source (its id) or by a new one of this batch (its index in `news`).
  type Holder = string | number;
  const newByFile = new Map<string, Holder>();
  const newByText = new Map<string, Holder>();
  const news: NewSource[] = [];
  const otherBytes: { holder: Holder; read: ReadReport }[] = [];
  const holders: { holder: Holder; created: boolean }[] = [];
  for (const read of reads) {
    const usable = (ids: string[] | undefined) => ids?.find((id) => !read.offLimits.has(id));
    const sameFile = usable(byFile.get(read.fileSha)) ?? newByFile.get(read.fileSha);
    const sameText = read.source.scanned
      ? undefined
      : (usable(byText.get(read.textSha)) ?? newByText.get(read.textSha));
    if (sameFile !== undefined) holders.push({ holder: sameFile, created: false });
    else if (sameText !== undefined) {
      // Other bytes, same clean text (a PDF and a .docx of one letter): the same source.
      otherBytes.push({ holder: sameText, read });
      newByFile.set(read.fileSha, sameText);
      holders.push({ holder: sameText, created: false });
    } else {
      const index = news.push(read.source) - 1;
      newByFile.set(read.fileSha, index);
      if (!read.source.scanned) newByText.set(read.textSha, index);
      holders.push({ holder: index, created: true });
    }
  }
  const stored = await storeNewSources(ctx, writer, news);
  const idOf = (holder: Holder) =>
    (typeof holder === 'string' ? holder : stored[holder]?.source.id) as string;
  await ingestRows.insertFiles(
    writer.trx,
    otherBytes.map(({ holder, read }) =>
      fileRow(read.fileSha, idOf(holder), read.source.mediaType, read.source.bytes, writer.now),
    ),
  );
  const results: IngestResult[] = [];
  for (const { holder, created } of holders) {
    const fresh = typeof holder === 'number' ? stored[holder] : undefined;
    results.push(fresh ? { ...fresh, created } : await resultOf(writer, writer.trx, holder as string, false));
  }
  return results;
}

/** A new source as read, before it is stored. */
export interface NewSource {
  fields: Record<string, unknown>;
  fileSha: string;
  mediaType: string;
  /** The original file. */
  bytes: Buffer;
  /** A photo or scan whose text OCR has yet to read. */
  scanned: boolean;
  /** Its story signature and LSH bands (empty for a scan). */
  signature: number[];
  bands: string[];
}

/**
 * Stores new sources in the writer's transaction, with multi-row statements: the records, their
 * original files (sealed when the source is sensitive), their stories (the most similar earlier
 * source's, stored before or earlier in the list, when it reprints one) and their extraction jobs.
 * Answers in the order given. Callers that import many sources at once share one transaction.
 */
export async function storeNewSources(
  ctx: AppContext,
  writer: RecordWriter,
  news: NewSource[],
): Promise<Array<{ source: StoredRecord; storyId: string }>> {
  if (news.length === 0) return [];
  const sources = await insertValidRecords(
    writer,
    'sources',
    news.map((n) => n.fields),
    'ingest',
  );
  const sensitive = (i: number) => sources[i]?.sensitive === true;
  await ingestRows.insertFiles(
    writer.trx,
    news.map((n, i) =>
      fileRow(
        n.fileSha,
        (sources[i] as StoredRecord).id,
        n.mediaType,
        // A sensitive original would carry the testimony in plain: it is kept sealed like the text,
        // and neither shingled into stories nor extracted into a draft (whose items would be plain).
        sensitive(i) ? Buffer.from(writer.cipher.seal(n.bytes.toString('base64')), 'utf8') : n.bytes,
        writer.now,
      ),
    ),
  );
  const shingled = news.flatMap((_, i) => (sensitive(i) ? [] : [i]));
  const stories = await storiesOfNew(
    writer,
    shingled.map((i) => ({ sourceId: (sources[i] as StoredRecord).id, ...(news[i] as NewSource) })),
  );
  // OCR still reads a sensitive scan, into the sealed text; no draft is made of it.
  await ctx.jobs.enqueueExtractions(
    writer,
    sources.filter((_, i) => !sensitive(i) || news[i]?.scanned).map((s) => s.id),
  );
  return sources.map((source) => ({ source, storyId: stories.get(source.id)?.storyId ?? source.id }));
}

/** Stores one new source (see storeNewSources). */
export async function storeNewSource(
  ctx: AppContext,
  writer: RecordWriter,
  news: NewSource,
): Promise<{ source: StoredRecord; storyId: string }> {
  const [stored] = await storeNewSources(ctx, writer, [news]);
  return stored as { source: StoredRecord; storyId: string };
}

/**
 * Links new sources to their stories, in order: each joins the story of the most similar source
 * sharing an LSH band with it (stored before, or earlier in the list) when that one is similar
 * enough to be a reprint, else starts its own; a link is noted in the audit log.
 */
async function storiesOfNew(
  writer: RecordWriter,
  news: Array<{ sourceId: string; signature: number[]; bands: string[] }>,
): Promise<Map<string, { storyId: string; similarity: number }>> {
  const candidates = (
    await ingestRows.storyCandidates(
      writer.trx,
      news.flatMap((n) => n.bands),
    )
  ).map((m) => ({
    storyId: m.story_id,
    signature: JSON.parse(m.signature) as number[],
    bands: m.bands,
  }));
  const stories = new Map<string, { storyId: string; similarity: number }>();
  const members: Array<{ row: StoryMemberRow; bands: string[] }> = [];
  for (const n of news) {
    let best: { storyId: string; similarity: number } | undefined;
    for (const c of candidates) {
      if (!n.bands.some((band) => c.bands.has(band))) continue;
      const similarity = signatureSimilarity(n.signature, c.signature);
      if (similarity >= SAME_STORY_SIMILARITY && (!best || similarity > best.similarity))
        best = { storyId: c.storyId, similarity };
    }
    const storyId = best?.storyId ?? n.sourceId;
    if (best) stories.set(n.sourceId, best);
    candidates.push({ storyId, signature: n.signature, bands: new Set(n.bands) });
    members.push({
      row: {
        source_id: n.sourceId,
        story_id: storyId,
        similarity: best?.similarity ?? 1,
        signature: JSON.stringify(n.signature),
        created_at: writer.now,
      },
      bands: n.bands,
    });
  }
  await ingestRows.insertStoryMembers(writer.trx, members);
  for (const [sourceId, story] of stories)
    await writer.note({
      action: 'link-story',
      collection: 'sources',
      recordId: sourceId,
      before: undefined,
      after: { storyId: story.storyId, similarity: story.similarity },
    });
  return stories;
}

/** The answer with a stored source, read through the store or the open transaction. */
async function resultOf(
  reader: { get(collection: 'sources', id: string): Promise<StoredRecord | undefined> },
  db: Db,
  id: string,
  created: boolean,
): Promise<IngestResult> {
  const source = await reader.get('sources', id);
  if (!source) throw new VigilError('internal', 'source vanished during ingest');
  const stories = await ingestRows.storiesOf(db, [id]);
  return { source, created, storyId: stories.get(id) ?? id };
}

function fileRow(sha: string, sourceId: string, mediaType: string, bytes: Buffer, now: string) {
  return {
    sha256: sha,
    source_id: sourceId,
    media_type: mediaType,
    size: bytes.length,
    bytes,
    created_at: now,
  };
}

/** The fields without the empty ones, as a record is stored. */
export function dropEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
