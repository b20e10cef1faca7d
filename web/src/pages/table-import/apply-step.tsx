import { useState } from 'react';
import { api } from '../../api/client';
import type { ImportJob, ImportReport, TableMapping } from '../../api/table-import';
import { BusyNote } from '../../components/busy-note';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { ApplyJob, rememberJob } from './apply-job';
import { ImportReportView } from './import-report';
import type { ReportWindow } from './use-report-rows';

/**
 * Step three: the dry run's report, and the import made with its plan as a background job whose
 * progress is shown. If anything changed since the dry run (the records, or someone imported
 * first), the job fails without writing and the user is told so plainly and offered the dry run
 * again.
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
  onApplied: (result: ImportReport, job: ImportJob) => void;
}) {
  const { t } = useI18n();
  const apply = useAction();
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const [changed, setChanged] = useState(false);
  const { summary } = report;
  const writes = summary.created + summary.updated > 0;
  const skipped = summary.ambiguous + summary.invalid + summary.conflict;
  const run = async () => {
    setChanged(false);
    const job = await apply.run(() =>
      api<ImportJob>('POST', '/api/table-imports/jobs', {
        body: { kind: 'apply', upload, mapping, planDigest: report.planDigest },
      }),
    );
    if (job) {
      setJobId(job.id);
      rememberJob(job.id);
    }
  };
  const running = jobId !== undefined && !changed;
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
          <button type="button" onClick={onBack} disabled={apply.busy || running}>
            {t('import.changeMapping')}
          </button>
          {writes && (
            <button
              type="button"
              className="primary"
              onClick={() => void run()}
              disabled={apply.busy || rerunning || running}
            >
              {t('import.apply')}
            </button>
          )}
        </div>
      </div>
      {jobId && !changed && (
        <ApplyJob
          key={jobId}
          id={jobId}
          onReport={onApplied}
          onChanged={() => {
            setChanged(true);
            rememberJob(undefined);
          }}
        />
      )}
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
