import { type FormEvent, useState } from 'react';
import { api, download } from '../../api/client';
import type { Case, Page as ListPage } from '../../api/types';
import { BusyNote } from '../../components/busy-note';
import { ErrorMessage } from '../../components/status';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-api';
import { PARTIAL_DATE } from '../case/case-form';
import { validDate } from '../search/facet-panel';
import {
  EXPORT_FORMATS,
  EXPORT_TYPES,
  type ExportChoice,
  type ExportFormat,
  exportRequest,
} from './export-filters';
import { SearchFacets } from './search-facets';

/**
 * The export form: a format (each said in one line: what it is for), what to export (search words,
 * record types, a case, a date range, and the facets of a search the user came from), then the
 * file, saved under the name the server gives it. Contacts and sensitive text follow the role.
 */
export function ExportForm({ initial, fromSearch }: { initial: ExportChoice; fromSearch: boolean }) {
  const { t, label } = useI18n();
  const { info } = useSession();
  const [format, setFormat] = useState<ExportFormat>(fromSearch ? 'zip' : 'json');
  const [choice, setChoice] = useState<ExportChoice>(initial);
  const [csvType, setCsvType] = useState(initial.types[0] ?? 'persons');
  const [saved, setSaved] = useState('');
  const action = useAction();
  const cases = useLoad(
    (signal) => api<ListPage<Case>>('GET', '/api/cases', { query: { limit: 500 }, signal }),
    [],
  );
  const caseList = [...(cases.data?.items ?? [])].sort((a, b) => a.title.localeCompare(b.title));
  const badDates = [choice.from, choice.to].some((d) => d.trim() !== '' && !validDate(d));
  const set = (change: Partial<ExportChoice>) => {
    setChoice({ ...choice, ...change });
    setSaved('');
  };
  const toggleType = (type: string) =>
    set({
      types: choice.types.includes(type) ? choice.types.filter((x) => x !== type) : [...choice.types, type],
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (badDates) return;
    setSaved('');
    const name = await action.run(() =>
      download('/api/exports', exportRequest(format, choice, csvType), 'vigil-export'),
    );
    if (name) setSaved(t('export.saved', { name }));
  };
  return (
    <form onSubmit={submit} className="export-form">
      <fieldset>
        <legend>{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <div className="field check" key={f}>
            <input
              id={`export-format-${f}`}
              type="radio"
              name="export-format"
              checked={format === f}
              aria-describedby={`export-format-${f}-hint`}
              onChange={() => setFormat(f)}
            />
            <label htmlFor={`export-format-${f}`}>
              {t(`export.format.${f}` as MessageKey)}
              <span className="hint" id={`export-format-${f}-hint`}>
                {t(`export.formatHint.${f}` as MessageKey)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <p className="notice">{t('export.sensitive', { role: info ? label('role', info.user.role) : '' })}</p>
      <fieldset>
        <legend>{t('export.what')}</legend>
        <div className="field">
          <label htmlFor="export-q">{t('export.q')}</label>
          <input
            id="export-q"
            type="search"
            maxLength={500}
            value={choice.q}
            aria-describedby="export-q-hint"
            onChange={(e) => set({ q: e.target.value })}
          />
          <span className="hint" id="export-q-hint">
            {t('export.qHint')}
          </span>
        </div>
        {format === 'csv' ? (
          <div className="field">
            <label htmlFor="export-csv-type">{t('export.csvType')}</label>
            <select id="export-csv-type" value={csvType} onChange={(e) => setCsvType(e.target.value)}>
              {EXPORT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {label('collection', type)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <fieldset className="export-types">
            <legend>{t('export.types')}</legend>
            <p className="hint">{t('export.typesHint')}</p>
            {EXPORT_TYPES.map((type) => (
              <label key={type} className="facet">
                <input
                  type="checkbox"
                  checked={choice.types.includes(type)}
                  onChange={() => toggleType(type)}
                />{' '}
                {label('collection', type)}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="export-case">{t('export.case')}</label>
          <select id="export-case" value={choice.caseId} onChange={(e) => set({ caseId: e.target.value })}>
            <option value="">{t('export.anyCase')}</option>
            {caseList.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {cases.data?.nextCursor && (
            <span className="hint">{t('export.casesListed', { n: caseList.length })}</span>
          )}
        </div>
        <div className="field-row">
          {(['from', 'to'] as const).map((end) => (
            <div className="field" key={end}>
              <label htmlFor={`export-${end}`}>{t(end === 'from' ? 'search.from' : 'search.to')}</label>
              <input
                id={`export-${end}`}
                pattern={PARTIAL_DATE}
                placeholder={t('form.datePlaceholder')}
                aria-describedby="export-dates-hint"
                aria-invalid={choice[end].trim() !== '' && !validDate(choice[end]) ? true : undefined}
                value={choice[end]}
                onChange={(e) => set({ [end]: e.target.value })}
              />
            </div>
          ))}
        </div>
        <span className="hint" id="export-dates-hint">
          {t('export.datesHint')}
        </span>
        <SearchFacets choice={choice} onChange={set} />
      </fieldset>
      {cases.error !== undefined && <ErrorMessage error={cases.error} onRetry={cases.reload} />}
      {badDates && (
        <p className="error" role="alert">
          {t('form.dateHint')}
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {action.busy && <BusyNote text={t('export.preparing')} />}
      <button type="submit" className="primary" disabled={action.busy}>
        {t('export.download')}
      </button>
      <p className="status" role="status" aria-live="polite">
        {saved}
      </p>
    </form>
  );
}
