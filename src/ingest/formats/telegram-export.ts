import { VigilError } from '../../domain/errors.js';

/**
 * Who may read a chat: a channel is news-like (posts to subscribers), a group or a private chat is
 * conversation (a hotline talking with a relative) and sensitive by default.
 */
export type TelegramChatKind = 'channel' | 'group' | 'private';

/** One message of a Telegram Desktop export ("type": "message"), its text flattened to plain text. */
export interface TelegramMessage {
  id: number;
  /** When it was sent, ISO 8601 in UTC (from `date_unixtime`, else the export's local `date`). */
  date: string;
  author?: string;
  authorId?: string;
  text: string;
  forwardedFrom?: string;
  replyTo?: number;
  /** When it was last edited, as `date`. */
  edited?: string;
  /** Relative path of its photo in the export folder. */
  photo?: string;
  /** Relative path of its file (document, video, voice…) in the export folder. */
  file?: string;
  mediaType?: string;
  mimeType?: string;
  /** The export left its photo or file out ("File not included", a size limit in the export settings). */
  mediaLeftOut?: true;
}

/** A chat export read from `result.json`. */
export interface TelegramChat {
  name: string;
  kind: TelegramChatKind;
  id: string;
  messages: TelegramMessage[];
  /** Service messages (joins, pins, title changes): not sources, only counted. */
  serviceCount: number;
}

const CHAT_KINDS: Record<string, TelegramChatKind> = {
  public_channel: 'channel',
  private_channel: 'channel',
  personal_chat: 'private',
  bot_chat: 'private',
  saved_messages: 'private',
  private_group: 'group',
  private_supergroup: 'group',
  public_supergroup: 'group',
};

const corrupt = (why: string) =>
  new VigilError('invalid_input', `the Telegram export is damaged or not a chat export: ${why}`);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain text of a `text` field: a string, or an array of strings and entity objects `{ type, text }`. */
export function flattenTelegramText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text
    .map((part) =>
      typeof part === 'string' ? part : isRecord(part) && typeof part.text === 'string' ? part.text : '',
    )
    .join('');
}

/** Media the export left out are written as "(File not included. …)" instead of a path. */
const leftOut = (v: unknown) => typeof v === 'string' && v.startsWith('(');

function mediaPath(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && !leftOut(v) ? v : undefined;
}

function dateOf(unix: unknown, local: unknown): string | undefined {
  const seconds = typeof unix === 'string' || typeof unix === 'number' ? Number(unix) : Number.NaN;
  if (Number.isFinite(seconds) && seconds > 0) return new Date(seconds * 1000).toISOString();
  if (typeof local === 'string' && !Number.isNaN(Date.parse(`${local}Z`)))
    return new Date(`${local}Z`).toISOString();
  return undefined;
}

const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function messageOf(raw: Record<string, unknown>, at: number): TelegramMessage {
  const id = raw.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw corrupt(`message ${at} has no numeric id`);
  const date = dateOf(raw.date_unixtime, raw.date);
  if (!date) throw corrupt(`message ${id} has no date`);
  const message: TelegramMessage = { id, date, text: flattenTelegramText(raw.text).trim() };
  const fields = {
    author: optionalString(raw.from),
    authorId: optionalString(raw.from_id),
    forwardedFrom: optionalString(raw.forwarded_from),
    replyTo: typeof raw.reply_to_message_id === 'number' ? raw.reply_to_message_id : undefined,
    edited: raw.edited === undefined ? undefined : dateOf(raw.edited_unixtime, raw.edited),
    photo: mediaPath(raw.photo),
    file: mediaPath(raw.file),
    mediaType: optionalString(raw.media_type),
    mimeType: optionalString(raw.mime_type),
    mediaLeftOut: leftOut(raw.photo) || leftOut(raw.file) ? true : undefined,
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(message, { [k]: v });
  return message;
}

/**
 * Reads Telegram Desktop's "Export chat history" JSON (`result.json`) of one chat. Anything that
 * is not such an export (another JSON, a message without id or date) is refused as a whole, so a
 * damaged export stores nothing. `maxMessages` bounds the messages read.
 */
export function parseTelegramExport(json: string, maxMessages: number): TelegramChat {
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    throw corrupt('result.json is not valid JSON');
  }
  if (!isRecord(doc) || !Array.isArray(doc.messages)) throw corrupt('result.json has no messages list');
  const kind = CHAT_KINDS[String(doc.type)];
  if (!kind) throw corrupt('unknown chat type (export one chat, in JSON)');
  if (typeof doc.id !== 'number' && typeof doc.id !== 'string') throw corrupt('the chat has no id');
  if (doc.messages.length > maxMessages)
    throw new VigilError('too_large', `the export holds more than ${maxMessages} messages`);
  const messages: TelegramMessage[] = [];
  let serviceCount = 0;
  const seen = new Set<number>();
  doc.messages.forEach((raw, at) => {
    if (!isRecord(raw)) throw corrupt(`message ${at} is not an object`);
    if (raw.type === 'service') {
      serviceCount++;
      return;
    }
    if (raw.type !== 'message') throw corrupt(`message ${at} has an unknown type`);
    const message = messageOf(raw, at);
    if (seen.has(message.id)) throw corrupt(`message ${message.id} appears twice`);
    seen.add(message.id);
    messages.push(message);
  });
  return {
    name: typeof doc.name === 'string' && doc.name !== '' ? doc.name : 'Telegram chat',
    kind,
    id: String(doc.id),
    messages,
    serviceCount,
  };
}
