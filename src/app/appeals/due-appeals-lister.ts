import { type DueEntry, listDue, listWithoutDeadline } from '../../domain/appeals/due-list.js';
import { DEFAULT_TIME_ZONE, localDate } from '../../domain/appeals/local-date.js';
import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { listAllRecords } from '../records/record-lister.js';
import { type DueAppeal, presentDueEntry, presentUndatedEntry } from './due-appeal.js';
import { appealCalculator, toTrackedAppeal } from './stored-appeal.js';

/** Stored statuses of appeals that may be late; 'overdue' only in records from before it was derived. */
const AWAITING = ['sent', 'registered', 'overdue'] as const;

export interface DueProps {
  ctx: AppContext;
  /** Days ahead to include; overdue appeals are always included. */
  withinDays: number;
  /** Overrides the configured zone: the user's own. */
  timeZone?: string;
  /** Overrides the context's clock. */
  now?: Date;
  /** Whose list: only appeals this reader may see. Absent for the local operator (`vigil due`). */
  scope?: AccessScope;
}

export interface DueList {
  /** Today in the zone the list was judged in. */
  today: string;
  timeZone: string;
  items: DueAppeal[];
}

/** Every stored appeal still awaiting an answer. */
async function awaitingAppeals(ctx: AppContext): Promise<StoredRecord[]> {
  const all: StoredRecord[] = [];
  for (const status of AWAITING) all.push(...(await listAllRecords(ctx, 'interventions', { status })));
  return all;
}

/** The appeals awaiting an answer that the reader may see, and the clock and zone they are judged by. */
async function visibleAwaiting(props: DueProps) {
  const { ctx } = props;
  const timeZone = props.timeZone ?? ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const now = props.now ?? ctx.now?.() ?? new Date();
  const awaiting = await awaitingAppeals(ctx);
  const records = props.scope ? await props.scope.visibleOnly('interventions', awaiting) : awaiting;
  return { now, timeZone, records, byId: new Map(records.map((r) => [r.id, r])) };
}

/** The due entries and their records, for the list and the calendar feed. */
export async function dueEntries(
  props: DueProps,
): Promise<{ today: string; timeZone: string; entries: Array<{ entry: DueEntry; record: StoredRecord }> }> {
  const { now, timeZone, records, byId } = await visibleAwaiting(props);
  const due = listDue(records.map(toTrackedAppeal), {
    now,
    timeZone,
    withinDays: props.withinDays,
    calculator: appealCalculator(),
  });
  return {
    today: localDate(now, timeZone),
    timeZone,
    entries: due.map((entry) => ({ entry, record: byId.get(entry.appeal.id) as StoredRecord })),
  };
}

/**
 * Appeals overdue or due within `withinDays`, soonest first, judged at 00:00 in the user's time
 * zone, with suggested next steps for the overdue ones, then every appeal awaiting an answer
 * whose deadline cannot be computed, marked `noDeadline`: `vigil due` and the dashboard list.
 */
export async function listDueAppeals(props: DueProps): Promise<DueList> {
  const { now, timeZone, records, byId } = await visibleAwaiting(props);
  const options = { now, timeZone, calculator: appealCalculator() };
  const tracked = records.map(toTrackedAppeal);
  const record = (id: string) => byId.get(id) as StoredRecord;
  return {
    today: localDate(now, timeZone),
    timeZone,
    items: [
      ...listDue(tracked, { ...options, withinDays: props.withinDays }).map((e) =>
        presentDueEntry(e, record(e.appeal.id)),
      ),
      ...listWithoutDeadline(tracked, options).map((e) => presentUndatedEntry(e, record(e.appeal.id))),
    ],
  };
}
