import { VigilError } from '../../domain/errors.js';
import type { ImportRow, RowOutcome } from '../../domain/schemas/table-import.js';
import { readTable } from '../../ingest/tables/read-table.js';
import { renderTableText } from '../../ingest/tables/table-text.js';
import { auditHead } from '../../store/audit-log.js';
import { failureOf } from '../../store/job-queue.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { TableImportJobRow } from '../../store/schema.js';
import { type JobUpdate, tableImportJobs } from '../../store/table-import-jobs.js';
import type { Actor, AppContext } from '../context.js';
import { AccessScope } from '../policies/access-scope.js';
import type { Principal } from '../policies/principal.js';
import {
  applyImportRows,
  beginImport,
  type ImportInProgress,
  markConflicts,
  noteImport,
  planWrites,
} from './import-applier.js';
import { IMPORT_ACTION } from './import-claims.js';
import { type ImportJobResult, type ImportJobView, resultOf, viewOf } from './import-jobs.js';
import { type ImportPlan, type PlannedRow, planImport } from './import-planner.js';
import { planKey, takePlan } from './plan-cache.js';
import { dropUpload, type StagedUpload, stagedUpload } from './staged-uploads.js';
import { dryRunPlan, storedRowOf } from './stored-plan.js';

/** How long a claimed job stays this runner's without a sign of life; each chunk renews it. */
const LEASE_MS = 60_000;
const POLL_MS = 500;
/** Rows an apply writes per transaction, with its checkpoint. */
const CHUNK_ROWS = 2000;
const OUTCOMES: RowOutcome[] = ['created', 'updated', 'unchanged', 'ambiguous', 'invalid', 'conflict'];

/** Thrown between chunks to leave a job: stopped (taken up again later) or cancelled by its owner. */
class Interrupted extends Error {
  constructor(readonly why: 'stopped' | 'cancelled') {
    super(why);
  }
}

export interface ImportJobRunnerOptions {
  chunkRows?: number;
  leaseMs?: number;
  /** Told whenever a job's progress is committed. */
  onProgress?: (job: ImportJobView) => void;
}

/**
 * Runs queued table import jobs: plans the table (committing progress every chunk of rows), then
 * for a dry run stores the report, for an apply writes the rows a chunk per transaction with the
 * checkpoint (the last row written) in the same transaction, so that a job taken up again after
 * a stop or a crash goes on after that row and never writes one twice. A cancel is seen between
 * chunks. Any number of runners may share a database: a job is leased to one at a time.
 */
