import { useEffect, useState } from 'react';
import type { ImportReport, ImportRow, RowOutcome } from '../../api/table-import';

/** Rows shown per page of the report. */
export const PAGE_SIZE = 50;
/** Rows asked of the server at once: a page turn within them costs no new dry run. */
export const CHUNK = 500;

export type ReportWindow = { outcomes?: RowOutcome[]; offset: number; limit: number };

interface Chunk {
  key: string;
  offset: number;
  rows: ImportRow[];
}

export interface ReportRows {
  rows: ImportRow[] | undefined;
  /** Rows of the chosen outcomes in the whole report. */
  total: number;
  loading: boolean;
  error: unknown;
  /** A later window came from another plan: the records or the table changed since the dry run. */
  stale: boolean;
}

/** Rows of the report with these outcomes (all when none). */
export function totalOf(report: ImportReport, outcomes: RowOutcome[]): number {
  return outcomes.length ? outcomes.reduce((n, o) => n + report.summary[o], 0) : report.summary.rows;
}

/**
 * One page of a dry run's report, filtered by outcome. The report holds the first CHUNK rows; a
 * page outside the rows at hand is asked of the server (which plans the table again: for a long
 * table that takes a while), CHUNK rows at a time. Without `fetchWindow` (an import already made)
 * only the rows at hand are shown.
 */
export function useReportRows(
  report: ImportReport,
  outcomes: RowOutcome[],
  page: number,
  fetchWindow?: (window: ReportWindow, signal: AbortSignal) => Promise<ImportReport>,
): ReportRows {
  const key = [...outcomes].sort().join(',');
  const start = page * PAGE_SIZE;
  // The report's own rows are all there is to show when nothing was left out, or when no more can be asked.
  const atHand = report.rowsOmitted === 0 || !fetchWindow;
  const total = atHand ? matching(report.rows, outcomes).length : totalOf(report, outcomes);
  const end = Math.min(start + PAGE_SIZE, total);
  const [chunk, setChunk] = useState<Chunk>({ key: '', offset: 0, rows: report.rows });
  const [error, setError] = useState<unknown>(undefined);
  const [stale, setStale] = useState(false);
  const covered =
    atHand || (chunk.key === key && chunk.offset <= start && chunk.offset + chunk.rows.length >= end);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `start` say which window is needed
  useEffect(() => {
    if (covered || !fetchWindow) return;
    const controller = new AbortController();
    const offset = Math.floor(start / CHUNK) * CHUNK;
    setError(undefined);
    fetchWindow(
      { outcomes: outcomes.length ? outcomes : undefined, offset, limit: CHUNK },
      controller.signal,
    ).then(
      (next) => {
        if (controller.signal.aborted) return;
        if (next.planDigest !== report.planDigest) setStale(true);
        setChunk({ key, offset, rows: next.rows });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      },
    );
    return () => controller.abort();
  }, [covered, key, start]);
  let rows: ImportRow[] | undefined;
  if (atHand) rows = matching(report.rows, outcomes).slice(start, end);
  else if (covered) rows = chunk.rows.slice(start - chunk.offset, end - chunk.offset);
  return { rows, total, loading: !covered && error === undefined, error, stale };
}

function matching(rows: ImportRow[], outcomes: RowOutcome[]): ImportRow[] {
  return outcomes.length ? rows.filter((r) => outcomes.includes(r.outcome)) : rows;
}
