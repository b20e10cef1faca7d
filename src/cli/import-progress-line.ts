import type { ImportProgress } from '../app/table-import/import-progress.js';

/** One status line of a table import: phase, percent, rows so far, rate and time left. */
export function importProgressLine(p: ImportProgress): string {
  const eta = p.etaSeconds === undefined ? '' : `, about ${formatSeconds(p.etaSeconds)} left`;
  return `${p.phase} ${p.percent.toFixed(1)}% (${p.rowsDone}/${p.rowsTotal} rows, ${Math.round(p.rowsPerSecond)} rows/s${eta})`;
}

function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
