/** Where a table import job is, as its owner sees it. */
export interface ImportProgress {
  phase: 'planning' | 'applying';
  rowsDone: number;
  rowsTotal: number;
  /** Of the whole job: an apply plans first (the first half), then writes (the second). */
  percent: number;
  /** Rows of the current phase per second since it began. */
  rowsPerSecond: number;
  /** Seconds left at the current rate; undefined until a rate is known. */
  etaSeconds?: number;
}

/**
 * Works out percent, rate and time left from the counts a job commits. An apply's planning
 * counts for half of it, and its writing is estimated at the planning rate until it begins.
 */
export function importProgress(state: {
  kind: 'dry_run' | 'apply';
  phase: 'planning' | 'applying';
  rowsDone: number;
  rowsTotal: number;
  phaseStartedAt?: string;
  now: string;
}): ImportProgress {
  const { kind, phase, rowsDone, rowsTotal } = state;
  const share = rowsTotal > 0 ? Math.min(1, rowsDone / rowsTotal) : 0;
  const percent = kind === 'dry_run' ? share * 100 : phase === 'planning' ? share * 50 : 50 + share * 50;
  const seconds = state.phaseStartedAt
    ? (Date.parse(state.now) - Date.parse(state.phaseStartedAt)) / 1000
    : 0;
  const rowsPerSecond = seconds > 0 ? rowsDone / seconds : 0;
  const left = rowsTotal - rowsDone + (kind === 'apply' && phase === 'planning' ? rowsTotal : 0);
  return {
    phase,
    rowsDone,
    rowsTotal,
    percent: Math.round(percent * 10) / 10,
    rowsPerSecond: Math.round(rowsPerSecond * 10) / 10,
    ...(rowsPerSecond > 0 ? { etaSeconds: Math.ceil(left / rowsPerSecond) } : {}),
  };
}
