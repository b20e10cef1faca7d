import { createHash } from 'node:crypto';
import type { StoredRecord } from '../../domain/collections.js';
import type {
  AbsentRow,
  ImportRow,
  NewRelatedRecord,
  RowProblem,
} from '../../domain/schemas/table-import.js';
import type { ParsedTable } from '../../ingest/tables/read-table.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { ObservedFrequencies } from '../resolution/name-frequencies.js';
import { nameTerms, type PersonFeatures } from '../resolution/person-similarity.js';
import { absentRows } from './absent-rows.js';
import { type PersonChanges, personChanges, type RowRelated } from './person-changes.js';
import { type PersonMatch, PersonMatcher, rowFeatures } from './person-matcher.js';
import { isProblem, RelatedRecords } from './related-records.js';
import { type ResolvedMapping, resolveMapping } from './resolved-mapping.js';
import { type RowValues, readRow } from './row-reader.js';
import { StoredLinksReader } from './stored-links.js';
import { TableRegions } from './table-regions.js';
import { WithinFile } from './within-file.js';

/** One row of the plan: its report line and what applying it writes. */
export interface PlannedRow {
  report: ImportRow;
  values?: RowValues;
  /** The matched person as read when planning (its version is checked again on apply). */
  before?: StoredRecord;
  changes?: PersonChanges;
  related: RowRelated;
}

/** What an import of one table with one mapping would do, row by row; nothing written yet. */
export interface ImportPlan {
  system: string;
  resolved: ResolvedMapping;
  table: ParsedTable;
  rows: PlannedRow[];
  absent: AbsentRow[];
  newRecords: NewRelatedRecord[];
  previousImportId?: string;
  /** Changes when anything in the plan does: an apply can require the plan its dry run showed. */
  digest: string;
}

const CHUNK = 250;
const PARALLEL = 4;

/**
 * Plans an import: reads every row through the mapping, finds the units, places and cases it
 * names, matches it to a stored person (external id, else entity resolution) and works out the
 * field changes; rows that cannot be read are invalid, rows that match unclearly (or the same
 * person as an earlier row) ambiguous. Also finds persons of the list's earlier import whose rows
 * are gone. Reads only: a dry run is this plan.
 */
export async function planImport({
  ctx,
  scope,
  table,
  mapping,
  onProgress,
}: {
  ctx: AppContext;
  scope: AccessScope;
  table: ParsedTable;
  mapping: unknown;
  /** Told after each chunk how many of the table's rows are planned; a throw stops the planning. */
  onProgress?: (planned: number, total: number) => Promise<void>;
}): Promise<ImportPlan> {
  const resolved = resolveMapping(mapping, table.rows);
  const system = resolved.mapping.system;
  const { frequencies, regions } = tableTallies(resolved, table);
  const related = new RelatedRecords(ctx, scope, resolved.mapping, regions);
  const matcher = new PersonMatcher(ctx, scope, system, frequencies);
  const links = new StoredLinksReader(ctx);
  const within = new WithinFile(frequencies);
  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (let start = resolved.headerRow + 1; start < table.rows.length; start += CHUNK) {
    const chunk: Array<{ plan: PlannedRow; values: RowValues; features: PersonFeatures }> = [];
    for (let i = start; i < Math.min(start + CHUNK, table.rows.length); i++) {
      const read = readRow(resolved, table.rows[i], i);
      if (!read) continue;
      const plan: PlannedRow = {
        report: { row: i + 1, outcome: 'invalid' },
        values: read.values,
        related: {},
      };
      if (read.values.names[0]) plan.report.label = read.values.names[0].value;
      const problems = [...read.problems, ...(await relatedOf(related, read.values, plan.related))];
      rows.push(plan);
      if (problems.length) plan.report.problems = problems;
      else chunk.push({ plan, values: read.values, features: rowFeatures(read.values) });
    }
    // On PostgreSQL parts of the chunk run on several pooled connections at once.
    const size = Math.ceil(chunk.length / PARALLEL) || 1;
    const parts = Array.from({ length: Math.ceil(chunk.length / size) }, (_, k) =>
      chunk.slice(k * size, (k + 1) * size),
    );
    const matches = new Map<number, PersonMatch>();
    for (const found of await Promise.all(parts.map((part) => matcher.match(part))))
      for (const [index, match] of found) matches.set(index, match);
    const matched = [...matches.values()].flatMap((m) => (m.kind === 'match' ? [m.person] : []));
    const access = await scope.accessTo(
      'persons',
      matched.map((p) => p.id),
    );
    const stored = await links.of(matched.map((p) => p.id));
    for (const { plan, values, features } of chunk) {
      const match = matches.get(values.index) ?? { kind: 'none' };
      decide(plan, values, features, match, { seen, within, system, access, stored });
    }
    const total = table.rows.length - resolved.headerRow - 1;
    await onProgress?.(Math.min(start + CHUNK, table.rows.length) - resolved.headerRow - 1, total);
  }
  for (const plan of rows)
    for (const ref of Object.values(plan.related)) if (ref && plan.changes) related.use(ref);
  const { absent, previousImportId } = await absentRows(ctx, scope, system, rows);
  const newRecords = related.newRecords();
  return {
    system,
    resolved,
    table,
    rows,
    absent,
    newRecords,
    previousImportId,
    digest: digestOf(rows, absent, newRecords),
  };
}

