import { useState } from 'react';
import { type ImportReport, ROW_OUTCOMES, type RowOutcome } from '../../api/table-import';
import { Empty, ErrorMessage, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';
import { ReportRow } from './report-row';
import { PAGE_SIZE, type ReportWindow, totalOf, useReportRows } from './use-report-rows';

/**
 * The per-row report of a dry run (or of the import made): how many rows do what, as filters;
 * a page of rows; persons of the list's earlier version whose rows are gone; the units, places and
 * cases the import creates.
 */
export function ImportReportView({
  report,
  fetchWindow,
}: {
  report: ImportReport;
  fetchWindow?: (window: ReportWindow, signal: AbortSignal) => Promise<ImportReport>;
}) {
  const { t, label, number } = useI18n();
  const [outcomes, setOutcomes] = useState<RowOutcome[]>([]);
  const [page, setPage] = useState(0);
  const shown = useReportRows(report, outcomes, page, fetchWindow);
  const choose = (next: RowOutcome[]) => {
    setOutcomes(next);
    setPage(0);
  };
  const toggle = (o: RowOutcome) =>
    choose(outcomes.includes(o) ? outcomes.filter((x) => x !== o) : [...outcomes, o]);
  const pages = Math.max(1, Math.ceil(shown.total / PAGE_SIZE));
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(shown.total, (page + 1) * PAGE_SIZE);
  return (
    <>
      <fieldset className="outcome-filter">
        <legend>{t('import.filterRows')}</legend>
        <div className="tabs">
          <button type="button" aria-pressed={outcomes.length === 0} onClick={() => choose([])}>
            {t('import.allRows')} <span className="count">{number(report.summary.rows)}</span>
          </button>
          {ROW_OUTCOMES.map((o) => (
            <button
              key={o}
              type="button"
              className={`outcome-${o}`}
              aria-pressed={outcomes.includes(o)}
              disabled={report.summary[o] === 0 && !outcomes.includes(o)}
              onClick={() => toggle(o)}
            >
              {label('outcome', o)} <span className="count">{number(report.summary[o])}</span>
            </button>
          ))}
        </div>
      </fieldset>
      {shown.stale && (
        <p className="error" role="alert">
          {t('import.stale')}
        </p>
      )}
      {shown.error !== undefined && <ErrorMessage error={shown.error} />}
      {shown.loading && (
        <>
          <Loading />
          <p className="muted">{t('import.windowHint')}</p>
        </>
      )}
      {shown.rows && shown.rows.length === 0 && <Empty>{t('import.noRows')}</Empty>}
      {shown.rows && shown.rows.length > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {t('import.rowsShown', { first, last, total: shown.total })}
            {!fetchWindow &&
              report.rowsOmitted > 0 &&
              ` ${t('import.rowsAtHand', { n: totalOf(report, outcomes) })}`}
          </p>
          <ol className="report-rows">
            {shown.rows.map((r) => (
              <ReportRow key={r.row} row={r} />
            ))}
          </ol>
        </>
      )}
      {pages > 1 && (
        <nav className="buttons pager" aria-label={t('import.pages')}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('import.previousPage')}
          </button>
          <span className="muted">{t('import.pageOf', { page: page + 1, pages })}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('import.nextPage')}
          </button>
        </nav>
      )}
      {report.absent.length > 0 && (
        <section className="sub-form" aria-labelledby="absent-title">
          <h3 id="absent-title">{t('import.absent', { n: report.summary.absent })}</h3>
          <p className="hint">{t('import.absentHint')}</p>
          <ul className="list">
            {report.absent.map((a) => (
              <li key={a.personId}>
                <Link to={`/persons/${a.personId}`}>{a.label}</Link>{' '}
                <span className="muted">{t('import.absentRow', { n: a.row })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.newRecords.length > 0 && (
        <section className="sub-form" aria-labelledby="new-records-title">
          <h3 id="new-records-title">
            {report.dryRun ? t('import.newRecords') : t('import.newRecordsMade')}
          </h3>
          <ul className="list">
            {report.newRecords.map((r) => (
              <li key={`${r.collection}-${r.label}`}>
                <span className="badge">{label('newRecord', r.collection)}</span> {r.label}{' '}
                <span className="muted">{t('import.namedInRows', { n: r.rows })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
