import type { ImportJob, ImportReport } from '../../api/table-import';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';
import { ImportReportView } from './import-report';
import { jobWindow } from './use-import-job';

/**
 * Step four: what the import did, with the list kept as a source (every value written quotes its
 * cell there) and the rows it reported, each person linked, paged from the job's stored report.
 */
export function ImportResult({
  result,
  job,
  onAnother,
}: {
  result: ImportReport;
  job: ImportJob;
  onAnother: () => void;
}) {
  const { t } = useI18n();
  const { summary } = result;
  return (
    <>
      {job.status === 'cancelled' && (
        <p className="notice" role="status">
          {t('importJob.cancelledPartly')}
        </p>
      )}
      <div className={`notice${result.importId ? ' success' : ''}`} role="status">
        <p>
          <strong>
            {result.importId
              ? t('import.done', { created: summary.created, updated: summary.updated })
              : t('import.doneNothing')}
          </strong>
        </p>
        <p>
          {t('import.doneCounts', {
            unchanged: summary.unchanged,
            skipped: summary.ambiguous + summary.invalid + summary.conflict,
          })}
        </p>
        {result.sourceId && (
          <p>
            <Link to={`/sources/${result.sourceId}`}>{t('import.openSource')}</Link>{' '}
            <span className="muted">{t('import.sourceHint')}</span>
          </p>
        )}
      </div>
      <ImportReportView report={result} fetchWindow={jobWindow(job.id)} />
      <div className="buttons">
        <button type="button" onClick={onAnother}>
          {t('import.another')}
        </button>
      </div>
    </>
  );
}
