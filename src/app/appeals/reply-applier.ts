import { appealDeadline } from '../../domain/appeals/appeal-deadline.js';
import { AWAITING_STATUSES } from '../../domain/appeals/appeal-status.js';
import type { StoredRecord } from '../../domain/collections.js';
import { invalid, notFound } from '../../domain/errors.js';
import { fold } from '../../ingest/fold.js';
import { findReply } from '../../ingest/replies.js';
import type { ReplyItem } from '../../ingest/types.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Actor, AppContext } from '../context.js';
import { insertValidRecord } from '../records/record-creator.js';
import { patchInTransaction, updateValidRecord } from '../records/record-updater.js';
import { appealCalculator, storedStatusOf, toTrackedAppeal } from './stored-appeal.js';

/** An appeal a reply may answer, with why it was matched (best first). */
export interface ReplyMatch {
  interventionId: string;
  score: number;
  reasons: Array<'appeal_date' | 'recipient' | 'appellant'>;
}

/** The official reply a source states, or an invalid-input error when it states none. */
export async function replyOfSource(
  ctx: AppContext,
  sourceId: string,
): Promise<{ source: StoredRecord; reply: ReplyItem }> {
  const source = await ctx.store.get('sources', sourceId);
  if (!source) throw notFound('source');
  const reply = typeof source.text === 'string' ? findReply(source.text) : null;
  if (!reply)
    throw invalid('the source is not a recognised official reply', [
      { path: '/sourceId', message: 'no reply found in its text' },
    ]);
  return { source, reply };
}

/**
 * Appeals still awaiting an answer that a reply may answer, ranked: the appeal's date as the
 * reply cites it (sent or registered that day), the answering body among the recipient's words,
 * and the appellant's surname among the sender's. An appeal matching on none is left out.
 */
