import { type FormEvent, useState } from 'react';
import { INVOLVEMENT_ROLES } from '../../../../src/domain/record-vocabularies';
import { api } from '../../api/client';
import type { Involvement, SearchHit, SearchResults } from '../../api/types';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { inOrder } from '../../lib/in-order';
import { useAction } from '../../lib/use-action';
import { PARTIAL_DATE } from './case-form';

export const ROLES = inOrder(INVOLVEMENT_ROLES, [
  'victim',
  'witness',
  'relative_of',
  'perpetrator',
  'legal_representative',
  'source',
]);

/**
 * Adds a person to a case with a role: one already recorded, found by name in any script, or
 * someone new, recorded and linked in one step.
 */
export function AddPerson({
  caseId,
  onAdded,
  onCancel,
}: {
  caseId: string;
  onAdded: () => void;
  onCancel: () => void;
}) {
  const { t, label } = useI18n();
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>(undefined);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [role, setRole] = useState('victim');
  const [note, setNote] = useState('');
  const find = useAction();
  const add = useAction();
  const search = async () => {
    if (!q.trim()) return;
    const found = await find.run(() =>
      api<SearchResults>('GET', '/api/search', { query: { q: q.trim(), types: 'persons', limit: 10 } }),
    );
    if (found) {
      setHits(found.items);
      setChosen(found.items[0]?.id ?? '');
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person =
      who === 'new'
        ? { names: [{ value: name.trim() }], ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}) }
        : undefined;
    const body = {
      role,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(person ? { person } : { personId: chosen }),
    };
    const done = await add.run(() => api<Involvement>('POST', `/api/cases/${caseId}/involvements`, { body }));
    if (done) onAdded();
  };
  return (
    <form className="sub-form" onSubmit={submit} aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('involvement.add')}</h3>
      <fieldset className="segmented">
        <legend>{t('involvement.who')}</legend>
        <label>
          <input type="radio" name="who" checked={who === 'existing'} onChange={() => setWho('existing')} />{' '}
          {t('involvement.existing')}
        </label>
        <label>
          <input type="radio" name="who" checked={who === 'new'} onChange={() => setWho('new')} />{' '}
          {t('involvement.new')}
        </label>
      </fieldset>
      {who === 'existing' ? (
        <div className="stack">
          <div className="field">
            <label htmlFor="person-q">{t('involvement.findName')}</label>
            <div className="inline-search">
              <input
                id="person-q"
                type="search"
                value={q}
                maxLength={500}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={(e) => {
                  // Enter looks the name up instead of submitting the whole form.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void search();
                  }
                }}
              />
              <button type="button" onClick={() => void search()} disabled={find.busy}>
                {t('search.submit')}
              </button>
            </div>
          </div>
          {find.error !== undefined && <ErrorMessage error={find.error} />}
          {hits && hits.length === 0 && <p className="empty">{t('involvement.noneFound')}</p>}
          {hits && hits.length > 0 && (
            <fieldset>
              <legend>{t('involvement.choose')}</legend>
              {hits.map((h) => (
                <label key={h.id} className="facet">
                  <input
                    type="radio"
                    name="person"
                    checked={chosen === h.id}
                    onChange={() => setChosen(h.id)}
                  />{' '}
                  {h.title}
                  {h.snippet && h.snippet !== h.title && <span className="muted"> {h.snippet}</span>}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      ) : (
        <div className="field-row">
          <div className="field">
            <label htmlFor="new-person-name">
              {t('involvement.name')} <span className="required">{t('form.required')}</span>
            </label>
            <input
              id="new-person-name"
              required
              maxLength={300}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="new-person-birth">{t('person.birthDate')}</label>
            <input
              id="new-person-birth"
              pattern={PARTIAL_DATE}
              placeholder={t('form.datePlaceholder')}
              value={birthDate}
              onChange={(e) => setBirthDate(e.target.value)}
            />
          </div>
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="involvement-role">{t('involvement.role')}</label>
          <select id="involvement-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {label('involvementRole', r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="involvement-note">{t('involvement.note')}</label>
          <input
            id="involvement-note"
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      {add.error !== undefined && <ErrorMessage error={add.error} />}
      <div className="buttons">
        <button type="submit" className="primary" disabled={add.busy || (who === 'existing' && !chosen)}>
          {add.busy ? t('status.working') : t('involvement.addSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Removes a person's involvement, after the user confirms it in place. */
export function RemoveInvolvement({
  caseId,
  involvementId,
  name,
  onRemoved,
}: {
  caseId: string;
  involvementId: string;
  name: string;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const remove = useAction();
  if (!asking)
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        {t('involvement.remove')}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  const confirm = async () => {
    const done = await remove.run(async () => {
      await api('DELETE', `/api/cases/${caseId}/involvements/${involvementId}`);
      return true;
    });
    if (done) onRemoved();
  };
  return (
    <span className="confirm">
      {t('involvement.confirmRemove', { name })}{' '}
      <button type="button" className="reject" onClick={() => void confirm()} disabled={remove.busy}>
        {t('involvement.removeYes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)} disabled={remove.busy}>
        {t('action.cancel')}
      </button>
      {remove.error !== undefined && <ErrorMessage error={remove.error} />}
    </span>
  );
}
