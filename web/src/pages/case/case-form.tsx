import { CASE_STATUSES, CONFIDENTIALITY_LEVELS } from '../../../../src/domain/record-vocabularies';
import type { Case } from '../../api/types';
import { SavedNow } from '../../components/edit-conflict';
import { useI18n } from '../../i18n/i18n';

export const CONFIDENTIALITY = CONFIDENTIALITY_LEVELS;
/** A date known to the year, the month or the day, as the API takes it. */
export const PARTIAL_DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

export interface CaseValues {
  title: string;
  summary: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  confidentiality: string;
}

const OPTIONAL: Array<keyof CaseValues> = ['summary', 'periodStart', 'periodEnd'];

/** The form's values for a case (or a new one). */
export function caseValuesOf(c?: Case): CaseValues {
  return {
    title: c?.title ?? '',
    summary: c?.summary ?? '',
    status: c?.status ?? 'open',
    periodStart: c?.periodStart ?? '',
    periodEnd: c?.periodEnd ?? '',
    confidentiality: c?.confidentiality ?? 'restricted',
  };
}

/** The fields that differ from the stored case: an emptied optional field is removed (null). */
export function caseChanges(values: CaseValues, stored: Case): Record<string, string | null> {
  const before = caseValuesOf(stored);
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(values) as Array<keyof CaseValues>) {
    const value = key === 'summary' ? values[key] : values[key].trim();
    if (value === before[key]) continue;
    out[key] = value === '' && OPTIONAL.includes(key) ? null : value;
  }
  return out;
}

/** The new case's fields, the optional ones only when given. */
export function newCaseInput(values: CaseValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if (value.trim() !== '') out[key] = key === 'summary' ? value : value.trim();
  return out;
}

/** Title, summary, status, period and confidentiality of a case; `saved` shows what is stored now. */
export function CaseFields({
  values,
  onChange,
  saved,
}: {
  values: CaseValues;
  onChange: (values: CaseValues) => void;
  saved?: CaseValues;
}) {
  const { t, label } = useI18n();
  const set = (key: keyof CaseValues) => (e: { target: { value: string } }) =>
    onChange({ ...values, [key]: e.target.value });
  const shown = (key: keyof CaseValues, group?: string) =>
    saved === undefined ? undefined : group && saved[key] ? label(group, saved[key]) : saved[key];
  const mine = (key: keyof CaseValues, group?: string) => (group ? label(group, values[key]) : values[key]);
  return (
    <>
      <div className="field">
        <label htmlFor="case-title">
          {t('case.title')} <span className="required">{t('form.required')}</span>
        </label>
        <input id="case-title" required maxLength={500} value={values.title} onChange={set('title')} />
        <SavedNow value={mine('title')} shown={shown('title')} />
      </div>
      <div className="field">
        <label htmlFor="case-summary">{t('case.summary')}</label>
        <textarea
          id="case-summary"
          rows={6}
          maxLength={100_000}
          value={values.summary}
          onChange={set('summary')}
        />
        <SavedNow value={mine('summary')} shown={shown('summary')} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="case-status">{t('case.status')}</label>
          <select id="case-status" value={values.status} onChange={set('status')}>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('caseStatus', s)}
              </option>
            ))}
          </select>
          <SavedNow value={mine('status', 'caseStatus')} shown={shown('status', 'caseStatus')} />
        </div>
        <div className="field">
          <label htmlFor="case-confidentiality">{t('case.confidentiality')}</label>
          <select
            id="case-confidentiality"
            value={values.confidentiality}
            onChange={set('confidentiality')}
            aria-describedby="case-confidentiality-hint"
          >
            {CONFIDENTIALITY.map((c) => (
              <option key={c} value={c}>
                {label('confidentiality', c)}
              </option>
            ))}
          </select>
          <span className="hint" id="case-confidentiality-hint">
            {t('case.confidentialityHint')}
          </span>
          <SavedNow
            value={mine('confidentiality', 'confidentiality')}
            shown={shown('confidentiality', 'confidentiality')}
          />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="case-period-start">{t('case.periodStart')}</label>
          <input
            id="case-period-start"
            pattern={PARTIAL_DATE}
            placeholder={t('form.datePlaceholder')}
            aria-describedby="case-period-hint"
            value={values.periodStart}
            onChange={set('periodStart')}
          />
          <SavedNow value={mine('periodStart')} shown={shown('periodStart')} />
        </div>
        <div className="field">
          <label htmlFor="case-period-end">{t('case.periodEnd')}</label>
          <input
            id="case-period-end"
            pattern={PARTIAL_DATE}
            placeholder={t('form.datePlaceholder')}
            aria-describedby="case-period-hint"
            value={values.periodEnd}
            onChange={set('periodEnd')}
          />
          <SavedNow value={mine('periodEnd')} shown={shown('periodEnd')} />
        </div>
      </div>
      <span className="hint" id="case-period-hint">
        {t('form.dateHint')}
      </span>
    </>
  );
}
