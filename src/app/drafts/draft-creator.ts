import { setTimeout as sleep } from 'node:timers/promises';
import type { StoredRecord } from '../../domain/collections.js';
import { newId } from '../../domain/ids.js';
import type { Draft } from '../../domain/schemas/draft.js';
import { LANGUAGES, type Language } from '../../domain/vocabularies.js';
import { extractReport } from '../../ingest/extract-report.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { JobFailure, JobHandler, JobWrite } from '../../store/job-queue.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { AppContext } from '../context.js';
import { awaitsOcr, readScanOfSource, storeScanText } from '../ingest/scan-reader.js';
import { draftItemsOf } from './draft-builder.js';
import { settleDraftNamesakes } from './draft-namesakes.js';

export interface DraftJobOptions {
  /** Pause between extraction and commit (ms): lets tests and drills kill a worker mid-job. */
  pauseBeforeCommitMs?: number;
}

/** The actor ingestion jobs write as. */
export const INGEST_ACTOR = 'system:ingest';

/**
 * The extraction job: runs the extractor on a source's clean text and stores its draft. Keyed
 * by source id (one draft per source, unique in the database) and marked done in the same
 * transaction, so a retry after a crash finds the draft and creates nothing twice. A photo or
 * scan is first read by OCR here, outside any transaction (it is slow); its text and word boxes
 * commit with the draft.
 */
export function draftJobHandler(ctx: AppContext, options: DraftJobOptions = {}): JobHandler {
  /** A source already drafted (a retry after a crash) or gone has `source` undefined: nothing to write. */
  const prepareOne = async (sourceId: string, source: StoredRecord | undefined): Promise<JobWrite> => {
    const ocr = source && awaitsOcr(source) ? await readScanOfSource(ctx, source) : undefined;
    const text = ocr ? ocr.text : source?.text;
    let draft: Draft | undefined;
    // A sensitive source's items would hold its testimony in plain: it is never drafted.
    if (source && typeof text === 'string' && text !== '' && source.sensitive !== true) {
      const lang = LANGUAGES.includes(source.language as Language)
        ? (source.language as Language)
        : undefined;
      const extraction = extractReport({
        content: text,
        mediaType: 'text/plain',
        clean: false,
        ...(typeof source.published === 'string' ? { published: source.published } : {}),
        ...(lang ? { lang } : {}),
      });
      if (extraction.text !== text) throw new Error('extraction text differs from the source text');
      draft = {
        id: newId(),
        sourceId,
        status: 'pending',
        version: 1,
        createdAt: '',
        updatedAt: '',
        language: extraction.language,
        title: extraction.title ?? null,
        published: extraction.published ?? null,
        items: draftItemsOf(extraction, typeof source.title === 'string' ? source.title : null),
      };
      await settleDraftNamesakes(ctx, draft.items, text);
    }
    return async (writer) => {
      if (source && ocr) await storeScanText(writer, source, ocr);
      if (draft) draftsOf.get(writer)?.push(draft);
    };
  };
  /** The drafts of the batch each open transaction writes, inserted together once its jobs' writes ran. */
  const draftsOf = new WeakMap<RecordWriter, Draft[]>();
  const insertDrafts = async (writer: RecordWriter, drafts: Draft[]) => {
    const inserted = await ingestRows.insertDrafts(
      writer.trx,
      drafts.map((draft) => {
        const { id, sourceId, status, version, createdAt: _c, updatedAt: _u, ...rest } = draft;
        return {
          id,
          source_id: sourceId,
          status,
          version,
          created_at: writer.now,
          updated_at: writer.now,
          doc: JSON.stringify(rest),
        };
      }),
    );
    // A retried job whose draft a lost worker committed after all inserts nothing, and notes nothing.
    for (const draft of drafts)
      if (inserted.has(draft.id))
        await writer.note({
          action: 'create',
          collection: 'drafts',
          recordId: draft.id,
          before: undefined,
          after: { sourceId: draft.sourceId, items: draft.items.length },
        });
  };
  return {
    async prepare(sourceIds) {
      const drafted = await ingestRows.draftedSources(ctx.store.handle.db, sourceIds);
      const undrafted = sourceIds.filter((id) => !drafted.has(id));
      const sources = new Map((await ctx.store.getMany('sources', undrafted)).map((s) => [s.id, s]));
      const out: Array<JobWrite | JobFailure> = [];
      for (const id of sourceIds)
        try {
          out.push(await prepareOne(id, sources.get(id)));
        } catch (failed) {
          out.push({ failed });
        }
      return out;
    },
    async write(run) {
      if (options.pauseBeforeCommitMs) await sleep(options.pauseBeforeCommitMs);
      await ctx.store.write(INGEST_ACTOR, async (writer) => {
        const drafts: Draft[] = [];
        draftsOf.set(writer, drafts);
        await run(writer);
        await insertDrafts(writer, drafts);
      });
    },
  };
}
