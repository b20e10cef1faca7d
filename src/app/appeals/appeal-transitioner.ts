import {
  APPEAL_TRANSITIONS,
  canTransition,
  type StoredAppealStatus,
} from '../../domain/appeals/appeal-status.js';
import { DEFAULT_TIME_ZONE, localDate } from '../../domain/appeals/local-date.js';
import type { StoredRecord } from '../../domain/collections.js';
import { parseIsoDate } from '../../domain/deadlines/iso-date.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Actor, AppContext } from '../context.js';
import { insertValidRecord } from '../records/record-creator.js';
import { staleVersion, updateValidRecord } from '../records/record-updater.js';
import { storedStatusOf } from './stored-appeal.js';

/** The date field each status records. */
const DATE_OF: Record<Exclude<StoredAppealStatus, 'draft'>, string> = {
  sent: 'sentOn',
  registered: 'registeredOn',
  answered: 'answeredOn',
  refused: 'answeredOn',
};

export interface TransitionProps {
  ctx: AppContext;
  actor: Actor;
  id: string;
  /** The version the client last read (optimistic concurrency). */
  version: number;
  to: StoredAppealStatus;
  /** When it happened; today in the user's time zone when absent. */
  on?: string;
  /** An official reply already stored as a source. */
  replySourceId?: string;
  /** A new official reply to store as a source with the move (its fields; kind is official_reply). */
  reply?: Record<string, unknown>;
  /** An extension of the term the authority announced; null removes a recorded one. */
  extension?: { id: string; days?: number; noticeOn?: string } | null;
  timeZone?: string;
}

/**
 * Moves an appeal to its next status as the status machine allows, recording the date of the
 * event, attaching the official reply (an existing source or a new one) and any extension, all in
 * one transaction with its audit entries. The deadline is recomputed by the intervention rules.
 * An illegal move is invalid input (400): retrying cannot make it legal, unlike a stale version (409).
 */
export async function transitionAppeal(props: TransitionProps): Promise<StoredRecord> {
  const { ctx, actor, id, version, to } = props;
  const today = localDate(ctx.now?.() ?? new Date(), props.timeZone ?? ctx.timeZone ?? DEFAULT_TIME_ZONE);
  const on = props.on === undefined ? today : parseIsoDate(props.on, 'on');
  if (on > today) throw invalid('on cannot be in the future', [{ path: '/on', message: `after ${today}` }]);
  if (props.reply && props.replySourceId) {
    throw invalid('give either replySourceId or reply', [{ path: '/reply', message: 'not both' }]);
  }
  if ((props.reply || props.replySourceId) && to !== 'answered' && to !== 'refused') {
    throw invalid('a reply moves an appeal to answered or refused', [
      { path: '/to', message: 'answered or refused' },
    ]);
  }
  return ctx.store.write(actor.id, async (writer) => {
    const before = await writer.get('interventions', id);
    if (!before) throw notFound('intervention');
    // A stale view first: the move may well be legal from the status someone else just set.
    if (before.version !== version) throw staleVersion('intervention', before.version);
    const from = storedStatusOf(before);
    if (!canTransition(from, to)) {
      const allowed = APPEAL_TRANSITIONS[from].join(', ') || 'none';
      throw invalid(`an appeal cannot go from ${from} to ${to} (allowed: ${allowed})`, [
        { path: '/to', message: `allowed from ${from}: ${allowed}` },
      ]);
    }
    const changes: Record<string, unknown> = { status: to };
    if (to !== 'draft') changes[DATE_OF[to]] = on;
    if (props.extension !== undefined) changes.extension = props.extension;
    const replyId = props.reply ? await storeReply(writer, props.reply, on) : props.replySourceId;
    if (replyId) {
      await checkReply(writer, replyId);
      changes.replySourceId = replyId;
    }
    return updateValidRecord(writer, 'interventions', id, version, changes, 'transition');
  });
}

async function storeReply(writer: RecordWriter, reply: Record<string, unknown>, on: string): Promise<string> {
  if (reply.kind !== undefined && reply.kind !== 'official_reply') {
    throw invalid('a reply is a source of kind official_reply', [
      { path: '/reply/kind', message: 'official_reply' },
    ]);
  }
  const source = await insertValidRecord(writer, 'sources', {
    published: on,
    ...reply,
    kind: 'official_reply',
  });
  return source.id;
}

async function checkReply(writer: RecordWriter, sourceId: string): Promise<void> {
  const source = await writer.get('sources', sourceId);
  if (!source)
    throw invalid('replySourceId refers to no source', [
      { path: '/replySourceId', message: 'no source with this id' },
    ]);
  if (source.kind !== 'official_reply') {
    throw invalid('the reply must be a source of kind official_reply', [
      { path: '/replySourceId', message: `is a ${String(source.kind)}` },
    ]);
  }
}
