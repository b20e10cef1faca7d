import { ApiError, api } from '../../api/client';
import type { ImportReport, TableMapping } from '../../api/table-import';
import { BusyNote } from '../../components/busy-note';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { ImportReportView } from './import-report';
import { CHUNK, type ReportWindow } from './use-report-rows';

/**
 * Step three: the dry run's report, and the import made with its plan. If anything changed since
 * the dry run (the records, or someone imported first), the server refuses with 409 and the user
 * is told so plainly and offered the dry run again.
 */
export function ApplyStep({
  report,
  upload,
  mapping,
  fetchWindow,
  rerunning,
  onBack,
  onRunAgain,
  onApplied,
}: {
  report: ImportReport;
  upload: string;
  mapping: TableMapping;
  fetchWindow: (window: ReportWindow, signal: AbortSignal) => Promise<ImportReport>;
  rerunning: boolean;
  onBack: () => void;
  onRunAgain: () => void;
  onApplied: (result: ImportReport) => void;
}) {
  const { t } = useI18n();
  const apply = useAction();
  const { summary } = report;
  const writes = summary.created + summary.updated > 0;
  const skipped = summary.ambiguous + summary.invalid + summary.conflict;
  const changed = apply.error instanceof ApiError && apply.error.status === 409;
  const run = async () => {
    const result = await apply.run(() =>
      api<ImportReport>('POST', '/api/table-imports', {
        body: { upload, mapping, planDigest: report.planDigest, limit: CHUNK },
      }),
    );
    if (result) onApplied(result);
  };
  return (
    <>
      <p>{t('import.reportIntro', { rows: summary.rows, system: report.system })}</p>
      <ImportReportView key={report.planDigest} report={report} fetchWindow={fetchWindow} />
      <div className="card apply-bar import-apply">
        <div>
          {writes ? (
            <p>
              <strong>{t('import.willWrite', { created: summary.created, updated: summary.updated })}</strong>
            </p>
          ) : (
            <p>{t('import.nothingToWrite')}</p>
          )}
          {skipped > 0 && <p className="muted">{t('import.willSkip', { n: skipped })}</p>}
        </div>
        <div className="buttons">
          <button type="button" onClick={onBack} disabled={apply.busy}>
            {t('import.changeMapping')}
          </button>
          {writes && (
            <button
              type="button"
              className="primary"
              onClick={() => void run()}
              disabled={apply.busy || rerunning}
            >
              {t('import.apply')}
            </button>
          )}
        </div>
      </div>
      {apply.busy && <BusyNote text={t('import.applying', { n: summary.created + summary.updated })} />}
      {rerunning && <BusyNote text={t('import.dryRunning', { n: summary.rows })} />}
      {changed ? (
        <div className="error" role="alert">
          <p>
            <strong>{t('import.changedTitle')}</strong> {t('import.changedText')}
          </p>
          <button type="button" onClick={onRunAgain} disabled={rerunning}>
            {t('import.runAgain')}
          </button>
        </div>
      ) : (
        apply.error !== undefined && <ErrorMessage error={apply.error} />
      )}
    </>
  );
}
