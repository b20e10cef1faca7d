import { isBirthDate } from '../../domain/partial-date.js';
import type { CONTACT_KINDS, PERSON_STATUSES } from '../../domain/record-vocabularies.js';
import type { RowProblem } from '../../domain/schemas/table-import.js';
import type { MappingTarget } from '../../domain/schemas/table-mapping.js';
import { parseCellDate } from '../../ingest/tables/cell-date.js';
import { statusOf } from '../../ingest/tables/status-words.js';
import { columnLabel, type ResolvedMapping, type SingleTarget } from './resolved-mapping.js';

type PersonStatus = (typeof PERSON_STATUSES)[number];
type ContactKind = (typeof CONTACT_KINDS)[number];

export interface NameValue {
  value: string;
  script: 'cyrillic' | 'latin' | 'other';
}

/** One cell a value was read from, and the value: what a claim quotes and states. */
export interface ReadCell {
  target: MappingTarget;
  column: number;
  value: unknown;
}

/** What one row of the table says about a person, read and checked. */
export interface RowValues {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** Index of the row in the table's rows. */
  index: number;
  /** Primary name first, then the row's other spellings. */
  names: NameValue[];
  externalId?: string;
  birthDate?: string;
  hometown?: string;
  employer?: string;
  exemptionGrounds?: string;
  unit?: string;
  rank?: string;
  status?: PersonStatus;
  statusDate?: string;
  lastContact?: string;
  detentionPlace?: string;
  detentionRegion?: string;
  case?: string;
  contacts: Array<{ kind: ContactKind; value: string }>;
  cells: ReadCell[];
}

const LIMITS: Partial<Record<MappingTarget, number>> = {
  externalId: 200,
  fullName: 300,
  surname: 300,
  givenName: 300,
  patronymic: 300,
  otherNames: 300,
  exemptionGrounds: 2000,
};
const TEXT_FIELDS = [
  'hometown',
  'employer',
  'exemptionGrounds',
  'unit',
  'rank',
  'detentionPlace',
  'detentionRegion',
  'case',
] as const;
const DATE_FIELDS = ['birthDate', 'statusDate', 'lastContact'] as const;
const CONTACT_FIELDS = ['phone', 'email', 'address', 'messenger'] as const;

/** The script a name is written in. */
export function scriptOf(name: string): NameValue['script'] {
  return /[\u0400-\u04ff]/.test(name) ? 'cyrillic' : /[a-z]/i.test(name) ? 'latin' : 'other';
}

const quoted = (text: string) => `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;

/**
 * Reads one data row through the mapping: names, dates in the forms people type, statuses in
 * the list's words, units, places, cases and contacts. Returns undefined for a blank row, else
 * the values and, for each cell that cannot be read, a problem naming the column and the cell.
 */
export function readRow(
  resolved: ResolvedMapping,
  cells: string[],
  index: number,
): { values: RowValues; problems: RowProblem[] } | undefined {
  if (cells.every((c) => c.trim() === '')) return undefined;
  const problems: RowProblem[] = [];
  const read: ReadCell[] = [];
  const text = (target: SingleTarget): string | undefined => {
    const column = resolved.columns[target];
    if (column === undefined) return undefined;
    return cellText(column, target);
  };
  const cellText = (column: number, target: MappingTarget): string | undefined => {
    const value = (cells[column] ?? '').replace(/\s+/g, ' ').trim();
    if (value === '') return undefined;
    const limit = LIMITS[target] ?? 500;
    if (value.length > limit) {
      problems.push({
        code: 'too_long',
        column: columnLabel(resolved, column),
        message: `column '${columnLabel(resolved, column)}' holds more than ${limit} characters`,
      });
      return undefined;
    }
    return value;
  };
  const keep = (target: MappingTarget, column: number | undefined, value: unknown) => {
    if (column !== undefined && value !== undefined) read.push({ target, column, value });
  };
  const values: RowValues = { row: index + 1, index, names: [], contacts: [], cells: read };

  const full = text('fullName');
  keep('fullName', resolved.columns.fullName, full);
  const parts = (['surname', 'givenName', 'patronymic'] as const).map((p) => {
    const value = text(p);
    keep(p, resolved.columns[p], value);
    return value;
  });
  const primary = full ?? parts.filter((p) => p !== undefined).join(' ');
  if (primary) values.names.push({ value: primary, script: scriptOf(primary) });
  for (const column of resolved.otherNames) {
    const other = cellText(column, 'otherNames');
    keep('otherNames', column, other);
    if (other && !values.names.some((n) => n.value === other))
      values.names.push({ value: other, script: scriptOf(other) });
  }
  if (values.names.length === 0)
    problems.push({ code: 'no_name', message: 'the row gives no name', column: nameColumn(resolved) });

  values.externalId = text('externalId');
  keep('externalId', resolved.columns.externalId, values.externalId);
  for (const field of TEXT_FIELDS) {
    values[field] = text(field);
    keep(field, resolved.columns[field], values[field]);
  }
  for (const field of DATE_FIELDS) {
    const raw = text(field);
    if (raw === undefined) continue;
    const parsed = parseCellDate(raw, resolved.dateOrder);
    // A birth date must also be plausible, as the person schema's birth-date format requires.
    const date = field === 'birthDate' && !isBirthDate(parsed) ? undefined : parsed;
    const column = resolved.columns[field] as number;
    if (date === undefined)
      problems.push({
        code: 'not_a_date',
        column: columnLabel(resolved, column),
        message: `column '${columnLabel(resolved, column)}': ${quoted(raw)} is not ${parsed === undefined ? 'a date' : 'a plausible birth date'}`,
      });
    values[field] = date;
    keep(field, column, date);
  }
  const statusText = text('status');
  if (statusText !== undefined) {
    const column = resolved.columns.status as number;
    values.status = statusOf(statusText, resolved.statusWords);
    if (values.status === undefined)
      problems.push({
        code: 'unknown_status',
        column: columnLabel(resolved, column),
        message: `column '${columnLabel(resolved, column)}': ${quoted(statusText)} is not a status Vigil knows; name it in the mapping's statusValues`,
      });
    keep('status', column, values.status);
  } else values.status = resolved.mapping.defaultStatus;
  for (const kind of CONTACT_FIELDS) {
    const value = text(kind);
    keep(kind, resolved.columns[kind], value);
    if (value !== undefined) values.contacts.push({ kind, value });
  }
  return { values, problems };
}

function nameColumn(resolved: ResolvedMapping): string {
  const column = resolved.columns.fullName ?? resolved.columns.surname ?? resolved.columns.givenName;
  return column === undefined ? 'name' : columnLabel(resolved, column);
}
