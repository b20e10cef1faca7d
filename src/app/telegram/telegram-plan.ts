import { createHash } from 'node:crypto';
import type { TelegramChat, TelegramMessage } from '../../ingest/formats/telegram-export.js';

/** Which messages of an export to import. */
export interface TelegramFilters {
  /** First day kept, YYYY-MM-DD (UTC), inclusive. */
  since?: string;
  /** Last day kept, YYYY-MM-DD (UTC), inclusive. */
  until?: string;
  /** Words of which a message must contain at least one (case-insensitive). */
  match?: string;
}

export type MessageStatus = 'new' | 'edited' | 'unchanged' | 'filtered';

/** The messages of one chat sorted by what an import would do with them. */
export interface TelegramPlan {
  counts: Record<MessageStatus, number>;
  /** New and edited messages, grouped into the sources they become (export order). */
  units: TelegramMessage[][];
  digests: Map<number, string>;
}

/** Consecutive messages of one author in a conversation this close together read as one message. */
const SAME_TURN_MS = 15 * 60 * 1000;

/** Digest of what a message says: a change of any of these is an edit worth importing again. */
export function messageDigest(m: TelegramMessage): string {
  const said = [m.text, m.edited, m.photo, m.file, m.author, m.authorId, m.forwardedFrom, m.replyTo];
  return createHash('sha256').update(JSON.stringify(said)).digest('hex');
}

function passes(m: TelegramMessage, filters: TelegramFilters, words: string[]): boolean {
  const day = m.date.slice(0, 10);
  if (filters.since && day < filters.since) return false;
  if (filters.until && day > filters.until) return false;
  if (words.length && !words.some((w) => m.text.toLowerCase().includes(w))) return false;
  // Nothing to keep: a sticker, a poll, a post whose media the export left out.
  return m.text !== '' || m.photo !== undefined || m.file !== undefined;
}

/**
 * Sorts a chat's messages against the digests of its earlier import: filtered out, unchanged, new
 * or edited; and groups the new and edited ones into sources — one per channel post, one per turn
 * (consecutive messages of one author) in a group or private chat.
 */
export function planTelegramImport(
  chat: TelegramChat,
  previous: Map<number, string>,
  filters: TelegramFilters,
): TelegramPlan {
  const words = (filters.match ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const counts: Record<MessageStatus, number> = { new: 0, edited: 0, unchanged: 0, filtered: 0 };
  const units: TelegramMessage[][] = [];
  const digests = new Map<number, string>();
  let turn: TelegramMessage[] | undefined;
  for (const m of chat.messages) {
    if (!passes(m, filters, words)) {
      counts.filtered++;
      turn = undefined;
      continue;
    }
    const digest = messageDigest(m);
    const before = previous.get(m.id);
    if (before === digest) {
      counts.unchanged++;
      turn = undefined;
      continue;
    }
    counts[before === undefined ? 'new' : 'edited']++;
    digests.set(m.id, digest);
    const last = turn?.[turn.length - 1];
    if (
      chat.kind !== 'channel' &&
      turn &&
      last &&
      last.authorId === m.authorId &&
      Date.parse(m.date) - Date.parse(last.date) <= SAME_TURN_MS
    ) {
      turn.push(m);
      continue;
    }
    turn = [m];
    units.push(turn);
  }
  return { counts, units, digests };
}
