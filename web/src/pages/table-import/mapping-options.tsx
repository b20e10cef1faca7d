import { PERSON_STATUSES } from '../../../../src/domain/record-vocabularies';
import type { TableMapping } from '../../api/table-import';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { CONFIDENTIALITY } from '../case/case-form';
import type { MappingProblem } from './mapping-columns';
import { StatusWords } from './status-words';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = [1, 2, 3, 4, 5, 6];

/** Drops a key whose value is now empty, so the mapping carries only what was chosen. */
function withOption<K extends keyof TableMapping>(
  mapping: TableMapping,
  key: K,
  value: TableMapping[K] | undefined,
): TableMapping {
  const next = { ...mapping };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/**
 * What the mapping says about the list as a whole: its name (which ties its versions together),
 * how its dates and status words read, the case of rows without one, and how far its facts and
 * the list itself are to be trusted.
 */
export function MappingOptions({
  mapping,
  problems,
  onChange,
}: {
  mapping: TableMapping;
  problems: MappingProblem[];
  onChange: (mapping: TableMapping) => void;
}) {
  const { t, label } = useI18n();
  const systemProblem = problems.find((p) => p.key === 'import.problem.system');
  const kase = mapping.case ?? {};
  const setCase = (change: Partial<NonNullable<TableMapping['case']>>) => {
    const next = Object.fromEntries(
      Object.entries({ ...kase, ...change }).filter(([, v]) => v !== undefined && v !== ''),
    );
    onChange(withOption(mapping, 'case', Object.keys(next).length ? next : undefined));
  };
  return (
    <fieldset className="mapping-group">
      <legend>{t('import.group.list')}</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor="map-system">
            {t('import.system')} <span className="required">{t('form.required')}</span>
          </label>
          <input
            id="map-system"
            required
            maxLength={100}
            value={mapping.system}
            aria-invalid={systemProblem ? true : undefined}
            aria-describedby="map-system-hint"
            onChange={(e) => onChange({ ...mapping, system: e.target.value })}
          />
          <span className="hint" id="map-system-hint">
            {t('import.systemHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="map-date-order">{t('import.dateOrder')}</label>
          <select
            id="map-date-order"
            value={mapping.dateOrder ?? 'dmy'}
            onChange={(e) =>
              onChange(withOption(mapping, 'dateOrder', e.target.value === 'mdy' ? 'mdy' : undefined))
            }
          >
            <option value="dmy">{t('import.dateOrder.dmy')}</option>
            <option value="mdy">{t('import.dateOrder.mdy')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-default-status">{t('import.defaultStatus')}</label>
          <select
            id="map-default-status"
            value={mapping.defaultStatus ?? ''}
            onChange={(e) => onChange(withOption(mapping, 'defaultStatus', e.target.value))}
          >
            <option value="">{t('import.none')}</option>
            {PERSON_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('personStatus', s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <StatusWords
        values={mapping.statusValues ?? {}}
        onChange={(values) =>
          onChange(withOption(mapping, 'statusValues', Object.keys(values).length ? values : undefined))
        }
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor="map-case-title">{t('import.caseTitle')}</label>
          <input
            id="map-case-title"
            maxLength={500}
            value={kase.title ?? ''}
            aria-describedby="map-case-hint"
            onChange={(e) => setCase({ title: e.target.value })}
          />
          <span className="hint" id="map-case-hint">
            {t('import.caseHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="map-case-conf">{t('import.caseConfidentiality')}</label>
          <select
            id="map-case-conf"
            value={kase.confidentiality ?? 'restricted'}
            onChange={(e) =>
              setCase({ confidentiality: e.target.value === 'restricted' ? undefined : e.target.value })
            }
          >
            {CONFIDENTIALITY.map((c) => (
              <option key={c} value={c}>
                {label('confidentiality', c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="map-credibility">{t('import.credibility')}</label>
          <select
            id="map-credibility"
            value={String(mapping.credibility ?? 3)}
            onChange={(e) =>
              onChange(
                withOption(
                  mapping,
                  'credibility',
                  e.target.value === '3' ? undefined : Number(e.target.value),
                ),
              )
            }
          >
            {CREDIBILITY.map((c) => (
              <option key={c} value={String(c)}>
                {t(`import.credibility.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-reliability">{t('import.reliability')}</label>
          <select
            id="map-reliability"
            value={mapping.reliability ?? ''}
            onChange={(e) => onChange(withOption(mapping, 'reliability', e.target.value))}
          >
            <option value="">{t('import.none')}</option>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {t(`import.reliability.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
