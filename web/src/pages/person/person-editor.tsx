import { type FormEvent, useState } from 'react';
import { NAME_SCRIPTS, PERSON_STATUSES } from '../../../../src/domain/record-vocabularies';
import { api } from '../../api/client';
import type { NameVariant, Person, PersonOverview, StatusEntry } from '../../api/types';
import { SavedNow, SaveError } from '../../components/edit-conflict';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { PARTIAL_DATE } from '../case/case-form';

interface PersonValues {
  names: NameVariant[];
  birthDate: string;
  unit: string;
  rank: string;
  statusHistory: StatusEntry[];
}

function valuesOf(p: Person): PersonValues {
  return {
    names: p.names.map((n) => ({ ...n })),
    birthDate: p.birthDate ?? '',
    unit: p.unit ?? '',
    rank: p.rank ?? '',
    statusHistory: (p.statusHistory ?? []).map((s) => ({ ...s })),
  };
}

/** A status entry as stored: its empty optional parts left out. */
function cleanEntry(s: StatusEntry): StatusEntry {
  return {
    status: s.status,
    ...(s.date?.trim() ? { date: s.date.trim() } : {}),
    ...(s.sourceId ? { sourceId: s.sourceId } : {}),
    ...(s.placeId ? { placeId: s.placeId } : {}),
    ...(s.note?.trim() ? { note: s.note.trim() } : {}),
  };
}

function cleanName(n: NameVariant): NameVariant {
  return {
    value: n.value.trim(),
    ...(n.script ? { script: n.script } : {}),
    ...(n.lang ? { lang: n.lang } : {}),
  };
}

/** The PATCH of the fields that differ from the stored person; an emptied field is removed (null). */
function changesOf(values: PersonValues, stored: Person): Record<string, unknown> {
  const before = valuesOf(stored);
  const out: Record<string, unknown> = {};
  const names = values.names.filter((n) => n.value.trim()).map(cleanName);
  if (JSON.stringify(names) !== JSON.stringify(before.names.map(cleanName))) out.names = names;
  for (const key of ['birthDate', 'unit', 'rank'] as const) {
    const value = values[key].trim();
    if (value !== before[key]) out[key] = value === '' ? null : value;
  }
  const history = values.statusHistory.map(cleanEntry);
  if (JSON.stringify(history) !== JSON.stringify(before.statusHistory.map(cleanEntry)))
    out.statusHistory = history.length ? history : null;
  return out;
}

/**
 * Edits a person's names, birth date, unit, rank and status history (each status with the source
 * stating it), with the version read; a conflict keeps the user's changes, as on the case page.
 */
