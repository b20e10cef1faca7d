import type { ImportRow } from '../../domain/schemas/table-import.js';
import type { MappingTarget } from '../../domain/schemas/table-mapping.js';
import { readTable } from '../../ingest/tables/read-table.js';
import { changedSince } from '../../store/audit-log.js';
import type { TableImportJobRow } from '../../store/schema.js';
import { tableImportJobs } from '../../store/table-import-jobs.js';
import type { AppContext } from '../context.js';
import { resultOf } from './import-jobs.js';
import type { ImportPlan, PlannedRow } from './import-planner.js';
import type { PersonChanges, RowRelated } from './person-changes.js';
import { IMPORT_BOOKKEEPING } from './plan-cache.js';
import { resolveMapping } from './resolved-mapping.js';
import { readRow } from './row-reader.js';
import type { StagedUpload } from './staged-uploads.js';

const PAGE = 5000;

/** What a dry run keeps of a planned row besides its report line (the rest is read again). */
interface StoredRow {
  changes?: Omit<PersonChanges, 'written'> & { written: MappingTarget[] };
  related: RowRelated;
  /** The matched person whose fields the row changes; his version is in the report line. */
  personId?: string;
}

/** What applying a planned row writes, for a dry run job to keep beside its report line. */
export function storedRowOf(row: PlannedRow): StoredRow {
  return {
    ...(row.changes ? { changes: { ...row.changes, written: [...row.changes.written] } } : {}),
    related: row.related,
    // Only a row that writes to its person needs him (and his version checked) on apply.
    ...(row.before && row.changes ? { personId: row.before.id } : {}),
  };
}

/**
 * The plan of the dry run job that an apply job follows (same owner and view, upload, sheet and
 * mapping), or undefined when it must plan again. Why taking it over is safe: a plan depends only
 * on the table, the mapping, whose view it ran with (all three part of the match) and the records
 * it read; every write to a record appends an audit entry in its own transaction, in the order of
 * the entries' `seq`, and the dry run noted the audit head before it began planning. So when no
 * entry after that head is about anything but the import's own bookkeeping, the database reads
 * the same as it did while planning, and planning again would give this plan. A write that lands
 * after this check is caught as it is today: the applier turns the row of a person whose version
 * changed since planning into a conflict. The matched persons are read again (they are not kept
 * twice) and must still be at the version the dry run saw, else the plan is not taken.
 */
export async function dryRunPlan(
  ctx: AppContext,
  job: TableImportJobRow,
  upload: StagedUpload,
): Promise<{ plan: ImportPlan; dryRunId: string } | undefined> {
  const db = ctx.store.handle.db;
  const dry = await tableImportJobs.latestDryRun(db, job);
  const result = dry && resultOf(ctx, dry);
  if (!dry || result?.auditSeq === undefined) return undefined;
  if (job.plan_digest && job.plan_digest !== result.planDigest) return undefined;
  if (await changedSince(db, result.auditSeq, IMPORT_BOOKKEEPING)) return undefined;
  const mapping = JSON.parse(job.mapping) as { sheet?: string };
  const table = readTable(upload.bytes, { sheet: job.sheet ?? mapping.sheet });
  const resolved = resolveMapping(mapping, table.rows);
  const rows: PlannedRow[] = [];
  for (let after = 0; ; ) {
    const page = await tableImportJobs.rowsAfter(db, dry.id, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].row_number;
    const planned = page.map((r) => {
      if (r.plan === null) return undefined;
      const report = ctx.store.cipher.open(r.sealed) as ImportRow;
      const stored = ctx.store.cipher.open(r.plan) as StoredRow;
      const values = readRow(resolved, table.rows[report.row - 1], report.row - 1)?.values;
      const row: PlannedRow = { report, related: stored.related, ...(values ? { values } : {}) };
      if (stored.changes) row.changes = { ...stored.changes, written: new Set(stored.changes.written) };
      return { row, personId: stored.personId };
    });
    const ids = planned.flatMap((p) => (p?.personId ? [p.personId] : []));
    const persons = new Map((await ctx.store.getMany('persons', ids)).map((p) => [p.id, p]));
    for (const p of planned) {
      if (!p) return undefined;
      if (p.personId) {
        const person = persons.get(p.personId);
        if (!person || person.version !== p.row.report.version) return undefined;
        p.row.before = person;
      }
      rows.push(p.row);
    }
  }
  const plan: ImportPlan = {
    system: result.system,
    resolved,
    table,
    rows,
    absent: result.absent,
    newRecords: result.newRecords,
    ...(result.previousImportId ? { previousImportId: result.previousImportId } : {}),
    digest: result.planDigest,
  };
  return { plan, dryRunId: dry.id };
}
