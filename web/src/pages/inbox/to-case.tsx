import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Case, IntakeSubmission, Page as ListPage } from '../../api/types';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-api';

interface ConvertedIntake {
  submission: IntakeSubmission;
  draftId: string;
}

/**
 * Turns a new submission into a draft in one step, of a new case or attached to a case chosen
 * here, and opens that draft for review: its extraction, the reporter as relative (contacts stay
 * encrypted) and the consent note come from the API.
 */
export function IntakeToCase({ item }: { item: IntakeSubmission }) {
  const { t } = useI18n();
  const action = useAction();
  const [attaching, setAttaching] = useState(false);
  const [caseId, setCaseId] = useState('');
  const convert = async (toCase?: string) => {
    const made = await action.run(() =>
      api<ConvertedIntake>('POST', `/api/intake/${item.id}/draft`, {
        body: { version: item.version, ...(toCase ? { caseId: toCase } : {}) },
      }),
    );
    if (made) navigate(`/review/${made.draftId}`);
  };
  const attach = (event: FormEvent) => {
    event.preventDefault();
    if (caseId) void convert(caseId);
  };
  return (
    <>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <div className="buttons">
        <button type="button" className="primary" disabled={action.busy} onClick={() => void convert()}>
          {t('inbox.makeDraft')}
        </button>
        <button
          type="button"
          disabled={action.busy}
          aria-expanded={attaching}
          onClick={() => setAttaching(!attaching)}
        >
          {t('inbox.attachToCase')}
        </button>
      </div>
      {attaching && (
        <CaseChoice id={item.id} caseId={caseId} onChange={setCaseId} onSubmit={attach} busy={action.busy} />
      )}
    </>
  );
}

function CaseChoice({
  id,
  caseId,
  onChange,
  onSubmit,
  busy,
}: {
  id: string;
  caseId: string;
  onChange: (caseId: string) => void;
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const cases = useLoad(
    (signal) => api<ListPage<Case>>('GET', '/api/cases', { query: { limit: 500 }, signal }),
    [],
  );
  const caseList = [...(cases.data?.items ?? [])].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <form className="buttons" onSubmit={onSubmit}>
      <label htmlFor={`attach-${id}`}>{t('inbox.case')}</label>
      <select id={`attach-${id}`} value={caseId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('inbox.chooseCase')}</option>
        {caseList.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !caseId}>
        {t('inbox.attach')}
      </button>
    </form>
  );
}
