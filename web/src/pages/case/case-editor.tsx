import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Case } from '../../api/types';
import { SaveError } from '../../components/edit-conflict';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { CaseFields, type CaseValues, caseChanges, caseValuesOf } from './case-form';

/**
 * Edits a case with the version it was read at. When someone saved first, nothing is overwritten:
 * the user's changes stay in the form, and loading the current version shows what differs.
 */
export function CaseEditor({
  stored,
  onSaved,
  onCancel,
}: {
  stored: Case;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [base, setBase] = useState(stored);
  const [values, setValues] = useState<CaseValues>(() => caseValuesOf(stored));
  const [saved, setSaved] = useState<CaseValues | undefined>(undefined);
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = caseChanges(values, base);
    if (Object.keys(changes).length === 0) return onCancel();
    const done = await save.run(() =>
      api<Case>('PATCH', `/api/cases/${base.id}`, { body: { version: base.version, ...changes } }),
    );
    if (done) onSaved();
  };
  const reload = async () => {
    const latest = await save.run(() => api<Case>('GET', `/api/cases/${base.id}`));
    if (!latest) return;
    setBase(latest);
    setSaved(caseValuesOf(latest));
  };
  return (
    <form className="card edit-case" onSubmit={submit} aria-labelledby="edit-case-title">
      <h2 id="edit-case-title">{t('case.edit')}</h2>
      <CaseFields values={values} onChange={setValues} saved={saved} />
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
