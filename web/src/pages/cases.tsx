import { useState } from 'react';
import { CASE_STATUSES } from '../../../src/domain/record-vocabularies';
import { api } from '../api/client';
import type { CaseListItem, Page as ListPage } from '../api/types';
import { Page } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-api';

const STATUSES = ['', ...CASE_STATUSES];

/** Every case the user may see, newest last, filterable by status; writers start new ones here. */
export function CasesPage() {
  const { t, label, date } = useI18n();
  // The period a case worker wrote on the case wins; otherwise the one its detention acts span.
  const periodOf = (c: CaseListItem): string => {
    const [start, end, ongoing] = c.periodStart
      ? [c.periodStart, c.periodEnd, false]
      : [c.period?.start, c.period?.end, c.period?.ongoing];
    if (!start) return '';
    if (ongoing) return t('cases.periodOngoing', { start: date(start) });
    return end && end !== start ? `${date(start)} – ${date(end)}` : date(start);
  };
  const { can } = useSession();
  const [status, setStatus] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const cases = useLoad(
    (signal) =>
      api<ListPage<CaseListItem>>('GET', '/api/cases', {
        query: { limit: 50, status: status || undefined, cursor },
        signal,
      }),
    [status, cursor],
  );
  return (
    <Page
      title={t('cases.title')}
      actions={
        can('records.write') && (
          <Link to="/cases/new" className="button primary">
            {t('case.new')}
          </Link>
        )
      }
    >
      <div className="toolbar">
        <label htmlFor="case-status">{t('case.status')}</label>
        <select
          id="case-status"
          value={status}
          onChange={(e) => {
            setCursor(undefined);
            setStatus(e.target.value);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s ? label('caseStatus', s) : t('filter.any')}
            </option>
          ))}
        </select>
      </div>
      <Loaded load={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('cases.none')}</Empty>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('case.title')}</th>
                    <th scope="col">{t('case.status')}</th>
                    <th scope="col">{t('case.confidentiality')}</th>
                    <th scope="col">{t('case.period')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/cases/${c.id}`}>{c.title}</Link>
                      </td>
                      <td>{label('caseStatus', c.status)}</td>
                      <td>{label('confidentiality', c.confidentiality)}</td>
                      <td>{periodOf(c)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.nextCursor && (
                <button type="button" onClick={() => setCursor(page.nextCursor ?? undefined)}>
                  {t('action.more')}
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
