import { api } from '../../api/client';
import type { ImportJob } from '../../api/table-import';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';

/**
 * A running import job: a progress bar with the percent, the rows done, the rate and the time
 * left, as the server counts them, and a button to cancel it (it stops between chunks; what an
 * import wrote so far stays).
 */
export function JobProgress({ job, onCancelled }: { job: ImportJob; onCancelled: (job: ImportJob) => void }) {
  const { t, number } = useI18n();
  const cancel = useAction();
  const p = job.progress;
  const what = t(job.kind === 'apply' ? 'importJob.applying' : 'importJob.planning');
  const phase = t(p.phase === 'planning' ? 'importJob.phasePlanning' : 'importJob.phaseApplying');
  const stop = async () => {
    const next = await cancel.run(() => api<ImportJob>('POST', `/api/table-imports/jobs/${job.id}/cancel`));
    if (next) onCancelled(next);
  };
  return (
    <div className="card busy-note job-progress">
      <p role="status">{what}</p>
      <progress aria-label={what} max={100} value={p.percent} />
      <p className="job-figures">
        {t('importJob.figures', {
          percent: number(p.percent),
          phase,
          done: number(p.rowsDone),
          total: number(p.rowsTotal),
          rate: number(Math.round(p.rowsPerSecond)),
        })}{' '}
        {p.etaSeconds !== undefined && t('importJob.eta', { n: number(p.etaSeconds) })}
      </p>
      <button type="button" onClick={() => void stop()} disabled={cancel.busy || job.status === 'cancelled'}>
        {t('importJob.cancel')}
      </button>
      {cancel.error !== undefined && <ErrorMessage error={cancel.error} />}
    </div>
  );
}
