import { useState } from 'react';
import { LETTER_FORMATS, LETTER_TYPES, type LetterType } from '../../../../src/domain/appeals/letter-context';
import { api, download } from '../../api/client';
import type { AppealAdvice, CaseOverview, Intervention } from '../../api/types';
import { ErrorMessage, Loaded } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { inOrder } from '../../lib/in-order';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-api';
import { AppealConcerned } from './appeal-concerned';

type Appeal = CaseOverview['appeals'][number];

/** The letter that usually goes with each kind of appeal. */
const LETTER_FOR_KIND: Record<string, LetterType> = {
  inquiry: 'inquiry_whereabouts',
  crime_report: 'crime_report',
  complaint: 'complaint_inaction',
  petition: 'ombudsman_request',
  tracing_request: 'icrc_tracing_request',
  un_communication: 'un_wgad_urgent_action',
};
const FORMATS = inOrder(LETTER_FORMATS, ['pdf', 'docx', 'text']);

/** Today in this browser's zone, as YYYY-MM-DD (the server refuses dates after its own today). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What a case worker does with an appeal: records its next status with the date it happened,
 * reads the deadline and the next steps the law offers, chooses whom the appeal concerns, and
 * downloads the letter.
 */
export function AppealActions({
  appeal,
  involvements,
  onChanged,
}: {
  appeal: Appeal;
  /** The case's links, whose persons and groups the appeal may concern. */
  involvements: CaseOverview['involvements'];
  onChanged: () => void;
}) {
  const { t, label, lang, date } = useI18n();
  const [on, setOn] = useState(today);
  const move = useAction();
  const [letterType, setLetterType] = useState(LETTER_FOR_KIND[appeal.kind] ?? LETTER_TYPES[0]);
  const [format, setFormat] = useState('pdf');
  const [savedAs, setSavedAs] = useState('');
  const letter = useAction();
  const advice = useLoad(
    (signal) => api<AppealAdvice>('GET', `/api/interventions/${appeal.id}/next-steps`, { signal }),
    [appeal.id, appeal.version],
  );
  const record = async (to: string) => {
    const done = await move.run(() =>
      api<Intervention>('POST', `/api/interventions/${appeal.id}/transitions`, {
        body: { version: appeal.version, to, on },
      }),
    );
    if (done) onChanged();
  };
  const write = async () => {
    setSavedAs('');
    const name = await letter.run(() =>
      download(`/api/interventions/${appeal.id}/letter`, { type: letterType, format }, 'vigil-letter'),
    );
    if (name) setSavedAs(name);
  };
  const id = `appeal-${appeal.id}`;
  return (
    <div className="appeal-actions">
      {appeal.nextStatuses.length > 0 && (
        <fieldset>
          <legend>{t('appeal.record')}</legend>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={`${id}-on`}>{t('appeal.on')}</label>
              <input
                id={`${id}-on`}
                type="date"
                max={today()}
                value={on}
                onChange={(e) => setOn(e.target.value)}
              />
            </div>
            {appeal.nextStatuses.map((s) => (
              <button key={s} type="button" onClick={() => void record(s)} disabled={move.busy || !on}>
                {label('appealMove', s)}
              </button>
            ))}
          </div>
          {move.error !== undefined && <ErrorMessage error={move.error} onRetry={onChanged} />}
        </fieldset>
      )}
      <Loaded load={advice}>
        {(a) => (
          <div className="advice">
            {a.deadline ? (
              <p>
                <strong>{t('appeal.deadline')}:</strong> {date(a.deadline.due)}
                {a.deadline.estimated && <span className="muted"> ({t('appeal.estimated')})</span>}
                <span className="hint" lang={lang === 'en' ? 'en' : 'ru'}>
                  {lang === 'en' ? a.deadline.explanation : a.deadline.explanationRu} ({a.deadline.citation})
                </span>
              </p>
            ) : (
              <p className="muted">{t('appeal.noDeadline')}</p>
            )}
            {a.nextSteps.length > 0 && (
              <>
                <h4>{t('appeal.nextSteps')}</h4>
                <ul>
                  {a.nextSteps.map((s) => (
                    <li key={s.id} lang={lang === 'en' ? 'en' : 'ru'}>
                      {lang === 'en' ? s.label.en : s.label.ru} <span className="muted">({s.basis})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </Loaded>
      <AppealConcerned
        appealId={appeal.id}
        version={appeal.version}
        involvements={involvements}
        onChanged={onChanged}
      />
      <fieldset>
        <legend>{t('appeal.letter')}</legend>
        <div className="toolbar">
          <div className="field">
            <label htmlFor={`${id}-letter`}>{t('appeal.letterType')}</label>
            <select
              id={`${id}-letter`}
              value={letterType}
              onChange={(e) => setLetterType(LETTER_TYPES.find((l) => l === e.target.value) ?? letterType)}
            >
              {LETTER_TYPES.map((l) => (
                <option key={l} value={l}>
                  {label('letterType', l)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('appeal.format')}</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {label('letterFormat', f)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => void write()} disabled={letter.busy}>
            {letter.busy ? t('status.working') : t('appeal.download')}
          </button>
        </div>
        {savedAs && (
          <p className="muted" role="status">
            {t('appeal.savedAs', { name: savedAs })}
          </p>
        )}
        {letter.error !== undefined && <ErrorMessage error={letter.error} />}
      </fieldset>
    </div>
  );
}
