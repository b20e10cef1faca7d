import type { StoredRecord } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import type { Candidate, DraftItem, DraftItemView } from '../../domain/schemas/draft.js';
import { REPLY_OUTCOMES, type ReplyItem, type ReplyOutcome } from '../../ingest/types.js';
import type { RecordWriter } from '../../store/record-store.js';
import { type AppliedReply, matchReplyToAppeals, recordReply } from '../appeals/reply-applier.js';
import type { Actor, AppContext } from '../context.js';

type Span = { start: number; end: number };

/** Why an appeal may be the one a reply answers, as the reviewer reads it. */
const REASONS = {
  appeal_date: { weight: 0.5, detail: 'the reply cites the day the appeal was sent or registered' },
  recipient: { weight: 0.17, detail: 'the answering body is the appeal’s recipient' },
  appellant: { weight: 0.33, detail: 'the reply is addressed to the appeal’s sender' },
} as const;

/**
 * The draft item of an official reply: its fields flat (so the reviewer can correct the outcome,
 * the dates and where it was forwarded) and every span that states them.
 */
export function replyItemOf(reply: ReplyItem): { proposed: Record<string, unknown>; spans: Span[] } {
  const fields = {
    from: reply.from,
    outgoingNumber: reply.outgoingNumber,
    date: reply.date,
    answersToDate: reply.answersTo.date,
    answersToNumber: reply.answersTo.number,
    appellant: reply.answersTo.appellant,
    outcome: reply.outcome,
    forwardedTo: reply.forwardedTo,
    newDeadline: reply.newDeadline,
  };
  const proposed: Record<string, unknown> = {};
  const spans: Span[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (!field) continue;
    proposed[key] = 'value' in field ? field.value : field.name;
    spans.push(...field.spans);
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { proposed, spans: spans.filter((s, k) => k === 0 || s.start !== spans[k - 1].start) };
}

/** The reply a (possibly corrected) item states; a corrected outcome or date must be valid. */
export function replyOfItem(item: Pick<DraftItem, 'id' | 'proposed' | 'value'>): ReplyItem {
  const v: Record<string, unknown> = { ...item.proposed, ...(item.value ?? {}) };
  const text = (key: string) => (typeof v[key] === 'string' && v[key] !== '' ? String(v[key]) : undefined);
  const day = (key: string) => {
    const value = text(key);
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw invalid(`item ${item.id}: ${key} must be a date (YYYY-MM-DD)`, [
        { path: `/value/${key}`, message: 'must be YYYY-MM-DD' },
      ]);
    return value;
  };
  const outcome = text('outcome');
  if (!REPLY_OUTCOMES.includes(outcome as ReplyOutcome))
    throw invalid(`item ${item.id}: outcome must be one of ${REPLY_OUTCOMES.join(', ')}`, [
      { path: '/value/outcome', message: 'unknown outcome' },
    ]);
  const stated = (value: string | undefined) => (value === undefined ? null : { value, spans: [] });
  const named = (name: string | undefined) => (name === undefined ? null : { name, spans: [] });
  return {
    from: named(text('from')),
    outgoingNumber: stated(text('outgoingNumber')),
    date: stated(day('date')),
    answersTo: {
      date: stated(day('answersToDate')),
      number: stated(text('answersToNumber')),
      appellant: named(text('appellant')),
    },
    outcome: { value: outcome as ReplyOutcome, spans: [] },
    forwardedTo: named(text('forwardedTo')),
    newDeadline: stated(day('newDeadline')),
  };
}

/** The appeals awaiting an answer that the reply item may answer, as candidates (best first). */
export async function replyCandidates(ctx: AppContext, item: DraftItemView): Promise<Candidate[]> {
  // Corrections are checked when decided, so the item always states a reply.
  const reply = replyOfItem(item);
  const matches = (await matchReplyToAppeals(ctx, reply)).slice(0, 5);
  const appeals = new Map(
    (
      await ctx.store.getMany(
        'interventions',
        matches.map((m) => m.interventionId),
      )
    ).map((a) => [a.id, a]),
  );
  return matches.flatMap((m) => {
    const appeal = appeals.get(m.interventionId);
    if (!appeal) return [];
    const reasons = m.reasons.map((code) => ({ code, ...REASONS[code] }));
    const score = Math.min(1, Math.round(reasons.reduce((s, r) => s + r.weight, 0) * 100) / 100);
    return [{ id: appeal.id, label: appealLabel(appeal), score, reasons }];
  });
}

function appealLabel(appeal: StoredRecord): string {
  const sent = typeof appeal.sentOn === 'string' ? ` · ${appeal.sentOn}` : '';
  return `${String(appeal.recipientName)}${sent}`;
}

/**
 * Moves the appeal the reviewer confirmed (or Vigil suggested) by the reply, inside the draft's
 * transaction; a reply item that answers no appeal cannot be applied.
 */
export async function applyReplyItem(props: {
  writer: RecordWriter;
  actor: Actor;
  source: StoredRecord;
  item: DraftItemView;
  interventionId: string | undefined;
}): Promise<AppliedReply> {
  const { item, interventionId } = props;
  if (!interventionId)
    throw invalid(`item ${item.id}: choose the appeal this reply answers, or reject the item`, [
      { path: `/items/${item.id}/matchId`, message: 'no appeal chosen' },
    ]);
  return recordReply({ ...props, reply: replyOfItem(item), interventionId });
}

/** The case of the appeal a kept reply item answers: the case its draft belongs to. */
export async function replyCaseCandidate(
  ctx: AppContext,
  items: DraftItemView[],
  resolve: (item: DraftItemView) => string | undefined,
): Promise<Candidate | undefined> {
  const item = items.find((i) => i.kind === 'reply' && i.decision !== 'reject');
  const interventionId = item ? resolve(item) : undefined;
  const appeal = interventionId ? await ctx.store.get('interventions', interventionId) : undefined;
  const kase = typeof appeal?.caseId === 'string' ? await ctx.store.get('cases', appeal.caseId) : undefined;
  if (!kase) return undefined;
  const reason = { code: 'answered_appeal', weight: 1, detail: 'the reply answers an appeal of this case' };
  return { id: kase.id, label: String(kase.title), score: 1, reasons: [reason] };
}
