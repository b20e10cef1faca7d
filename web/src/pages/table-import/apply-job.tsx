import { useEffect } from 'react';
import type { ImportJob, ImportReport } from '../../api/table-import';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { JobProgress } from './job-progress';
import { useImportJob } from './use-import-job';

/** The job's id in the address, so that a reload finds it again (ids are no personal data). */
export function rememberJob(id: string | undefined) {
  window.history.replaceState(window.history.state, '', id ? `?job=${id}` : window.location.pathname);
}

/** The job in the address, if any. */
export function jobInAddress(): string | undefined {
  const id = new URLSearchParams(window.location.search).get('job');
  return id && /^[0-9A-Z]{26}$/.test(id) ? id : undefined;
}

/**
 * Follows an import job: its progress while it runs; its report once done or cancelled (handed
 * to `onReport`); why it failed otherwise (a plan that changed since the dry run to `onChanged`).
 */
export function ApplyJob({
  id,
  onReport,
  onChanged,
}: {
  id: string;
  onReport: (report: ImportReport, job: ImportJob) => void;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const { job, report, error, setJob } = useImportJob(id);
  const changed = job?.status === 'failed' && job.error === 'VigilError:conflict';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported once, when the report arrives
  useEffect(() => {
    if (report && job) onReport(report, job);
  }, [report]);
  useEffect(() => {
    if (changed) onChanged?.();
  }, [changed, onChanged]);
  if (error !== undefined) return <ErrorMessage error={error} />;
  if (!job) return null;
  if (job.status === 'queued' || job.status === 'running')
    return <JobProgress job={job} onCancelled={setJob} />;
  if (job.status === 'failed' && !changed)
    return (
      <p className="error" role="alert">
        {t('importJob.failed')}
      </p>
    );
  if (job.status === 'cancelled' && !job.summary)
    return (
      <p className="notice" role="status">
        {t('importJob.cancelledEarly')}
      </p>
    );
  return null;
}
