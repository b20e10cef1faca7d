import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ImportJob, ImportReport } from '../../api/table-import';
import { CHUNK, type ReportWindow } from './use-report-rows';

/** How often a running job is asked for its progress. */
const POLL_MS = 1000;

/** Whether the job has stopped for good. */
export const ended = (job: ImportJob) => ['done', 'failed', 'cancelled'].includes(job.status);

/** A window of a job's stored report: paging it never plans the table again. */
export function jobWindow(id: string) {
  return (w: ReportWindow, signal?: AbortSignal) =>
    api<ImportReport>('GET', `/api/table-imports/jobs/${id}/report`, {
      query: { offset: w.offset, limit: w.limit, outcomes: w.outcomes?.join(',') },
      signal,
    });
}

/**
 * Follows a table import job until it ends, then reads the first window of its report (a job
 * cancelled before it had planned has none).
 */
export function useImportJob(id: string) {
  const [job, setJob] = useState<ImportJob | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await api<ImportJob>('GET', `/api/table-imports/jobs/${id}`, {
          signal: controller.signal,
        });
        setJob(next);
        if (!ended(next)) {
          timer = window.setTimeout(() => void poll(), POLL_MS);
          return;
        }
        if (next.summary) setReport(await jobWindow(id)({ offset: 0, limit: CHUNK }, controller.signal));
      } catch (err) {
        if (!controller.signal.aborted) setError(err);
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id]);
  return { job, report, error, setJob };
}
