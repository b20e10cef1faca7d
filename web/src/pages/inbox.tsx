import { useState } from 'react';
import { INTAKE_STATUSES } from '../../../src/domain/record-vocabularies';
import { api } from '../api/client';
import type { IntakeSubmission, Page as ListPage } from '../api/types';
import { Page } from '../components/page';
import { Empty, ErrorMessage, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-api';
import { IntakeToCase } from './inbox/to-case';

const STATUSES = INTAKE_STATUSES;

/** One submission, opened: everything the relative sent, and the reviewer's decision. */
function Submission({
  item,
  onChanged,
}: {
  item: IntakeSubmission;
  onChanged: (next: IntakeSubmission) => void;
}) {
  const { t, date, dateTime } = useI18n();
  const { can } = useSession();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const s = item.submission;
  const mark = async (status: 'handled' | 'rejected' | 'new') => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(
        await api<IntakeSubmission>('PATCH', `/api/intake/${item.id}`, {
          body: { status, version: item.version },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const rows: Array<[string, string | undefined]> = [
    [t('intake.birthDate'), s.birthDate ? date(s.birthDate) : undefined],
    [t('intake.lastKnownPlace'), s.lastKnownPlace],
    [t('intake.unit'), s.unit],
    [t('intake.contactName'), s.contact.name],
    [t('intake.phone'), s.contact.phone],
    [t('intake.email'), s.contact.email],
    [t('intake.messenger'), s.contact.messenger],
  ];
  return (
    <article className="card submission" aria-labelledby={`sub-${item.id}`}>
      <header>
        <h2 id={`sub-${item.id}`}>{s.personName}</h2>
        <span className="muted">{dateTime(item.receivedAt)}</span>
      </header>
      <dl className="facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <h3>{t('intake.whatHappened')}</h3>
      <p className="prose">{s.whatHappened}</p>
      {item.status === 'new' && can('records.write') && <IntakeToCase item={item} />}
      {error !== undefined && <ErrorMessage error={error} />}
      <div className="buttons">
        {item.status !== 'handled' && (
          <button type="button" className="accept" disabled={busy} onClick={() => void mark('handled')}>
            {t('inbox.markHandled')}
          </button>
        )}
        {item.status !== 'rejected' && (
          <button type="button" className="reject" disabled={busy} onClick={() => void mark('rejected')}>
            {t('inbox.markRejected')}
          </button>
        )}
        {item.status !== 'new' && (
          <button type="button" disabled={busy} onClick={() => void mark('new')}>
            {t('inbox.reopen')}
          </button>
        )}
      </div>
    </article>
  );
}

/** The reviewers' inbox of public intake submissions, newest first by status. */
export function InboxPage() {
  const { t, label } = useI18n();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('new');
  const load = useLoad(
    (signal) =>
      api<ListPage<IntakeSubmission>>('GET', '/api/intake', { query: { status, limit: 100 }, signal }),
    [status],
  );
  return (
    <Page title={t('inbox.title')}>
      <fieldset className="tabs">
        <legend className="visually-hidden">{t('inbox.filter')}</legend>
        {STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={s === status} onClick={() => setStatus(s)}>
            {label('intakeStatus', s)}
          </button>
        ))}
      </fieldset>
      <Loaded load={load}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('inbox.none')}</Empty>
          ) : (
            <div className="stack">
              {page.items.map((item) => (
                <Submission
                  key={item.id}
                  item={item}
                  onChanged={(next) =>
                    load.set({
                      ...page,
                      items: page.items
                        .map((i) => (i.id === next.id ? next : i))
                        .filter((i) => i.status === status),
                    })
                  }
                />
              ))}
            </div>
          )
        }
      </Loaded>
    </Page>
  );
}