export class ImportJobRunner {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly chunkRows: number;
  private readonly leaseMs: number;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: ImportJobRunnerOptions = {},
  ) {
    this.chunkRows = options.chunkRows ?? CHUNK_ROWS;
    this.leaseMs = options.leaseMs ?? LEASE_MS;
  }

  /** Runs due jobs here until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let ran = 0;
    while (!this.stopping && (await this.runNext())) ran++;
    return ran;
  }

  /** Takes up due jobs in the background until `stop`. */
  start(): void {
    this.stopping = false;
    const tick = () => {
      this.loop = this.drain()
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(tick, POLL_MS);
        });
    };
    tick();
  }

  /** Stops after the current chunk; the job is left for another runner to take up at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loop;
  }

  /** Claims and runs one due job; false when none was due. */
  async runNext(): Promise<boolean> {
    const now = new Date();
    const job = await tableImportJobs.claim(
      this.ctx.store.handle.db,
      now.toISOString(),
      new Date(now.getTime() + this.leaseMs).toISOString(),
    );
    if (!job) return false;
    await this.run(job);
    return true;
  }

  private async run(job: TableImportJobRow): Promise<void> {
    const db = this.ctx.store.handle.db;
    try {
      if (job.kind === 'apply') await this.apply(job);
      else await this.dryRun(job);
    } catch (err) {
      if (err instanceof Interrupted && err.why === 'stopped') {
        // Handed back at once: another runner (or this one, started again) goes on from the checkpoint.
        await tableImportJobs.update(db, job.id, Number(job.attempts), {
          locked_until: new Date(0).toISOString(),
        });
        return;
      }
      const cancelled = err instanceof Interrupted;
      const fresh = (await tableImportJobs.byId(db, job.id)) ?? job;
      await this.ctx.store.write(this.actorOf(job).id, async (writer) => {
        if (cancelled && job.kind === 'apply') await this.finishPartial(writer, fresh);
        await this.commit(writer.trx, job, {
          status: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? null : failureOf(err),
          locked_until: null,
          result: cancelled ? await this.withSummary(writer, fresh) : fresh.result,
        });
      });
    }
    this.report(job.id);
  }

  private async dryRun(job: TableImportJobRow): Promise<void> {
    const upload = await stagedUpload(this.ctx, job.user_id, job.upload_sha256);
    // Read before planning: a write that lands while the table is planned makes the plan stale.
    const head = await auditHead(this.ctx.store.handle.db);
    const plan = await this.plan(job, upload);
    await tableImportJobs.deleteReportRows(this.ctx.store.handle.db, job.id);
    await this.ctx.store.write(this.actorOf(job).id, async (writer) => {
      await this.storeRows(writer, job, plan.rows, true);
      await this.finish(writer, job, {
        ...this.resultFrom(plan),
        written: 0,
        auditSeq: Number(head?.seq ?? 0),
      });
    });
  }

  private async apply(job: TableImportJobRow): Promise<void> {
    const db = this.ctx.store.handle.db;
    const upload = await stagedUpload(this.ctx, job.user_id, job.upload_sha256);
    let state = resultOf(this.ctx, job);
    // A fresh apply writes its dry run's plan when nothing changed since (why that is safe:
    // stored-plan for a dry run job's, plan-cache for a synchronous dry run's in this process).
    const reused = state
      ? undefined
      : ((await dryRunPlan(this.ctx, job, upload)) ?? (await this.syncDryRunPlan(job, upload)));
    const plan = reused?.plan ?? (await this.plan(job, upload));
    const text = renderTableText(plan.table.rows);
    const actor = this.actorOf(job).id;
    if (!state) {
      if (job.plan_digest && job.plan_digest !== plan.digest)
        throw new VigilError('conflict', 'the table, the mapping or the records changed since the dry run');
      const first: ImportJobResult = {
        ...this.resultFrom(plan),
        written: 0,
        ...(reused ? { planReused: true } : {}),
        ...(reused?.dryRunId ? { planFrom: reused.dryRunId } : {}),
      };
      const begun = await this.ctx.store.write(actor, async (writer) => {
        if (!(await planWrites(writer, plan))) {
          if (reused?.dryRunId) await tableImportJobs.dropPlan(writer.trx, reused.dryRunId);
          await this.storeRows(writer, job, plan.rows);
          await this.finish(writer, job, first);
          return undefined;
        }
        const started = await beginImport(writer, plan, {
          bytes: upload.bytes,
          name: upload.name,
          text,
        });
        await this.commit(writer.trx, job, {
          result: this.seal({ ...first, importId: started.importId, sourceId: started.sourceId }),
        });
        return started;
      });
      if (!begun) return;
      state = { ...first, importId: begun.importId, sourceId: begun.sourceId };
    }
    const fresh = (await tableImportJobs.byId(db, job.id)) as TableImportJobRow;
    const checkpoint = Number(fresh.checkpoint_row);
    const begun: ImportInProgress = {
      importId: state.importId as string,
      sourceId: state.sourceId as string,
      created: new Map(),
    };
    const rows = plan.rows.filter((r) => r.report.row > checkpoint);
    let done = plan.rows.length - rows.length;
    const now = new Date().toISOString();
    await this.progress(job, {
      phase: 'applying',
      rows_done: done,
      rows_total: plan.rows.length,
      phase_started_at: now,
      ...(reused && !job.started_at ? { started_at: now } : {}),
    });
    for (let i = 0; i < rows.length; i += this.chunkRows) {
      const chunk = rows.slice(i, i + this.chunkRows);
      const current: ImportJobResult = state;
      await this.ctx.store.write(actor, async (writer) => {
        await markConflicts(writer, chunk);
        current.written += await applyImportRows(writer, plan, text, begun, chunk);
        await this.storeRows(writer, job, chunk);
        await this.commit(writer.trx, job, {
          checkpoint_row: chunk[chunk.length - 1].report.row,
          rows_done: done + chunk.length,
          result: this.seal(current),
        });
      });
      done += chunk.length;
      this.report(job.id);
      if (i + this.chunkRows < rows.length) await this.checkIn(job);
    }
    await this.ctx.store.write(actor, async (writer) => {
      await noteImport(writer, plan, begun, state.written);
      await dropUpload(writer, job.user_id, job.upload_sha256);
      // The dry run's report stays for paging; what its rows would write is no longer needed.
      if (state.planFrom) await tableImportJobs.dropPlan(writer.trx, state.planFrom);
      await this.finish(writer, job, state);
    });
  }

  /** A cancelled apply keeps what it wrote: its import gets its audit entry like a finished one. */
  private async finishPartial(writer: RecordWriter, job: TableImportJobRow): Promise<void> {
    const state = resultOf(this.ctx, job);
    if (!state?.importId || !state.sourceId) return;
    writer.context = { import: state.importId, source: state.sourceId };
    await writer.note({
      action: IMPORT_ACTION,
      collection: 'table_imports',
      recordId: state.importId,
      before: undefined,
      after: { system: state.system, sourceId: state.sourceId, rows: state.written, cancelled: true },
    });
  }

  /** The plan of a synchronous dry run of the same table this process made, if still current. */
  private async syncDryRunPlan(
    job: TableImportJobRow,
    upload: StagedUpload,
  ): Promise<{ plan: ImportPlan; dryRunId?: string } | undefined> {
    const key = planKey(this.scopeOf(job), upload.bytes, JSON.parse(job.mapping), job.sheet ?? undefined);
    const plan = await takePlan(this.ctx, key);
    return plan && { plan };
  }

  private scopeOf(job: TableImportJobRow): AccessScope {
    const owner = JSON.parse(job.principal) as { principal: Principal | null };
    return owner.principal ? AccessScope.of(this.ctx, owner.principal) : AccessScope.system(this.ctx);
  }

  /** Plans the job's table, committing progress (and looking for a stop or cancel) every chunk. */
  private async plan(job: TableImportJobRow, upload: StagedUpload): Promise<ImportPlan> {
    const scope = this.scopeOf(job);
    const mapping = JSON.parse(job.mapping) as { sheet?: string };
    const table = readTable(upload.bytes, { sheet: job.sheet ?? mapping.sheet });
    const now = new Date().toISOString();
    await this.progress(job, {
      phase: 'planning',
      rows_done: 0,
      rows_total: 0,
      phase_started_at: now,
      ...(job.started_at ? {} : { started_at: now }),
    });
    return planImport({
      ctx: this.ctx,
      scope,
      table,
      mapping,
      onProgress: async (planned, total) => {
        await this.progress(job, { rows_done: planned, rows_total: total });
        await this.checkIn(job);
      },
    });
  }

  /** Leaves the job when this runner stops or its owner cancelled it. */
  private async checkIn(job: TableImportJobRow): Promise<void> {
    if (this.stopping) throw new Interrupted('stopped');
    if (await tableImportJobs.cancelRequested(this.ctx.store.handle.db, job.id))
      throw new Interrupted('cancelled');
  }

  private async progress(job: TableImportJobRow, changes: JobUpdate): Promise<void> {
    await this.commit(this.ctx.store.handle.db, job, changes);
    this.report(job.id);
  }

  /** Updates the job and renews its lease; a runner whose job was taken over stops working on it. */
  private async commit(
    db: Parameters<typeof tableImportJobs.update>[0],
    job: TableImportJobRow,
    changes: JobUpdate,
  ): Promise<void> {
    const now = new Date();
    const lease = { locked_until: new Date(now.getTime() + this.leaseMs).toISOString() };
    const ok = await tableImportJobs.update(db, job.id, Number(job.attempts), {
      ...lease,
      ...changes,
      updated_at: now.toISOString(),
    });
    if (!ok) throw new Interrupted('stopped');
  }

  private report(id: string): void {
    const listener = this.options.onProgress;
    if (!listener) return;
    void tableImportJobs
      .byId(this.ctx.store.handle.db, id)
      .then((row) => row && listener(viewOf(this.ctx, row)));
  }

  /** Stores report rows, sealed: they name persons; a dry run's with what applying each writes. */
  private async storeRows(
    writer: RecordWriter,
    job: TableImportJobRow,
    rows: PlannedRow[],
    withPlan = false,
  ): Promise<void> {
    await tableImportJobs.insertReportRows(
      writer.trx,
      rows.map((r) => ({
        job_id: job.id,
        row_number: r.report.row,
        outcome: r.report.outcome,
        sealed: writer.cipher.seal(r.report satisfies ImportRow),
        plan: withPlan ? writer.cipher.seal(storedRowOf(r)) : null,
      })),
    );
  }

  private resultFrom(plan: ImportPlan): Omit<ImportJobResult, 'written'> {
    return {
      system: plan.system,
      file: plan.table.file,
      planDigest: plan.digest,
      ...(plan.previousImportId ? { previousImportId: plan.previousImportId } : {}),
      absent: plan.absent,
      newRecords: plan.newRecords,
    };
  }

  /** Adds the summary, counted from the stored report rows (a resumed apply planned only its rest). */
  private async summarize(
    writer: RecordWriter,
    jobId: string,
    result: ImportJobResult,
  ): Promise<ImportJobResult> {
    const counts = await tableImportJobs.outcomeCounts(writer.trx, jobId);
    const summary = { rows: 0, created: 0, updated: 0, unchanged: 0, ambiguous: 0, invalid: 0, conflict: 0 };
    for (const outcome of OUTCOMES) {
      summary[outcome] = counts.get(outcome) ?? 0;
      summary.rows += summary[outcome];
    }
    return { ...result, summary: { ...summary, absent: result.absent.length } };
  }

  private async withSummary(writer: RecordWriter, job: TableImportJobRow): Promise<string | null> {
    const result = resultOf(this.ctx, job);
    return result ? this.seal(await this.summarize(writer, job.id, result)) : null;
  }

  /** Marks the job done with its summary, in the transaction of its last writes. */
  private async finish(writer: RecordWriter, job: TableImportJobRow, result: ImportJobResult): Promise<void> {
    const sealed = this.seal(await this.summarize(writer, job.id, result));
    await this.commit(writer.trx, job, { status: 'done', result: sealed, locked_until: null });
  }

  private seal(result: ImportJobResult): string {
    return this.ctx.store.cipher.seal(result);
  }

  private actorOf(job: TableImportJobRow): Actor {
    return (JSON.parse(job.principal) as { actor: Actor }).actor;
  }
}
