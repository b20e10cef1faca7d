import type { AbsentRow } from '../../domain/schemas/table-import.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import type { PlannedRow } from './import-planner.js';

/**
 * Persons of the list's earlier import whose rows this version no longer has. They are only
 * reported, never deleted or marked released: a row dropped from a volunteer's list is not
 * evidence that the man was freed. A person this version may still hold (a candidate of an
 * ambiguous row, the id of an invalid one) is not reported.
 */
export async function absentRows(
  ctx: AppContext,
  scope: AccessScope,
  system: string,
  rows: PlannedRow[],
): Promise<{ absent: AbsentRow[]; previousImportId?: string }> {
  const { db } = ctx.store.handle;
  const previous = await tableImportRows.latestImport(db, system);
  if (!previous) return { absent: [] };
  const present = new Set<string>();
  for (const { report } of rows) {
    if (report.personId) present.add(report.personId);
    for (const c of report.candidates ?? []) present.add(c.id);
  }
  const invalidIds = rows
    .filter((r) => r.report.outcome === 'invalid' && r.values?.externalId !== undefined)
    .map((r) => r.values?.externalId as string);
  for (const ids of (await tableImportRows.recordsByExternalId(db, 'persons', system, invalidIds)).values())
    for (const id of ids) present.add(id);
  const gone = (await tableImportRows.importRows(db, previous.id)).filter((r) => !present.has(r.personId));
  const persons = await scope.visibleOnly(
    'persons',
    await ctx.store.getMany(
      'persons',
      gone.map((g) => g.personId),
    ),
  );
  const labels = new Map(
    persons.map((p) => [p.id, String((p.names as Array<{ value: string }>)[0]?.value ?? '')]),
  );
  return {
    absent: gone
      .filter((g) => labels.has(g.personId))
      .map((g) => ({ personId: g.personId, label: labels.get(g.personId) as string, row: g.row })),
    previousImportId: previous.id,
  };
}
