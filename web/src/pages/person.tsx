import { useState } from 'react';
import { api } from '../api/client';
import type { PersonOverview } from '../api/types';
import { AppealsTable } from '../components/appeals-table';
import { Chronology } from '../components/chronology';
import { Page, Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';
import { PersonEditor } from './person/person-editor';

/**
 * A person: name variants, status history with sources, cases, appeals, and what sources say;
 * those who may change the person edit them here.
 */
export function PersonPage({ id }: { id: string }) {
  const { t, label, date } = useI18n();
  const load = useLoad(
    (signal) => api<PersonOverview>('GET', `/api/persons/${id}/overview`, { signal }),
    [id],
  );
  const [editing, setEditing] = useState(false);
  return (
    <Loaded load={load}>
      {(o) => {
        const [primary, ...variants] = o.person.names;
        const facts: Array<[string, string | undefined]> = [
          [t('person.birthDate'), date(o.person.birthDate)],
          [t('person.hometown'), o.person.hometown],
          [t('person.unit'), o.person.unit],
          [t('person.rank'), o.person.rank],
          [t('person.employer'), o.person.employer],
          [t('person.exemption'), o.person.exemptionGrounds],
        ];
        return (
          <Page
            title={primary?.value ?? t('person.unnamed')}
            actions={
              o.canEdit &&
              !editing && (
                <button type="button" onClick={() => setEditing(true)}>
                  {t('person.edit')}
                </button>
              )
            }
          >
            {editing && (
              <PersonEditor
                overview={o}
                onSaved={() => {
                  setEditing(false);
                  load.reload();
                }}
                onCancel={() => setEditing(false)}
              />
            )}
            <div className="case-layout">
              <div className="case-main">
                <Section title={t('person.statusHistory')} id="status">
                  {o.statusHistory.length === 0 ? (
                    <Empty>{t('person.noStatus')}</Empty>
                  ) : (
                    <ol className="chronology">
                      {o.statusHistory.map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and keep their order
                        <li key={i}>
                          <div className="when">{s.date ? date(s.date) : t('chronology.undated')}</div>
                          <div className="what">
                            <span className={`badge pstatus-${s.status}`}>
                              {label('personStatus', s.status)}
                            </span>
                            {s.note && <span> {s.note}</span>}
                            {s.sourceId && (
                              <div>
                                <Link to={`/sources/${s.sourceId}`}>
                                  {t('chronology.source')}: {s.sourceTitle ?? t('source.untitled')}
                                </Link>
                              </div>
                            )}
                          </div>
                        </li>
                      ))}
                    </ol>
                  )}
                </Section>
                <Section title={t('person.claims')} id="claims">
                  {o.claims.length === 0 ? (
                    <Empty>{t('case.noClaims')}</Empty>
                  ) : (
                    <Chronology entries={o.claims} showSubject={false} />
                  )}
                </Section>
                <Section title={t('case.appeals')} id="appeals">
                  <AppealsTable appeals={o.appeals} />
                </Section>
              </div>
              <aside className="case-side">
                <Section title={t('person.names')} id="names">
                  <ul className="list">
                    {[primary, ...variants].filter(Boolean).map((n) => (
                      <li key={n.value} lang={n.lang === 'other' ? undefined : n.lang}>
                        {n.value} {n.script && <span className="muted">({label('script', n.script)})</span>}
                      </li>
                    ))}
                  </ul>
                </Section>
                <Section title={t('person.details')} id="details">
                  <dl className="facts">
                    {facts
                      .filter(([, v]) => v)
                      .map(([k, v]) => (
                        <div key={k}>
                          <dt>{k}</dt>
                          <dd>{v}</dd>
                        </div>
                      ))}
                  </dl>
                  {facts.every(([, v]) => !v) && <Empty>{t('person.noDetails')}</Empty>}
                </Section>
                <Section title={t('person.cases')} id="cases">
                  {o.cases.length === 0 ? (
                    <Empty>{t('person.noCases')}</Empty>
                  ) : (
                    <ul className="list">
                      {o.cases.map((c) => (
                        <li key={`${c.caseId}-${c.role}`}>
                          <Link to={`/cases/${c.caseId}`}>{c.title}</Link>{' '}
                          <span className="badge role">{label('involvementRole', c.role)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              </aside>
            </div>
          </Page>
        );
      }}
    </Loaded>
  );
}
