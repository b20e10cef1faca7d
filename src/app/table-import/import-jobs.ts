import { notFound, VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type {
  AbsentRow,
  ImportReport,
  ImportRow,
  NewRelatedRecord,
  RowOutcome,
} from '../../domain/schemas/table-import.js';
import { TableMapping } from '../../domain/schemas/table-mapping.js';
import { assertValid } from '../../domain/validate.js';
import type { TableImportJobRow } from '../../store/schema.js';
import { tableImportJobs } from '../../store/table-import-jobs.js';
import type { Actor, AppContext } from '../context.js';
import { type AccessScope, forbidden } from '../policies/access-scope.js';
import type { Principal } from '../policies/principal.js';
import { type ImportProgress, importProgress } from './import-progress.js';
import { stagedUpload, UPLOAD_TTL_MS } from './staged-uploads.js';

export type ImportJobKind = 'dry_run' | 'apply';
export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a job keeps of its plan besides the report rows (sealed: the absent rows name persons). */
export interface ImportJobResult {
  system: string;
  file: ImportReport['file'];
  planDigest: string;
  previousImportId?: string;
  absent: AbsentRow[];
  newRecords: NewRelatedRecord[];
  importId?: string;
  sourceId?: string;
  /** Rows that wrote something so far. */
  written: number;
  summary?: ImportReport['summary'];
  /** A dry run's: the audit head's seq when its planning began (see stored-plan). */
  auditSeq?: number;
  /** An apply's: it wrote the plan of the dry run it followed instead of planning again. */
  planReused?: boolean;
  /** The dry run job whose stored plan it wrote (none: the synchronous dry run's, in memory). */
  planFrom?: string;
}

/** A job as its owner reads it: what it is, where it is, and its summary once done. */
export interface ImportJobView {
  id: string;
  kind: ImportJobKind;
  status: ImportJobStatus;
  upload: string;
  progress: ImportProgress;
  createdAt: string;
  startedAt?: string;
  updatedAt: string;
  /** The kind of failure, never its message (it may quote a row). */
  error?: string;
  summary?: ImportReport['summary'];
  planDigest?: string;
  importId?: string;
  sourceId?: string;
  /** An apply that wrote the plan of the dry run it followed, nothing having changed since. */
  planReused?: boolean;
}

/** The job's owner, as stored: whose view of the records the job runs with (none: the operator's). */
export interface JobOwner {
  userId: string;
  actor: Actor;
  principal?: Principal;
}

/**
 * Queues a dry run or an apply of a staged upload as a background job. The mapping is checked
 * and the upload must be the owner's and still kept; nothing else is read until the job runs.
 * Jobs that ended more than a day ago are dropped with their reports.
 */
export async function createImportJob(props: {
  ctx: AppContext;
  owner: JobOwner;
  scope: AccessScope;
  kind: ImportJobKind;
  upload: string;
  mapping: unknown;
  sheet?: string;
  planDigest?: string;
}): Promise<ImportJobView> {
  const { ctx, owner } = props;
  if (!props.scope.abilities.writes) throw forbidden();
  const mapping = assertValid<TableMapping>(TableMapping, props.mapping, 'mapping');
  await stagedUpload(ctx, owner.userId, props.upload);
  const id = newId();
  await ctx.store.write(owner.actor.id, async (writer) => {
    // A report names persons: it is kept as long as an upload, then dropped on the way.
    await tableImportJobs.prune(writer.trx, new Date(Date.parse(writer.now) - UPLOAD_TTL_MS).toISOString());
    await tableImportJobs.insert(writer.trx, {
      id,
      user_id: owner.userId,
      principal: JSON.stringify({ actor: owner.actor, principal: owner.principal ?? null }),
      kind: props.kind,
      upload_sha256: props.upload,
      sheet: props.sheet ?? null,
      mapping: JSON.stringify(mapping),
      plan_digest: props.planDigest ?? null,
      status: 'queued',
      phase: 'planning',
      rows_done: 0,
      rows_total: 0,
      checkpoint_row: 0,
      cancel_requested: 0,
      locked_until: null,
      attempts: 0,
      error: null,
      result: null,
      created_at: writer.now,
      started_at: null,
      phase_started_at: null,
      updated_at: writer.now,
    });
    await writer.note({
      action: 'queue',
      collection: 'table_import_jobs',
      recordId: id,
      before: undefined,
      after: { kind: props.kind, upload: props.upload },
    });
  });
  return viewOf(ctx, (await tableImportJobs.byId(ctx.store.handle.db, id)) as TableImportJobRow);
}

/** The job, for its owner or an admin; anyone else is told it does not exist. */
async function ownJob(ctx: AppContext, reader: Principal, id: string): Promise<TableImportJobRow> {
  const row = await tableImportJobs.byId(ctx.store.handle.db, id);
  if (!row || (row.user_id !== reader.userId && reader.role !== 'admin')) throw notFound('import job');
  return row;
}

/** A job and its progress, for its owner or an admin. */
export async function importJob(ctx: AppContext, reader: Principal, id: string): Promise<ImportJobView> {
  return viewOf(ctx, await ownJob(ctx, reader, id));
}

/** A page of a finished (or cancelled) job's report, shaped as the synchronous import's. */
export async function importJobReport(
  ctx: AppContext,
  reader: Principal,
  id: string,
  window: { offset: number; limit: number; outcomes?: RowOutcome[] },
): Promise<ImportReport> {
  return jobReport(ctx, await ownJob(ctx, reader, id), window);
}

/** The report a job stored, a page of its rows at a time. */
export async function jobReport(
  ctx: AppContext,
  row: TableImportJobRow,
  window: { offset: number; limit: number; outcomes?: RowOutcome[] },
): Promise<ImportReport> {
  const result = resultOf(ctx, row);
  if (!result?.summary || !['done', 'cancelled'].includes(row.status))
    throw new VigilError('conflict', 'the job has no report yet: wait until it is done', {
      status: row.status,
    });
  const page = await tableImportJobs.reportPage(ctx.store.handle.db, row.id, window);
  const rows = page.rows.map((r) => ctx.store.cipher.open(r.sealed) as ImportRow);
  return {
    dryRun: row.kind === 'dry_run',
    system: result.system,
    file: result.file,
    summary: result.summary,
    planDigest: result.planDigest,
    ...(result.previousImportId ? { previousImportId: result.previousImportId } : {}),
    ...(result.importId && result.sourceId ? { importId: result.importId, sourceId: result.sourceId } : {}),
    rows,
    rowsOmitted: result.summary.rows - rows.length,
    absent: result.absent,
    newRecords: result.newRecords,
  };
}

/** Asks a queued or running job to stop (between chunks); what an apply wrote so far stays. */
export async function cancelImportJob(
  ctx: AppContext,
  reader: Principal,
  id: string,
): Promise<ImportJobView> {
  await ownJob(ctx, reader, id);
  if (!(await tableImportJobs.requestCancel(ctx.store.handle.db, id, new Date().toISOString())))
    throw new VigilError('conflict', 'the job has already ended');
  return viewOf(ctx, (await tableImportJobs.byId(ctx.store.handle.db, id)) as TableImportJobRow);
}

export function resultOf(ctx: AppContext, row: TableImportJobRow): ImportJobResult | undefined {
  return row.result ? (ctx.store.cipher.open(row.result) as ImportJobResult) : undefined;
}

/** The view of a stored job. */
export function viewOf(ctx: AppContext, row: TableImportJobRow): ImportJobView {
  const result = resultOf(ctx, row);
  const kind = row.kind as ImportJobKind;
  return {
    id: row.id,
    kind,
    status: row.status as ImportJobStatus,
    upload: row.upload_sha256,
    progress: importProgress({
      kind,
      phase: row.phase as ImportProgress['phase'],
      rowsDone: Number(row.rows_done),
      rowsTotal: Number(row.rows_total),
      phaseStartedAt: row.phase_started_at ?? undefined,
      now: row.status === 'running' ? new Date().toISOString() : row.updated_at,
    }),
    createdAt: row.created_at,
    ...(row.started_at ? { startedAt: row.started_at } : {}),
    updatedAt: row.updated_at,
    ...(row.error ? { error: row.error } : {}),
    ...(result?.summary ? { summary: result.summary, planDigest: result.planDigest } : {}),
    ...(result?.importId && result.sourceId ? { importId: result.importId, sourceId: result.sourceId } : {}),
    ...(result?.planReused ? { planReused: true } : {}),
  };
}
