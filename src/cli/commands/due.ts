import type { DatedDueAppeal, DueAppeal } from '../../app/appeals/due-appeal.js';
import { type DueList, listDueAppeals } from '../../app/appeals/due-appeals-lister.js';
import { loadConfig } from '../../config.js';
import { type NoDeadlineReason, parseWithin } from '../../domain/appeals/due-list.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { withApp } from '../with-app.js';

function when(item: DatedDueAppeal): string {
  const n = Math.abs(item.daysLeft);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  if (item.daysLeft < 0) return `${days} overdue`;
  return item.daysLeft === 0 ? 'due today' : `due in ${days}`;
}

const NO_DEADLINE_WHY: Record<NoDeadlineReason, string> = {
  no_rule: 'no legal term recorded for this appeal: record its deadline rule, or follow it up by hand',
  no_start_date: 'the date it was sent or received is unknown: record it to count the deadline',
};

/** The list as lines for a terminal: bodies, rules and ids, never the persons concerned. */
function render(list: DueList, withinDays: number): string {
  const overdue = list.items.filter((i) => i.status === 'overdue').length;
  const undated = list.items.filter((i) => 'noDeadline' in i).length;
  const head =
    `Appeals as of ${list.today} (${list.timeZone}): ${overdue} overdue, ` +
    `${list.items.length - overdue - undated} due within ${withinDays} days` +
    (undated ? `, ${undated} with no deadline known` : '');
  if (!list.items.length) return `${head}\n`;
  const blocks = list.items.map((item: DueAppeal) => {
    if ('noDeadline' in item)
      return [
        `NO DEADLINE KNOWN  ${item.kind} to ${item.recipient}`,
        `         ${NO_DEADLINE_WHY[item.noDeadlineReason]}`,
        `         appeal ${item.id}${item.caseId ? `  case ${item.caseId}` : ''}`,
      ].join('\n');
    const lines = [
      `${item.status === 'overdue' ? 'OVERDUE' : 'DUE    '}  ${item.deadline.due}  ${when(item)}  ${item.kind} to ${item.recipient}`,
      `         ${item.deadline.citation}${item.deadline.estimated ? ' (estimated: record the missing dates)' : ''}`,
      `         appeal ${item.id}${item.caseId ? `  case ${item.caseId}` : ''}`,
    ];
    for (const step of item.nextSteps) lines.push(`         next: ${step.label.en} (${step.basis})`);
    return lines.join('\n');
  });
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}

export const dueCommand: CliCommand = {
  help: `usage: vigil due [--within 7d] [--tz ZONE] [--json] [--db URL]

Lists appeals still awaiting an answer whose legal deadline has passed or falls within the
period, soonest first, with the next steps the law offers for overdue ones; then, marked
NO DEADLINE KNOWN, those whose deadline cannot be computed (no legal term, or no date to count from).
  --within P   period ahead: 7d, 2w or a number of days (default 7d)
  --tz ZONE    IANA time zone deadlines are judged in (default VIGIL_TZ or Europe/Moscow):
               an appeal is overdue from 00:00 after its last day in that zone
  --json       print the list as JSON
  --db URL     SQLite file path or postgres:// URL (default ./vigil.db, or VIGIL_DB)
Exits 0 whether or not anything is due.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        within: { type: 'string' },
        tz: { type: 'string' },
        json: { type: 'boolean' },
        ...DB_OPTIONS,
      },
      false,
    );
    const withinDays = parseWithin(values.within ?? '7d');
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const list = await listDueAppeals({ ctx, withinDays, timeZone: config.timeZone });
      io.stdout(values.json ? `${JSON.stringify(list, null, 2)}\n` : render(list, withinDays));
      return 0;
    });
  },
};
