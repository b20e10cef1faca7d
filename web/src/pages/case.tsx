import { api } from '../api/client';
import type { CaseOverview } from '../api/types';
import { AppealsTable } from '../components/appeals-table';
import { Chronology } from '../components/chronology';
import { Page, Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';

/** A case: summary, persons and roles, sourced chronology, acts, appeals and sources. */
export function CasePage({ id }: { id: string }) {
  const { t, label, date, number } = useI18n();
  const load = useLoad((signal) => api<CaseOverview>('GET', `/api/cases/${id}/overview`, { signal }), [id]);
  return (
    <Loaded load={load}>
      {(o) => (
        <Page title={o.case.title}>
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
                  <Chronology entries={o.chronology} />
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
                <AppealsTable appeals={o.appeals} />
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
                      </li>
                    ))}
                  </ul>
                )}
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
