import type { StoredRecord } from '../../domain/collections.js';
import { newId } from '../../domain/ids.js';
import type { MappingTarget } from '../../domain/schemas/table-mapping.js';
import type { TableText } from '../../ingest/tables/table-text.js';
import type { RecordWriter } from '../../store/record-store.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import { insertValidRecord, insertValidRecords } from '../records/record-creator.js';
import { patchInTransaction, patchManyInTransaction } from '../records/record-updater.js';
import { IMPORT_ACTION, ImportClaims } from './import-claims.js';
import type { ImportPlan, PlannedRow } from './import-planner.js';
import { storeImportSource } from './import-source.js';
import type { RelatedRef } from './related-records.js';

/** Victims one act may list (the Act schema's limit); more at one site go into a further act. */
const VICTIMS_PER_ACT = 1000;
/** Rows whose claims are written together. */
const CLAIM_ROWS = 5000;
/** Rows an apply in one transaction writes between two reports of its progress. */
const APPLY_SLICE = 5000;

type Entry = Record<string, unknown>;

/** What the apply wrote. */
export interface AppliedImport {
  importId: string;
  sourceId: string;
}

/** An import being applied: its records, and the units, places and cases created so far. */
export interface ImportInProgress extends AppliedImport {
  created: Map<string, string>;
}

/**
 * Applies a plan inside the caller's transaction, whose every audit entry then carries the
 * import and its source as context: the file is kept as a source (its text a rendering of the
 * table, the original sealed), units, places and cases are created once, persons created and
 * updated in bulk, victims linked to cases and detentions, and every written value gets a claim
 * quoting its cell. A person changed since the plan was made turns his row into a conflict and
 * nothing of it is written. Nothing at all is written when no row changes anything.
 */
export async function applyImportPlan(
  writer: RecordWriter,
  plan: ImportPlan,
  file: { bytes: Buffer; name: string; text: TableText },
  onProgress?: (applied: number, total: number) => void,
): Promise<AppliedImport | undefined> {
  if (!(await planWrites(writer, plan))) return undefined;
  const begun = await beginImport(writer, plan, file);
  let written = 0;
  // A slice at a time so that progress can be told; all in the caller's one transaction.
  for (let i = 0; i < plan.rows.length; i += APPLY_SLICE) {
    written += await applyImportRows(writer, plan, file.text, begun, plan.rows.slice(i, i + APPLY_SLICE));
    onProgress?.(Math.min(i + APPLY_SLICE, plan.rows.length), plan.rows.length);
  }
  await noteImport(writer, plan, begun, written);
  return { importId: begun.importId, sourceId: begun.sourceId };
}

const isLive = (r: PlannedRow) => Boolean(r.changes && r.values && r.report.outcome !== 'conflict');

/** Whether applying the plan would write anything, once rows changed since planning are set aside. */
export async function planWrites(writer: RecordWriter, plan: ImportPlan): Promise<boolean> {
  await markConflicts(writer, plan.rows);
  return plan.rows.some(isLive);
}

/** Starts an import: keeps the file as its source and records the import, with no rows yet. */
export async function beginImport(
  writer: RecordWriter,
  plan: ImportPlan,
  file: { bytes: Buffer; name: string; text: TableText },
): Promise<ImportInProgress> {
  const importId = newId();
  writer.context = { import: importId };
  const source = await storeImportSource(writer, plan, file);
  await tableImportRows.insertImport(writer.trx, {
    id: importId,
    system: plan.system,
    source_id: source.id,
    actor: writer.actor,
    created_at: writer.now,
    doc: JSON.stringify({ file: plan.table.file, mapping: plan.resolved.mapping }),
  });
  return { importId, sourceId: source.id, created: new Map() };
}

/**
 * Writes some rows of a plan into a begun import (all of them at once, or a chunk at a time in
 * the transactions of a background job) and records which person each row resolved to.
 * Returns how many rows wrote something.
 */
export async function applyImportRows(
  writer: RecordWriter,
  plan: ImportPlan,
  text: TableText,
  begun: ImportInProgress,
  rows: PlannedRow[],
): Promise<number> {
  writer.context = { import: begun.importId, source: begun.sourceId };
  const live = rows.filter(isLive);
  const claims = new ImportClaims(plan, text, begun.sourceId);
  const ids = await createRelated(writer, live, plan, claims, begun.created);
  const idOf = (ref: RelatedRef | undefined) => (ref ? (ref.id ?? ids.get(refKey(ref))) : undefined);
  const sourceId = begun.sourceId;

  const created = live.filter((r) => !r.before);
  const inputs = created.map((r) => ({
    ...r.changes?.fields,
    ...personLinks(r, undefined, idOf, sourceId),
  }));
  const persons = await insertValidRecords(writer, 'persons', inputs, IMPORT_ACTION);
  created.forEach((r, i) => {
    r.report.personId = persons[i].id;
  });
  // A row that only links him to a case or a detention leaves the person record as it is.
  const updated = live.filter(
    (r) =>
      r.before &&
      r.changes &&
      (Object.keys(r.changes.fields).length || r.changes.linkUnit || r.changes.status),
  );
  await patchManyInTransaction(
    writer,
    'persons',
    updated.map((r) => ({
      before: r.before as StoredRecord,
      changes: { ...r.changes?.fields, ...personLinks(r, r.before, idOf, sourceId) },
    })),
    IMPORT_ACTION,
  );
  const involve = live.filter((r) => r.changes?.involve);
  await insertValidRecords(
    writer,
    'involvements',
    involve.map((r) => ({ caseId: idOf(r.related.case), personId: r.report.personId, role: 'victim' })),
    IMPORT_ACTION,
  );
  await detain(writer, live, idOf);
  // In slices, so that a big table's claims never sit in memory all at once.
  for (let i = 0; i < live.length; i += CLAIM_ROWS) {
    for (const r of live.slice(i, i + CLAIM_ROWS)) claims.ofRow(r);
    await claims.flush(writer);
  }
  await tableImportRows.insertImportRows(
    writer.trx,
    begun.importId,
    rows.flatMap((r) =>
      r.report.personId && ['created', 'updated', 'unchanged'].includes(r.report.outcome)
        ? [{ row: r.report.row, personId: r.report.personId }]
        : [],
    ),
  );
  return live.length;
}

