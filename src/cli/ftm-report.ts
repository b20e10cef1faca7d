import type { FtmImportResult } from '../app/transfer/ftm/ftm-importer.js';
import type { CliIo } from './command.js';

const counts = (o: Partial<Record<string, number>>) =>
  Object.entries(o)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ') || 'none';

/**
 * Prints a FollowTheMoney import: a line for each entity that was skipped or lost a property
 * (with why), the outcomes per schema, then the records created and updated.
 */
export function printFtmReport(result: FtmImportResult, io: CliIo) {
  const perSchema = new Map<string, Map<string, number>>();
  for (const e of result.entities) {
    const outcomes = perSchema.get(e.schema) ?? new Map<string, number>();
    outcomes.set(e.outcome, (outcomes.get(e.outcome) ?? 0) + 1);
    perSchema.set(e.schema, outcomes);
    if (e.outcome === 'skipped' || e.outcome === 'conflict' || (e.reason && e.outcome !== 'merged'))
      io.stdout(`${e.id} (${e.schema}): ${e.outcome}: ${e.reason}\n`);
    for (const d of e.dropped) io.stdout(`${e.id} (${e.schema}): dropped ${d.property}: ${d.reason}\n`);
  }
  for (const [schema, outcomes] of [...perSchema].sort(([a], [b]) => a.localeCompare(b)))
    io.stdout(`${schema}: ${[...outcomes].map(([o, n]) => `${n} ${o}`).join(', ')}\n`);
  io.stdout(
    `${result.dryRun ? 'dry run, nothing kept: would have ' : ''}created ${counts(result.created)}; updated ${counts(result.updated)}; skipped ${result.skipped} entities; ${result.conflicts} conflicts (dataset "${result.dataset}")\n`,
  );
}