/**
 * What the whole table says before any row is planned: how common each name part is (a list's
 * own namesakes weigh its name agreements) and which regions it speaks of (they settle places of
 * the same name).
 */
function tableTallies(resolved: ResolvedMapping, table: ParsedTable) {
  const frequencies = new ObservedFrequencies();
  const regions = new TableRegions();
  for (let i = resolved.headerRow + 1; i < table.rows.length; i++) {
    const values = readRow(resolved, table.rows[i], i)?.values;
    if (!values) continue;
    if (values.names.length) frequencies.add(values.names.map((n) => nameTerms(n.value)));
    regions.add(values);
  }
  return { frequencies, regions: regions.ranks() };
}

/** The unit, place and case of a row, or the problems finding them. */
async function relatedOf(related: RelatedRecords, values: RowValues, out: RowRelated): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const found = {
    unit: values.unit === undefined ? undefined : await related.unit(values.unit),
    place:
      values.detentionPlace === undefined
        ? undefined
        : await related.place(values.detentionPlace, values.detentionRegion),
    case: await related.case(values.case),
  };
  for (const [key, ref] of Object.entries(found) as Array<[keyof RowRelated, (typeof found)['unit']]>) {
    if (!ref) continue;
    if (isProblem(ref)) problems.push(ref);
    else out[key] = ref;
  }
  return problems;
}

function decide(
  plan: PlannedRow,
  values: RowValues,
  features: PersonFeatures,
  match: PersonMatch,
  state: {
    seen: Map<string, number>;
    within: WithinFile;
    system: string;
    access: Map<string, { editable: boolean }>;
    stored: Awaited<ReturnType<StoredLinksReader['of']>>;
  },
) {
  const report = plan.report;
  if (match.kind === 'hidden') {
    report.problems = [
      { code: 'not_permitted', message: "the row's id belongs to a record you may not see or change" },
    ];
    return;
  }
  if (match.kind === 'ambiguous') {
    report.outcome = 'ambiguous';
    report.candidates = match.candidates;
    report.problems = [AMBIGUITY[match.code]];
    return;
  }
  if (match.kind === 'match') {
    const person = match.person;
    const earlier = state.seen.get(person.id);
    if (earlier !== undefined) {
      report.outcome = 'ambiguous';
      report.personId = person.id;
      report.problems = [duplicate(earlier)];
      return;
    }
    state.seen.set(person.id, report.row);
    report.personId = person.id;
    report.version = person.version;
    report.match = { by: match.by, score: match.score, reasons: match.reasons };
    if (!state.access.get(person.id)?.editable) {
      report.outcome = 'invalid';
      report.problems = [
        { code: 'not_writable', message: 'the person this row matches is in a case you may not edit' },
      ];
      return;
    }
    const links = state.stored.get(person.id) ?? { victimOf: new Set(), detainedAt: new Set() };
    const changes = personChanges(
      person,
      values,
      plan.related,
      state.system,
      links,
      match.by === 'external_id',
    );
    plan.before = person;
    if (changes.report.length === 0) {
      report.outcome = 'unchanged';
      return;
    }
    plan.changes = changes;
    report.outcome = 'updated';
    report.changes = changes.report;
    return;
  }
  const same = state.within.find(values, features);
  if (same !== undefined) {
    report.outcome = 'ambiguous';
    report.problems = [duplicate(same)];
    return;
  }
  state.within.add(values, features, report.row);
  plan.changes = personChanges(undefined, values, plan.related, state.system, {
    victimOf: new Set(),
    detainedAt: new Set(),
  });
  report.outcome = 'created';
  report.changes = plan.changes.report;
}

const AMBIGUITY: Record<string, RowProblem> = {
  several_candidates: {
    code: 'several_candidates',
    message: 'several stored persons match this row as well as each other; link it by hand',
  },
  weak_match: {
    code: 'weak_match',
    message: 'a stored person has this name, but nothing else confirms it is the same man',
  },
  shared_external_id: {
    code: 'shared_external_id',
    message: 'more than one stored person carries this id of the list',
  },
};

function duplicate(row: number): RowProblem {
  return {
    code: 'duplicate_row',
    message: `row ${row} of this table is the same person; nothing is written for this row`,
  };
}

function digestOf(rows: PlannedRow[], absent: AbsentRow[], newRecords: NewRelatedRecord[]): string {
  const hash = createHash('sha256');
  for (const { report: r } of rows)
    hash.update(
      JSON.stringify([
        r.row,
        r.outcome,
        r.personId ?? null,
        r.version ?? null,
        r.changes ?? null,
        r.problems?.map((p) => p.code) ?? null,
      ]),
    );
  hash.update(JSON.stringify(absent.map((a) => a.personId)));
  hash.update(JSON.stringify(newRecords.map((n) => [n.collection, n.label])));
  return hash.digest('hex');
}
