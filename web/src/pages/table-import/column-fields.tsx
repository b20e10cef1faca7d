import type { SingleTarget, TableMapping } from '../../api/table-import';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { columnIndex, columnName, columnRef, type MappingProblem, withColumn } from './mapping-columns';

/** The targets in the groups the form shows them in. */
const GROUPS: Array<{ legend: MessageKey; hint?: MessageKey; targets: SingleTarget[] }> = [
  {
    legend: 'import.group.identity',
    hint: 'import.group.identityHint',
    targets: ['externalId', 'fullName', 'surname', 'givenName', 'patronymic'],
  },
  {
    legend: 'import.group.details',
    targets: ['birthDate', 'hometown', 'employer', 'exemptionGrounds', 'unit', 'rank'],
  },
  {
    legend: 'import.group.status',
    targets: ['status', 'statusDate', 'lastContact', 'detentionPlace', 'detentionRegion', 'case'],
  },
  {
    legend: 'import.group.contacts',
    hint: 'import.group.contactsHint',
    targets: ['phone', 'email', 'address', 'messenger'],
  },
];

/** A first value of the column, so that columns with unclear headers can be told apart. */
function sampleOf(rows: string[][], index: number): string {
  const value = rows.map((r) => r[index]?.trim() ?? '').find((v) => v !== '') ?? '';
  return value.length > 32 ? `${value.slice(0, 31)}…` : value;
}

/**
 * The column-mapping step: for each field of the person (and of his unit, place and case) the
 * column that fills it, or none; the name in other scripts from any number of columns. Each
 * choice shows the column's first value; problems show under the field they concern.
 */
export function ColumnFields({
  mapping,
  headers,
  rows,
  width,
  problems,
  onChange,
}: {
  mapping: TableMapping;
  headers: string[];
  rows: string[][];
  width: number;
  problems: MappingProblem[];
  onChange: (mapping: TableMapping) => void;
}) {
  const { t } = useI18n();
  const columns = Array.from({ length: width }, (_, i) => i);
  const choice = (i: number) => {
    const sample = sampleOf(rows, i);
    return sample ? `${columnName(headers, i, t)} — ${sample}` : columnName(headers, i, t);
  };
  const problemText = (p: MappingProblem) => t(p.key, p.vars);
  const others = new Set(
    (mapping.columns.otherNames ?? [])
      .map((ref) => columnIndex(headers, ref, width))
      .filter((i): i is number => i !== undefined),
  );
  const toggleOther = (i: number) => {
    const next = others.has(i) ? [...others].filter((o) => o !== i) : [...others, i].sort((a, b) => a - b);
    const otherNames = next.map((o) => columnRef(headers, o));
    const { otherNames: _dropped, ...rest } = mapping.columns;
    onChange({ ...mapping, columns: otherNames.length ? { ...rest, otherNames } : rest });
  };
  return (
    <>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="mapping-group">
          <legend>{t(group.legend)}</legend>
          {group.hint && <p className="hint">{t(group.hint)}</p>}
          <div className="field-row">
            {group.targets.map((target) => {
              const id = `map-${target}`;
              const mine = problems.filter((p) => p.target === target);
              const at = columnIndex(headers, mapping.columns[target], width);
              return (
                <div className="field" key={target}>
                  <label htmlFor={id}>{t(`import.target.${target}` as MessageKey)}</label>
                  <select
                    id={id}
                    value={at === undefined ? '' : String(at)}
                    aria-invalid={mine.length > 0 || undefined}
                    aria-describedby={mine.length ? `${id}-problem` : undefined}
                    onChange={(e) =>
                      onChange(
                        withColumn(
                          mapping,
                          target,
                          e.target.value === '' ? undefined : columnRef(headers, Number(e.target.value)),
                        ),
                      )
                    }
                  >
                    <option value="">{t('import.notImported')}</option>
                    {columns.map((i) => (
                      <option key={i} value={String(i)}>
                        {choice(i)}
                      </option>
                    ))}
                  </select>
                  {mine.length > 0 && (
                    <span className="field-problem" id={`${id}-problem`}>
                      {mine.map(problemText).join(' ')}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          {group.legend === 'import.group.identity' && (
            <fieldset className="other-names">
              <legend>{t('import.target.otherNames')}</legend>
              <p className="hint">{t('import.otherNamesHint')}</p>
              {columns.map((i) => (
                <label key={i} className="facet">
                  <input type="checkbox" checked={others.has(i)} onChange={() => toggleOther(i)} />{' '}
                  {columnName(headers, i, t)}
                </label>
              ))}
            </fieldset>
          )}
        </fieldset>
      ))}
    </>
  );
}