export function PersonEditor({
  overview,
  onSaved,
  onCancel,
}: {
  overview: PersonOverview;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, label, date } = useI18n();
  const [base, setBase] = useState(overview.person);
  const [values, setValues] = useState<PersonValues>(() => valuesOf(overview.person));
  const [saved, setSaved] = useState<PersonValues | undefined>(undefined);
  const save = useAction();
  const sources = overview.sources;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(values, base);
    if (Object.keys(changes).length === 0) return onCancel();
    const done = await save.run(() =>
      api<Person>('PATCH', `/api/persons/${base.id}`, { body: { version: base.version, ...changes } }),
    );
    if (done) onSaved();
  };
  const reload = async () => {
    const latest = await save.run(() => api<Person>('GET', `/api/persons/${base.id}`));
    if (!latest) return;
    setBase(latest);
    setSaved(valuesOf(latest));
  };
  const setName = (i: number, change: Partial<NameVariant>) =>
    setValues({ ...values, names: values.names.map((n, j) => (j === i ? { ...n, ...change } : n)) });
  const setEntry = (i: number, change: Partial<StatusEntry>) =>
    setValues({
      ...values,
      statusHistory: values.statusHistory.map((s, j) => (j === i ? { ...s, ...change } : s)),
    });
  const namesText = (v: PersonValues) =>
    v.names
      .map((n) => n.value.trim())
      .filter(Boolean)
      .join('; ');
  const historyText = (v: PersonValues) =>
    v.statusHistory
      .map((s) => `${label('personStatus', s.status)}${s.date ? ` ${date(s.date)}` : ''}`)
      .join('; ');
  return (
    <form className="card" onSubmit={submit} aria-labelledby="edit-person-title">
      <h2 id="edit-person-title">{t('person.edit')}</h2>
      <fieldset>
        <legend>{t('person.names')}</legend>
        {values.names.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: name variants have no id; rows keep their place
          <div className="field-row name-row" key={i}>
            <div className="field">
              <label htmlFor={`name-${i}`}>
                {i === 0 ? t('person.primaryName') : t('person.nameVariant', { n: i + 1 })}
              </label>
              <input
                id={`name-${i}`}
                required={i === 0}
                maxLength={300}
                value={n.value}
                onChange={(e) => setName(i, { value: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`script-${i}`}>{t('person.script')}</label>
              <select
                id={`script-${i}`}
                value={n.script ?? ''}
                onChange={(e) => setName(i, { script: NAME_SCRIPTS.find((v) => v === e.target.value) })}
              >
                <option value="">—</option>
                {NAME_SCRIPTS.map((s) => (
                  <option key={s} value={s}>
                    {label('script', s)}
                  </option>
                ))}
              </select>
            </div>
            {values.names.length > 1 && (
              <div className="field row-end">
                <button
                  type="button"
                  onClick={() => setValues({ ...values, names: values.names.filter((_, j) => j !== i) })}
                >
                  {t('person.removeName')}
                  <span className="visually-hidden"> {n.value}</span>
                </button>
              </div>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setValues({ ...values, names: [...values.names, { value: '' }] })}
        >
          {t('person.addName')}
        </button>
        <SavedNow value={namesText(values)} shown={saved && namesText(saved)} />
      </fieldset>
      <div className="field-row">
        {(['birthDate', 'unit', 'rank'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`person-${key}`}>{t(`person.${key}`)}</label>
            <input
              id={`person-${key}`}
              maxLength={500}
              {...(key === 'birthDate'
                ? { pattern: PARTIAL_DATE, placeholder: t('form.datePlaceholder') }
                : {})}
              value={values[key]}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
            />
            <SavedNow value={values[key]} shown={saved?.[key]} />
          </div>
        ))}
      </div>
      <fieldset>
        <legend>{t('person.statusHistory')}</legend>
        <p className="hint">{t('person.statusHint')}</p>
        {values.statusHistory.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and keep their order
          <div className="field-row status-row" key={i}>
            <div className="field">
              <label htmlFor={`status-${i}`}>{t('person.status', { n: i + 1 })}</label>
              <select
                id={`status-${i}`}
                value={s.status}
                onChange={(e) =>
                  setEntry(i, { status: PERSON_STATUSES.find((v) => v === e.target.value) ?? s.status })
                }
              >
                {PERSON_STATUSES.map((p) => (
                  <option key={p} value={p}>
                    {label('personStatus', p)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`status-date-${i}`}>{t('person.statusDate')}</label>
              <input
                id={`status-date-${i}`}
                pattern={PARTIAL_DATE}
                placeholder={t('form.datePlaceholder')}
                value={s.date ?? ''}
                onChange={(e) => setEntry(i, { date: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`status-source-${i}`}>{t('person.statusSource')}</label>
              <select
                id={`status-source-${i}`}
                value={s.sourceId ?? ''}
                onChange={(e) => setEntry(i, { sourceId: e.target.value || undefined })}
              >
                <option value="">{t('person.noSource')}</option>
                {s.sourceId && !sources.some((x) => x.id === s.sourceId) && (
                  <option value={s.sourceId}>{t('person.hiddenSource')}</option>
                )}
                {sources.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                    {x.published ? ` (${date(x.published)})` : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`status-note-${i}`}>{t('person.statusNote')}</label>
              <input
                id={`status-note-${i}`}
                maxLength={2000}
                value={s.note ?? ''}
                onChange={(e) => setEntry(i, { note: e.target.value })}
              />
            </div>
            <div className="field row-end">
              <button
                type="button"
                onClick={() =>
                  setValues({ ...values, statusHistory: values.statusHistory.filter((_, j) => j !== i) })
                }
              >
                {t('person.removeStatus')}
                <span className="visually-hidden"> {i + 1}</span>
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setValues({
              ...values,
              statusHistory: [...values.statusHistory, { status: 'detained', date: '' }],
            })
          }
        >
          {t('person.addStatus')}
        </button>
        <SavedNow value={historyText(values)} shown={saved && historyText(saved)} />
      </fieldset>
      <SaveError error={save.error} onReload={() => void reload()} busy={save.busy} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={save.busy}>
          {save.busy ? t('status.working') : t('action.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={save.busy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
