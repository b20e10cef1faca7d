import { createHash } from 'node:crypto';
import { invalid, VigilError } from '../../../domain/errors.js';
import type { RecordWriter } from '../../../store/record-store.js';
import type { Actor, AppContext } from '../../context.js';
import { insertValidRecord } from '../../records/record-creator.js';
import { patchInTransaction } from '../../records/record-updater.js';
import type { DateFormat } from './uwazi-cells.js';
import { type PlannedRow, planUwaziImport, type Target } from './uwazi-import-plan.js';
import { changesOf, rowFields, selfLinkFields } from './uwazi-record-input.js';
import { type RowProblem, readUwaziRows, type UwaziFile } from './uwazi-rows.js';
import { UWAZI_TEMPLATES } from './uwazi-templates.js';

/** What became of one row. */
export interface UwaziRowOutcome {
  file: string;
  line: number;
  template: string;
  outcome: 'created' | 'updated' | 'unchanged';
  id: string;
}

export interface UwaziImportResult {
  rows: UwaziRowOutcome[];
  /** Persons and organizations newly linked to cases in a role. */
  involvements: number;
  /** Columns no template property matches, by file. */
  ignored: Record<string, string[]>;
}

/** The refusal of an import: every row problem, and nothing written. */
function refused(problems: RowProblem[], total: number): VigilError {
  const rows = new Set(problems.map((p) => `${p.file}:${p.line}`)).size;
  return invalid(
    `${rows} of ${total} rows cannot be imported; nothing was imported`,
    problems.map((p) => ({ path: `/${p.file}/${p.line}`, message: p.message })),
  );
}

/** Links the persons and organizations of a case row's role columns to the case, unless they are. */
async function addInvolvements(
  writer: RecordWriter,
  plan: PlannedRow,
  caseId: string,
  idOf: (t: Target) => string,
): Promise<number> {
  const existing = await writer.list('involvements', { filters: { caseId }, limit: 100_000 });
  let added = 0;
  for (const link of plan.links) {
    const map = link.map;
    if (map.kind !== 'involved') continue;
    for (const { collection, target } of link.targets) {
      const field = collection === 'persons' ? 'personId' : 'organizationId';
      const id = idOf(target);
      if (existing.some((i) => i.role === map.role && i[field] === id)) continue;
      const record = await insertValidRecord(
        writer,
        'involvements',
        { caseId, role: map.role, [field]: id },
        'import',
      );
      existing.push(record);
      added++;
    }
  }
  return added;
}

/**
 * Creates and updates Vigil records from Uwazi CSV files of the shipped templates (as Vigil's
 * Uwazi export writes them, or as Uwazi's own export does), all or nothing: every row is read and
 * its links resolved by title first; then one transaction writes each record with its audit entry
 * and one entry for the import. Any problem in any row refuses the whole import, listing them all.
 * Rows with the Vigil ID of an existing record update it; links to a case are only ever added.
 */
export async function importUwazi({
  ctx,
  actor,
  files,
  template,
  dateFormat = 'YYYY-MM-DD',
}: {
  ctx: AppContext;
  actor: Actor;
  files: UwaziFile[];
  template?: string;
  dateFormat?: DateFormat;
}): Promise<UwaziImportResult> {
  const read = readUwaziRows(files, template);
  const total = read.rows.length + read.problems.length;
  if (total === 0) throw invalid('the files hold no rows');
  const { plans, problems } = await planUwaziImport(ctx, read.rows, dateFormat);
  if (read.problems.length || problems.length) throw refused([...read.problems, ...problems], total);
  return ctx.store.write(actor.id, async (writer) => {
    const ids: string[] = [];
    const outcomes: UwaziRowOutcome[] = [];
    const failures: RowProblem[] = [];
    let involvements = 0;
    const idOf = (t: Target) => ('id' in t ? t.id : ids[t.row]);
    const attempt = async (plan: PlannedRow, work: () => Promise<void>) => {
      try {
        await work();
      } catch (err) {
        if (!(err instanceof VigilError) || err.kind === 'internal') throw err;
        failures.push({ file: plan.row.file, line: plan.row.line, message: err.message });
      }
    };
    for (const t of UWAZI_TEMPLATES) {
      const mine = plans.map((plan, i) => ({ plan, i })).filter(({ plan }) => plan.row.template === t);
      for (const { plan, i } of mine)
        await attempt(plan, async () => {
          const before = plan.existingId ? await writer.get(plan.collection, plan.existingId) : undefined;
          const fields = rowFields(plan, before, idOf);
          const base = { file: plan.row.file, line: plan.row.line, template: t.name };
          if (!before) {
            ids[i] = (await insertValidRecord(writer, plan.collection, fields, 'import')).id;
            outcomes[i] = { ...base, outcome: 'created', id: ids[i] };
            return;
          }
          ids[i] = before.id;
          const changes = changesOf(before, fields);
          if (Object.keys(changes).length)
            await patchInTransaction(writer, plan.collection, before, changes, actor.id, 'import');
          outcomes[i] = {
            ...base,
            outcome: Object.keys(changes).length ? 'updated' : 'unchanged',
            id: before.id,
          };
        });
      // Links within a collection (parents, related cases) once every row of it has its record.
      for (const { plan, i } of mine) {
        if (!ids[i]) continue;
        await attempt(plan, async () => {
          const before = await writer.get(plan.collection, ids[i]);
          if (!before) return;
          const changes = changesOf(before, selfLinkFields(plan, before, idOf));
          if (!Object.keys(changes).length) return;
          await patchInTransaction(writer, plan.collection, before, changes, actor.id, 'import');
          if (outcomes[i].outcome === 'unchanged') outcomes[i].outcome = 'updated';
        });
        if (plan.collection === 'cases')
          await attempt(plan, async () => {
            involvements += await addInvolvements(writer, plan, ids[i], idOf);
          });
      }
    }
    if (failures.length) throw refused(failures, total);
    const counts = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).length;
    await writer.note({
      action: 'import',
      collection: '*',
      recordId: '*',
      before: undefined,
      after: {
        format: 'uwazi',
        rows: outcomes.length,
        created: counts('created'),
        updated: counts('updated'),
        involvements,
        sha256: files.map((f) => createHash('sha256').update(f.content).digest('hex')),
      },
    });
    return { rows: outcomes, involvements, ignored: read.ignored };
  });
}
