import { invalid } from '../../domain/errors.js';
import type { PERSON_STATUSES } from '../../domain/record-vocabularies.js';
import {
  type ColumnRef,
  MAPPING_TARGETS,
  type MappingTarget,
  TableMapping,
} from '../../domain/schemas/table-mapping.js';
import { assertValid } from '../../domain/validate.js';
import type { DateOrder } from '../../ingest/tables/cell-date.js';
import { statusKey } from '../../ingest/tables/status-words.js';

type PersonStatus = (typeof PERSON_STATUSES)[number];

/** Targets filled from one column each (other names may come from several). */
export type SingleTarget = Exclude<MappingTarget, 'otherNames'>;

/** A mapping checked against one table: every column found, by its index. */
export interface ResolvedMapping {
  mapping: TableMapping;
  headers: string[];
  /** 0-based index of the header row; data rows follow it. */
  headerRow: number;
  columns: Partial<Record<SingleTarget, number>>;
  otherNames: number[];
  dateOrder: DateOrder;
  statusWords: Map<string, PersonStatus>;
}

const headerKey = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The header a report names a column by: its text, or its number when it has none. */
export function columnLabel(resolved: ResolvedMapping, column: number): string {
  return resolved.headers[column]?.trim() || `column ${column + 1}`;
}

/**
 * Checks a mapping (its schema, and that it names a person) and finds each of its columns in the
 * table's header row. Errors name the mapping's own words, never the table's cells.
 */
export function resolveMapping(input: unknown, rows: string[][]): ResolvedMapping {
  const mapping = assertValid<TableMapping>(TableMapping, input, 'mapping');
  const headerRow = (mapping.headerRow ?? 1) - 1;
  if (headerRow >= rows.length)
    throw invalid(`the table has no row ${headerRow + 1} to read the headers from`);
  const headers = rows[headerRow];
  const width = Math.max(headers.length, ...rows.slice(headerRow, headerRow + 50).map((r) => r.length));
  const keys = headers.map(headerKey);
  const find = (ref: ColumnRef, target: string): number => {
    if (typeof ref === 'number') {
      if (ref > width)
        throw invalid(`mapping: ${target} is column ${ref}, but the table has ${width} columns`, [
          { path: `/columns/${target}`, message: 'no such column' },
        ]);
      return ref - 1;
    }
    const at = keys.indexOf(headerKey(ref));
    if (at < 0)
      throw invalid(`mapping: the table has no column headed "${ref}" (for ${target})`, [
        { path: `/columns/${target}`, message: 'no column with this header' },
      ]);
    return at;
  };
  const columns: Partial<Record<SingleTarget, number>> = {};
  const used = new Map<number, string>();
  const claim = (column: number, target: string) => {
    const other = used.get(column);
    if (other)
      throw invalid(`mapping: ${target} and ${other} read the same column`, [
        { path: `/columns/${target}`, message: 'column already mapped' },
      ]);
    used.set(column, target);
  };
  for (const target of MAPPING_TARGETS) {
    if (target === 'otherNames') continue;
    const ref = mapping.columns[target];
    if (ref === undefined) continue;
    columns[target] = find(ref, target);
    claim(columns[target], target);
  }
  const otherNames = (mapping.columns.otherNames ?? []).map((ref, i) => {
    const at = find(ref, `otherNames[${i}]`);
    claim(at, `otherNames[${i}]`);
    return at;
  });
  const parts = ['surname', 'givenName', 'patronymic'] as const;
  if (columns.fullName === undefined && parts.every((p) => columns[p] === undefined))
    throw invalid('mapping: name a column for fullName, or for surname, givenName and patronymic', [
      { path: '/columns/fullName', message: 'a name column is required' },
    ]);
  if (columns.fullName !== undefined && parts.some((p) => columns[p] !== undefined))
    throw invalid('mapping: map the name either as fullName or as its parts, not both', [
      { path: '/columns/fullName', message: 'conflicts with surname/givenName/patronymic' },
    ]);
  if (columns.statusDate !== undefined && columns.status === undefined && mapping.defaultStatus === undefined)
    throw invalid('mapping: a statusDate needs a status column or a defaultStatus', [
      { path: '/columns/statusDate', message: 'needs status or defaultStatus' },
    ]);
  const statusWords = new Map<string, PersonStatus>();
  for (const [words, status] of Object.entries(mapping.statusValues ?? {}))
    statusWords.set(statusKey(words), status);
  return {
    mapping,
    headers,
    headerRow,
    columns,
    otherNames,
    dateOrder: mapping.dateOrder ?? 'dmy',
    statusWords,
  };
}
