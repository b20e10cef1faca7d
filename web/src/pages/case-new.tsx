import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Case } from '../api/types';
import { Page } from '../components/page';
import { ErrorMessage } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../lib/router';
import { useAction } from '../lib/use-action';
import { CaseFields, type CaseValues, caseValuesOf, newCaseInput } from './case/case-form';

/** A new case, by hand: title, summary, status, period and confidentiality; then its page. */
export function NewCasePage() {
  const { t } = useI18n();
  const [values, setValues] = useState<CaseValues>(() => caseValuesOf());
  const create = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run(() => api<Case>('POST', '/api/cases', { body: newCaseInput(values) }));
    if (created) navigate(`/cases/${created.id}`, { replace: true });
  };
  return (
    <Page title={t('case.new')}>
      <form className="card" onSubmit={submit}>
        <CaseFields values={values} onChange={setValues} />
        {create.error !== undefined && <ErrorMessage error={create.error} />}
        <div className="buttons">
          <button type="submit" className="primary" disabled={create.busy}>
            {create.busy ? t('status.working') : t('case.create')}
          </button>
        </div>
      </form>
    </Page>
  );
}
