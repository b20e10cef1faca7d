import type { ExtractionStatus } from '../../domain/schemas/extraction-status.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { AppContext } from '../context.js';

/** The extraction state of a source the caller may see: its draft if made, else its job's state. */
export async function readExtractionStatus(ctx: AppContext, sourceId: string): Promise<ExtractionStatus> {
  const runner = ctx.jobs.kind;
  const draft = await ingestRows.draftOfSource(ctx.store.handle.db, sourceId);
  if (draft) return { sourceId, status: 'done', draftId: draft.id, attempts: 0, runner };
  const job = await ctx.jobs.stateOf(sourceId);
  if (!job) return { sourceId, status: 'not_queued', draftId: null, attempts: 0, runner };
  // A job done without a draft had no text to extract.
  return { sourceId, status: job.state, draftId: null, attempts: job.attempts, runner };
}
