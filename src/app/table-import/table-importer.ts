import { setTimeout as sleep } from 'node:timers/promises';
import { VigilError } from '../../domain/errors.js';
import type { ImportReport, RowOutcome } from '../../domain/schemas/table-import.js';
import { TableMapping } from '../../domain/schemas/table-mapping.js';
import { assertValid } from '../../domain/validate.js';
import { readTable } from '../../ingest/tables/read-table.js';
import { renderTableText } from '../../ingest/tables/table-text.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Actor, AppContext } from '../context.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../ingest/source-ingester.js';
import { type AccessScope, forbidden } from '../policies/access-scope.js';
import { type AppliedImport, applyImportPlan } from './import-applier.js';
import { type ImportPlan, planImport } from './import-planner.js';
import { type ImportProgress, importProgress } from './import-progress.js';
import { cachedPlan, forgetPlan, planKey } from './plan-cache.js';

/** Which rows of the report to return: some outcomes only, a page of them. */
export interface ReportWindow {
  outcomes?: RowOutcome[];
  offset?: number;
  limit?: number;
}

export interface ImportTableProps {
  ctx: AppContext;
  actor: Actor;
  /** Whose view of the records applies: matched persons must be visible and writable to it. */
  scope: AccessScope;
  /** The CSV or .xlsx file. */
  bytes: Buffer;
  /** Its name, for the source's title. */
  fileName: string;
  mapping: TableMapping;
  /** The sheet to read; the mapping's, else the first. */
  sheet?: string;
  /** Plan and report only; nothing is written. */
  dryRun: boolean;
  /** The dry run's digest: the apply is refused if the plan differs from what it showed. */
  planDigest?: string;
  window?: ReportWindow;
  maxBytes?: number;
  /** Drills only: wait this long inside the transaction before it commits. */
  pauseBeforeCommitMs?: number;
  /** Told as rows are planned and then applied. */
  onProgress?: (progress: ImportProgress) => void;
  /** More work in the import's transaction once it has written (dropping the staged upload). */
  onApplied?: (writer: RecordWriter) => Promise<void>;
}

/**
 * Imports a table (CSV or .xlsx) through a mapping: a dry run reports per row what would be
 * created, updated (with the field changes), left unchanged, or not imported (ambiguous,
 * invalid) and writes nothing; an apply does it in one transaction and returns the same report.
 * A malformed file or mapping is refused before anything is read or written.
 */
export async function importTable(props: ImportTableProps): Promise<ImportReport> {
  const { ctx, actor, scope, bytes } = props;
  if (!scope.abilities.writes) throw forbidden();
  const maxBytes = props.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (bytes.length > maxBytes)
    throw new VigilError('too_large', `the file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`);
  const mapping = assertValid<TableMapping>(TableMapping, props.mapping, 'mapping');
  const key = planKey(scope, bytes, mapping, props.sheet);
  const tell = progressTeller(props.dryRun ? 'dry_run' : 'apply', props.onProgress);
  const plan = await cachedPlan(ctx, key, () =>
    planImport({
      ctx,
      scope,
      table: readTable(bytes, { sheet: props.sheet ?? mapping.sheet }),
      mapping,
      onProgress: async (planned, total) => tell('planning', planned, total),
    }),
  );
  if (props.dryRun) return reportOf(plan, true, undefined, props.window);
  if (props.planDigest !== undefined && props.planDigest !== plan.digest)
    throw new VigilError(
      'conflict',
      'the table, the mapping or the records changed since the dry run; run the dry run again',
      { planDigest: plan.digest },
    );
  const text = renderTableText(plan.table.rows);
  forgetPlan(ctx, key);
  tell('applying', 0, plan.rows.length);
  const applied = await ctx.store.write(actor.id, async (writer) => {
    const done = await applyImportPlan(
      writer,
      plan,
      { bytes, name: props.fileName, text },
      (applied, total) => tell('applying', applied, total),
    );
    if (done && props.onApplied) await props.onApplied(writer);
    if (props.pauseBeforeCommitMs) await sleep(props.pauseBeforeCommitMs);
    return done;
  });
  return reportOf(plan, false, applied, props.window);
}

/** Turns counts of rows planned or applied into progress (percent, rate, time left) for a listener. */
function progressTeller(kind: 'dry_run' | 'apply', listener: ((p: ImportProgress) => void) | undefined) {
  let phase: ImportProgress['phase'] = 'planning';
  let phaseStartedAt = new Date().toISOString();
  return (now: ImportProgress['phase'], rowsDone: number, rowsTotal: number) => {
    if (!listener) return;
    if (now !== phase) {
      phase = now;
      phaseStartedAt = new Date().toISOString();
    }
    listener(
      importProgress({ kind, phase, rowsDone, rowsTotal, phaseStartedAt, now: new Date().toISOString() }),
    );
  };
}

/** The report of a plan (dry run) or of what its apply did. */
function reportOf(
  plan: ImportPlan,
  dryRun: boolean,
  applied: AppliedImport | undefined,
  window: ReportWindow = {},
): ImportReport {
  const summary = {
    rows: plan.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    ambiguous: 0,
    invalid: 0,
    conflict: 0,
    absent: plan.absent.length,
  };
  for (const r of plan.rows) summary[r.report.outcome]++;
  const wanted = window.outcomes ? new Set(window.outcomes) : undefined;
  const chosen = plan.rows.map((r) => r.report).filter((r) => !wanted || wanted.has(r.outcome));
  const offset = window.offset ?? 0;
  const rows = chosen.slice(offset, window.limit === undefined ? undefined : offset + window.limit);
  return {
    dryRun,
    system: plan.system,
    file: plan.table.file,
    summary,
    planDigest: plan.digest,
    ...(plan.previousImportId ? { previousImportId: plan.previousImportId } : {}),
    ...(applied ? { importId: applied.importId, sourceId: applied.sourceId } : {}),
    rows,
    rowsOmitted: plan.rows.length - rows.length,
    absent: plan.absent,
    newRecords: plan.newRecords,
  };
}
