import { api } from '../api/client';
import type { AuditEntry, Draft, DueList, Page as ListPage } from '../api/types';
import { Page, Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-api';

const RECORD_PAGES: Record<string, string> = { cases: '/cases', persons: '/persons' };

/** What needs doing today: appeals due and overdue, drafts waiting for review, recent activity. */
export function DashboardPage() {
  const { t, label, date, dateTime } = useI18n();
  const { can } = useSession();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const due = useLoad(
    (signal) =>
      api<DueList>('GET', '/api/interventions/due', { query: { within: '14d', tz: timeZone }, signal }),
    [timeZone],
  );
  const drafts = useLoad(
    (signal) =>
      api<ListPage<Draft>>('GET', '/api/drafts', { query: { status: 'pending', limit: 20 }, signal }),
    [],
  );
  const activity = useLoad(
    (signal) =>
      api<ListPage<AuditEntry>>('GET', '/api/audit', { query: { order: 'newest', limit: 15 }, signal }),
    [],
  );
  return (
    <Page title={t('dashboard.title')}>
      <div className="grid">
        <Section title={t('dashboard.due')} id="due">
          <Loaded load={due}>
            {(list) =>
              list.items.length === 0 ? (
                <Empty>{t('dashboard.noneDue')}</Empty>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('appeal.recipient')}</th>
                      <th scope="col">{t('appeal.deadline')}</th>
                      <th scope="col">{t('appeal.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((a) => (
                      <tr
                        key={a.id}
                        className={'noDeadline' in a ? 'no-deadline' : a.daysLeft < 0 ? 'overdue' : undefined}
                      >
                        <td>
                          {a.caseId ? <Link to={`/cases/${a.caseId}`}>{a.recipient}</Link> : a.recipient}
                          <div className="muted">{label('appealKind', a.kind)}</div>
                        </td>
                        {'noDeadline' in a ? (
                          <td>
                            {t('appeal.noDeadlineKnown')}
                            <div className="muted">{label('noDeadlineReason', a.noDeadlineReason)}</div>
                          </td>
                        ) : (
                          <td>
                            {date(a.deadline.due)}
                            <div className="muted">
                              {a.daysLeft < 0
                                ? t('appeal.overdueBy', { days: -a.daysLeft })
                                : a.daysLeft === 0
                                  ? t('appeal.dueToday')
                                  : t('appeal.dueIn', { days: a.daysLeft })}
                            </div>
                          </td>
                        )}
                        <td>
                          <span className={`badge status-${a.status}`}>
                            {label('appealStatus', a.status)}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </Loaded>
        </Section>
        <Section title={t('dashboard.drafts')} id="drafts">
          <Loaded load={drafts}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('dashboard.noDrafts')}</Empty>
              ) : (
                <ul className="list">
                  {page.items.map((d) => (
                    <li key={d.id}>
                      {can('records.write') ? (
                        <Link to={`/review/${d.id}`}>{d.title || t('draft.untitled')}</Link>
                      ) : (
                        d.title || t('draft.untitled')
                      )}
                      <span className="muted">
                        {' '}
                        · {t('draft.items', { n: d.items.length })} · {dateTime(d.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
          {can('records.write') && (
            <p>
              <Link to="/review" className="button">
                {t('review.new')}
              </Link>
            </p>
          )}
        </Section>
        <Section title={t('dashboard.activity')} id="activity">
          <Loaded load={activity}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('dashboard.noActivity')}</Empty>
              ) : (
                <ul className="list activity">
                  {page.items.map((e) => (
                    <li key={e.seq}>
                      <time dateTime={e.at}>{dateTime(e.at)}</time>{' '}
                      <span>
                        {t('dashboard.activityEntry', {
                          who:
                            e.actorName ??
                            (e.actor.startsWith('user:') ? t('dashboard.aUser') : t('dashboard.vigil')),
                          action: label('auditAction', e.action),
                          what: label('collection', e.collection),
                        })}
                      </span>{' '}
                      {RECORD_PAGES[e.collection] && e.action !== 'delete' ? (
                        <Link to={`${RECORD_PAGES[e.collection]}/${e.recordId}`}>{t('action.open')}</Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Section>
      </div>
    </Page>
  );
}