export async function matchReplyToAppeals(ctx: AppContext, reply: ReplyItem): Promise<ReplyMatch[]> {
  const appeals: StoredRecord[] = [];
  for (const status of AWAITING_STATUSES)
    appeals.push(...(await ctx.store.list('interventions', { filters: { status }, limit: 1000 })));
  const from = words(reply.from?.name);
  // The surname only: a patronymic ("Петровне") would match another sender's surname ("Петров").
  const appellant = words(reply.answersTo.appellant?.name.split(/\s+/)[0]);
  const cited = reply.answersTo.date?.value;
  const matches: ReplyMatch[] = [];
  for (const appeal of appeals) {
    const reasons: ReplyMatch['reasons'] = [];
    let score = 0;
    if (cited && (appeal.sentOn === cited || appeal.registeredOn === cited)) {
      reasons.push('appeal_date');
      score += 3;
    }
    if (shareStem(from, words(String(appeal.recipientName)))) {
      reasons.push('recipient');
      score += 1;
    }
    if (typeof appeal.senderName === 'string' && shareStem(appellant, words(appeal.senderName))) {
      reasons.push('appellant');
      score += 2;
    }
    if (score > 0) matches.push({ interventionId: appeal.id, score, reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.interventionId.localeCompare(b.interventionId));
}

export interface ApplyReplyProps {
  ctx: AppContext;
  actor: Actor;
  sourceId: string;
  interventionId: string;
  /** The appeal's version the reviewer confirmed (optimistic concurrency). */
  version: number;
}

/** What applying a reply did: the appeal as moved, and the follow-up appeal of a forwarding. */
export interface AppliedReply {
  intervention: StoredRecord;
  followUp: StoredRecord | null;
}

/**
 * Records a reply on the appeal it answers, with the legal effect of its outcome, in one
 * transaction: answered or refused close the appeal on the reply's date; extended records the
 * extension of the rule's term (to the stated new deadline when there is one, else the most the
 * law allows); forwarded closes it as answered and opens a follow-up appeal to the new body, sent
 * on the reply's date, with its own 59-FZ answer term; a check under way keeps it awaiting, now
 * registered. The source becomes an official reply.
 */
export async function applyReplyToAppeal(props: ApplyReplyProps): Promise<AppliedReply> {
  const { ctx, actor, interventionId, version } = props;
  const { source, reply } = await replyOfSource(ctx, props.sourceId);
  return ctx.store.write(actor.id, (writer) =>
    recordReply({ writer, actor, source, reply, interventionId, version }),
  );
}

/**
 * The work of {@link applyReplyToAppeal} inside the caller's transaction (a draft's apply runs
 * it with the rest of the draft). Without a version, the appeal as it stands is moved.
 */
export async function recordReply(props: {
  writer: RecordWriter;
  actor: Actor;
  source: StoredRecord;
  reply: ReplyItem;
  interventionId: string;
  version?: number;
}): Promise<AppliedReply> {
  const { writer, actor, source, reply, interventionId } = props;
  const appeal = await writer.get('interventions', interventionId);
  if (!appeal) throw notFound('intervention');
  const on = reply.date?.value ?? writer.now.slice(0, 10);
  // The source is an official reply, issued on the reply's date: the chronology places it there.
  const dated = source.published === undefined && reply.date ? { published: reply.date.value } : {};
  if (source.kind !== 'official_reply' || dated.published) {
    const fresh = await writer.get('sources', source.id);
    if (fresh)
      await patchInTransaction(writer, 'sources', fresh, { kind: 'official_reply', ...dated }, actor.id);
  }
  const changes: Record<string, unknown> = { replySourceId: source.id };
  let followUp: StoredRecord | null = null;
  switch (reply.outcome.value) {
    case 'answered':
    case 'other':
      Object.assign(changes, { status: 'answered', answeredOn: on });
      break;
    case 'refused':
      Object.assign(changes, { status: 'refused', answeredOn: on });
      break;
    case 'extended':
      changes.extension = extensionOf(appeal, reply, on);
      break;
    case 'check_under_way':
      if (storedStatusOf(appeal) === 'sent')
        Object.assign(changes, { status: 'registered', registeredOn: on });
      break;
    case 'forwarded':
      Object.assign(changes, { status: 'answered', answeredOn: on });
      followUp = await insertValidRecord(writer, 'interventions', followUpOf(appeal, reply, on), 'forwarded');
      break;
  }
  const intervention = await updateValidRecord(
    writer,
    'interventions',
    interventionId,
    props.version ?? appeal.version,
    changes,
    'reply',
  );
  return { intervention, followUp };
}

/** The extension a reply announces, of the first extension the appeal's rule allows. */
function extensionOf(appeal: StoredRecord, reply: ReplyItem, on: string) {
  const tracked = toTrackedAppeal(appeal);
  const rule = tracked.ruleId ? appealCalculator().rule(tracked.ruleId) : undefined;
  const extension = rule?.extensions[0];
  if (!extension)
    throw invalid('the appeal’s deadline rule allows no extension', [
      { path: '/interventionId', message: 'no extension in its rule' },
    ]);
  const current = appealDeadline({ ...tracked, extension: undefined }, appealCalculator())?.due;
  const stated = reply.newDeadline?.value;
  let days: number | undefined;
  if (stated && current && extension.kind === 'add') {
    const diff = Math.round((Date.parse(stated) - Date.parse(current)) / 86_400_000);
    if (diff >= 1 && diff <= extension.maxDays) days = diff;
  }
  return { id: extension.id, noticeOn: on, ...(days ? { days } : {}) };
}

/** The appeal as the body it was forwarded to now holds it. */
function followUpOf(appeal: StoredRecord, reply: ReplyItem, on: string): Record<string, unknown> {
  const keep = ['caseId', 'senderName', 'senderKind', 'personIds', 'groupIds', 'kind', 'channel'] as const;
  const kept = Object.fromEntries(keep.filter((k) => appeal[k] !== undefined).map((k) => [k, appeal[k]]));
  return {
    ...kept,
    recipientName: (reply.forwardedTo?.name ?? 'the body the appeal was forwarded to').slice(0, 500),
    status: 'sent',
    sentOn: on,
    deadlineRule: 'fz59_answer',
    notes: `Forwarded by ${String(appeal.recipientName)}${reply.outgoingNumber ? ` (No. ${reply.outgoingNumber.value})` : ''}.`,
  };
}

function words(text: string | undefined): string[] {
  return text
    ? fold(text)
        .split(/\s+/)
        .filter((w) => w.length >= 4)
    : [];
}

/** Whether two word lists share a word by its first five letters (case endings differ). */
function shareStem(a: string[], b: string[]): boolean {
  const stems = new Set(a.map((w) => w.slice(0, 5)));
  return b.some((w) => stems.has(w.slice(0, 5)));
}