/** The audit entry of a whole import, once its last row is written. */
export async function noteImport(
  writer: RecordWriter,
  plan: ImportPlan,
  begun: AppliedImport,
  written: number,
): Promise<void> {
  writer.context = { import: begun.importId, source: begun.sourceId };
  await writer.note({
    action: IMPORT_ACTION,
    collection: 'table_imports',
    recordId: begun.importId,
    before: undefined,
    after: {
      system: plan.system,
      sourceId: begun.sourceId,
      fileSha256: plan.table.file.sha256,
      rows: written,
    },
  });
}

/** Rows whose person changed (or went) since the plan read him: reported, not written. */
export async function markConflicts(writer: RecordWriter, rows: PlannedRow[]): Promise<void> {
  const matched = rows.filter((r) => r.before && r.changes);
  const versions = await writer.versions(
    'persons',
    matched.map((r) => (r.before as StoredRecord).id),
  );
  for (const r of matched) {
    const before = r.before as StoredRecord;
    if (versions.get(before.id) === before.version) continue;
    r.report.outcome = 'conflict';
    r.report.problems = [
      {
        code: 'changed_since_planned',
        message:
          'the person was changed (or removed) by someone else since this import was planned; import again',
      },
    ];
    delete r.report.changes;
  }
}

const refKey = (ref: RelatedRef) => `${ref.collection}\u0000${ref.key}`;

/** Creates each new unit, place and case once, with a claim quoting the first cell naming it. */
async function createRelated(
  writer: RecordWriter,
  live: PlannedRow[],
  plan: ImportPlan,
  claims: ImportClaims,
  ids: Map<string, string>,
): Promise<Map<string, string>> {
  const targets: Record<string, MappingTarget> = { unit: 'unit', place: 'detentionPlace', case: 'case' };
  for (const row of live)
    for (const [slot, ref] of Object.entries(row.related) as Array<[string, RelatedRef | undefined]>) {
      if (!ref || ref.id || ids.has(refKey(ref))) continue;
      const record = await insertValidRecord(writer, ref.collection, ref.input, IMPORT_ACTION);
      ids.set(refKey(ref), record.id);
      const column = plan.resolved.columns[targets[slot] as Exclude<MappingTarget, 'otherNames'>];
      const subject = { organizations: 'organization', places: 'place', cases: 'case' }[ref.collection];
      const field = ref.collection === 'cases' ? 'title' : 'name';
      if (column !== undefined) claims.add(subject, record.id, field, ref.label, row, column);
    }
  return ids;
}

/** The person fields that point at other records: his unit, and the status entry with source and place. */
function personLinks(
  row: PlannedRow,
  before: StoredRecord | undefined,
  idOf: (ref: RelatedRef | undefined) => string | undefined,
  sourceId: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const changes = row.changes;
  if (!changes) return out;
  if (changes.linkUnit) out.unitOrganizationId = idOf(row.related.unit);
  if (changes.status) {
    const history = [...((before?.statusHistory as Entry[] | undefined) ?? [])];
    const placeId = idOf(row.related.place);
    const { replaces, ...entry } = changes.status;
    if (replaces !== undefined) history[replaces] = { ...history[replaces], ...(placeId ? { placeId } : {}) };
    else history.push({ ...entry, sourceId, ...(placeId ? { placeId } : {}) });
    out.statusHistory = history;
  }
  return out;
}

/** Adds the persons to the case's detention act at their place, filling acts up to their limit. */
async function detain(
  writer: RecordWriter,
  live: PlannedRow[],
  idOf: (ref: RelatedRef | undefined) => string | undefined,
): Promise<void> {
  const groups = new Map<string, { caseId: string; placeId: string; victims: string[] }>();
  for (const r of live) {
    const caseId = idOf(r.related.case);
    const placeId = idOf(r.related.place);
    if (!r.changes?.detainAt || !caseId || !placeId || !r.report.personId) continue;
    const group = groups.get(`${caseId} ${placeId}`) ?? { caseId, placeId, victims: [] };
    group.victims.push(r.report.personId);
    groups.set(`${caseId} ${placeId}`, group);
  }
  for (const { caseId, placeId, victims } of groups.values()) {
    let waiting = victims;
    const acts = await writer.list('acts', {
      filters: { caseId, type: 'arbitrary_detention', placeId },
      limit: 1000,
    });
    for (const act of acts) {
      const known = (act.victimIds as string[] | undefined) ?? [];
      waiting = waiting.filter((v) => !known.includes(v));
      const room = VICTIMS_PER_ACT - known.length;
      if (room <= 0 || waiting.length === 0) continue;
      await patchInTransaction(
        writer,
        'acts',
        act,
        { victimIds: [...known, ...waiting.slice(0, room)] },
        writer.actor,
        IMPORT_ACTION,
      );
      waiting = waiting.slice(room);
    }
    const inputs = [];
    for (let i = 0; i < waiting.length; i += VICTIMS_PER_ACT)
      inputs.push({
        caseId,
        type: 'arbitrary_detention',
        status: 'alleged',
        placeId,
        victimIds: waiting.slice(i, i + VICTIMS_PER_ACT),
      });
    await insertValidRecords(writer, 'acts', inputs, IMPORT_ACTION);
  }
}
