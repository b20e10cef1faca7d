import {
  type ColumnRef,
  type MappingColumns,
  SINGLE_TARGETS,
  type SingleTarget,
  type TableMapping,
} from '../../api/table-import';
import type { I18n, MessageKey } from '../../i18n/i18n';

/** Headers match as the server matches them: case and spacing do not matter. */
const headerKey = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The 0-based column a reference names in these headers, or undefined when there is none. */
export function columnIndex(
  headers: string[],
  ref: ColumnRef | undefined,
  width: number,
): number | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === 'number') return ref >= 1 && ref <= width ? ref - 1 : undefined;
  const at = headers.map(headerKey).indexOf(headerKey(ref));
  return at < 0 ? undefined : at;
}

/**
 * How a mapping names a column: by its header when that is unique (a saved mapping then fits the
 * list's next version even if columns move), else by its number.
 */
export function columnRef(headers: string[], index: number): ColumnRef {
  const header = headers[index] ?? '';
  const key = headerKey(header);
  const unique = key !== '' && headers.filter((h) => headerKey(h) === key).length === 1;
  return unique ? header : index + 1;
}

/** The column's name as the user sees it in a list of choices. */
export function columnName(headers: string[], index: number, t: I18n['t']): string {
  const header = headers[index]?.trim();
  return header ? header : t('import.columnNumber', { n: index + 1 });
}

const NAME_PARTS: SingleTarget[] = ['surname', 'givenName', 'patronymic'];

export interface MappingProblem {
  key: MessageKey;
  target?: SingleTarget | 'otherNames';
  vars?: Record<string, string>;
}

/**
 * What the server would refuse in a mapping, found before it is sent, so the user reads it in
 * their language beside the fields: a name column, one way of giving the name, each column read
 * once, a status for a status date, columns the table has.
 */
export function mappingProblems(mapping: TableMapping, headers: string[], width: number): MappingProblem[] {
  const out: MappingProblem[] = [];
  const cols: MappingColumns = mapping.columns;
  if (!mapping.system.trim()) out.push({ key: 'import.problem.system' });
  const missing = [...SINGLE_TARGETS, 'otherNames' as const].filter((target) => {
    const refs = target === 'otherNames' ? (cols.otherNames ?? []) : [cols[target]];
    return refs.some((ref) => ref !== undefined && columnIndex(headers, ref, width) === undefined);
  });
  for (const target of missing) out.push({ key: 'import.problem.noColumn', target });
  const hasFull = cols.fullName !== undefined;
  const hasParts = NAME_PARTS.some((p) => cols[p] !== undefined);
  if (!hasFull && !hasParts) out.push({ key: 'import.problem.noName', target: 'fullName' });
  if (hasFull && hasParts) out.push({ key: 'import.problem.nameTwice', target: 'fullName' });
  if (cols.statusDate !== undefined && cols.status === undefined && !mapping.defaultStatus)
    out.push({ key: 'import.problem.statusDate', target: 'statusDate' });
  const used = new Map<number, string>();
  const claim = (target: SingleTarget | 'otherNames', ref: ColumnRef | undefined) => {
    const at = columnIndex(headers, ref, width);
    if (at === undefined) return;
    if (used.has(at))
      out.push({
        key: 'import.problem.sameColumn',
        target,
        vars: { column: columnRef(headers, at).toString() },
      });
    else used.set(at, target);
  };
  for (const target of SINGLE_TARGETS) claim(target, cols[target]);
  for (const ref of cols.otherNames ?? []) claim('otherNames', ref);
  return out;
}

/** The mapping with one target's column set (undefined: not imported). */
export function withColumn(
  mapping: TableMapping,
  target: SingleTarget,
  ref: ColumnRef | undefined,
): TableMapping {
  const columns: MappingColumns = { ...mapping.columns };
  if (ref === undefined) delete columns[target];
  else columns[target] = ref;
  return { ...mapping, columns };
}
