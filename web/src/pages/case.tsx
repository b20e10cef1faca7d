import { useState } from 'react';
import { api } from '../api/client';
import type { CaseOverview } from '../api/types';
import { AppealsTable } from '../components/appeals-table';
import { Chronology } from '../components/chronology';
import { Page, Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';
import { AppealActions } from './case/appeal-actions';
import { NewAppeal } from './case/appeal-form';
import { CaseEditor } from './case/case-editor';
import { AddPerson, RemoveInvolvement } from './case/involvement-editor';

type Open = 'edit' | 'person' | 'appeal' | undefined;

/**
 * A case: summary, persons and roles, sourced chronology, acts, appeals and sources. Those who
 * may edit the case also edit it here, add and remove persons, and create and follow appeals.
 */
export function CasePage({ id }: { id: string }) {
  const { t, label, date, number } = useI18n();
  const load = useLoad((signal) => api<CaseOverview>('GET', `/api/cases/${id}/overview`, { signal }), [id]);
  const [open, setOpen] = useState<Open>(undefined);
  const done = () => {
    setOpen(undefined);
    load.reload();
  };
  return (
    <Loaded load={load}>
      {(o) => (
        <Page
          title={o.case.title}
          actions={
            o.canEdit &&
            open !== 'edit' && (
              <button type="button" onClick={() => setOpen('edit')}>
                {t('case.edit')}
              </button>
            )
          }
        >
          <div className="meta-line">
            <span className={`badge status-${o.case.status}`}>{label('caseStatus', o.case.status)}</span>
            <span className={`badge conf-${o.case.confidentiality}`}>
              {label('confidentiality', o.case.confidentiality)}
            </span>
            {o.case.periodStart && (
              <span>
                {t('case.period')}: {date(o.case.periodStart)}
                {o.case.periodEnd ? ` – ${date(o.case.periodEnd)}` : ''}
              </span>
            )}
          </div>
          {open === 'edit' && (
            <CaseEditor stored={o.case} onSaved={done} onCancel={() => setOpen(undefined)} />
          )}
          <div className="case-layout">
            <div className="case-main">
              <Section title={t('case.summary')} id="summary">
                {o.case.summary ? (
                  <p className="prose">{o.case.summary}</p>
                ) : (
                  <Empty>{t('case.noSummary')}</Empty>
                )}
              </Section>
              <Section title={t('case.chronology')} id="chronology">
                {o.chronology.length === 0 ? (
                  <Empty>{t('case.noClaims')}</Empty>
                ) : (
                  <Chronology
                    entries={o.chronology}
                    appealStatuses={Object.fromEntries(o.appeals.map((a) => [a.id, a.shownStatus]))}
                  />
                )}
              </Section>
              <Section title={t('case.acts')} id="acts">
                {o.acts.length === 0 ? (
                  <Empty>{t('case.noActs')}</Empty>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('act.type')}</th>
                        <th scope="col">{t('act.status')}</th>
                        <th scope="col">{t('act.where')}</th>
                        <th scope="col">{t('act.victims')}</th>
                        <th scope="col">{t('act.corroboration')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {o.acts.map((a) => (
                        <tr key={a.id}>
                          <td>
                            {label('act', a.type)}
                            {a.dateFrom && <div className="muted">{date(a.dateFrom)}</div>}
                          </td>
                          <td>
                            <span className={`badge act-${a.status}`}>{label('actStatus', a.status)}</span>
                          </td>
                          <td>{a.placeName ?? '—'}</td>
                          <td className="num">{number(a.victimCount)}</td>
                          <td className="num" title={t('act.corroborationHint')}>
                            {t('act.sources', {
                              n: a.corroboration.sources,
                              independent: a.corroboration.independentSources,
                            })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Section>
              <Section title={t('case.appeals')} id="appeals">
                <AppealsTable
                  appeals={o.appeals}
                  manage={
                    o.canEdit
                      ? (a) => (
                          <AppealActions appeal={a} involvements={o.involvements} onChanged={load.reload} />
                        )
                      : undefined
                  }
                />
                {o.canEdit &&
                  (open === 'appeal' ? (
                    <NewAppeal
                      caseId={o.case.id}
                      persons={o.involvements
                        .filter((i) => i.personId)
                        .map((i) => ({ id: String(i.personId), label: i.label, role: i.role }))}
                      onCreated={done}
                      onCancel={() => setOpen(undefined)}
                    />
                  ) : (
                    <div className="buttons">
                      <button type="button" onClick={() => setOpen('appeal')}>
                        {t('appeal.new')}
                      </button>
                    </div>
                  ))}
              </Section>
            </div>
            <aside className="case-side">
              <Section title={t('case.persons')} id="persons">
                {o.involvements.length === 0 ? (
                  <Empty>{t('case.noPersons')}</Empty>
                ) : (
                  <ul className="list people">
                    {o.involvements.map((i) => (
                      <li key={i.id}>
                        {i.personId ? <Link to={`/persons/${i.personId}`}>{i.label}</Link> : i.label}{' '}
                        <span className="badge role">{label('involvementRole', i.role)}</span>
                        {i.note && <div className="muted">{i.note}</div>}
                        {o.canEdit && (
                          <div>
                            <RemoveInvolvement
                              caseId={o.case.id}
                              involvementId={i.id}
                              name={i.label}
                              onRemoved={load.reload}
                            />
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {o.canEdit &&
                  (open === 'person' ? (
                    <AddPerson caseId={o.case.id} onAdded={done} onCancel={() => setOpen(undefined)} />
                  ) : (
                    <div className="buttons">
                      <button type="button" onClick={() => setOpen('person')}>
                        {t('involvement.add')}
                      </button>
                    </div>
                  ))}
              </Section>
              <Section title={t('case.sources')} id="sources">
                {o.sources.length === 0 ? (
                  <Empty>{t('case.noSources')}</Empty>
                ) : (
                  <ul className="list">
                    {o.sources.map((s) => (
                      <li key={s.id}>
                        <Link to={`/sources/${s.id}`}>{s.title}</Link>
                        <div className="muted">
                          {label('sourceKind', s.kind)}
                          {s.outlet && s.outlet !== s.title ? ` · ${s.outlet}` : ''}
                          {s.published ? ` · ${date(s.published)}` : ''}
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            </aside>
          </div>
        </Page>
      )}
    </Loaded>
  );
}
