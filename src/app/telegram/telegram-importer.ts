import { VigilError } from '../../domain/errors.js';
import { readReportFile } from '../../ingest/formats/read-report-file.js';
import type { TelegramExportFiles, TelegramLimits } from '../../ingest/formats/telegram-archive.js';
import {
  parseTelegramExport,
  type TelegramChat,
  type TelegramMessage,
} from '../../ingest/formats/telegram-export.js';
import { detectLanguage } from '../../ingest/language.js';
import { signatureBands, storySignature } from '../../ingest/near-duplicates.js';
import type { RecordWriter } from '../../store/record-store.js';
import { telegramRows } from '../../store/telegram-rows.js';
import type { Actor, AppContext } from '../context.js';
import { dropEmpty, type NewSource, sha256, storeNewSource } from '../ingest/source-ingester.js';
import { type MessageStatus, planTelegramImport, type TelegramFilters } from './telegram-plan.js';

export interface TelegramImportOptions extends TelegramFilters {
  /** The public channel's @username, for t.me links to its posts. */
  username?: string;
  /** A group or private chat is imported as ordinary sources and extracted, not as sensitive testimony. */
  extract?: boolean;
  dryRun?: boolean;
}

/** What an import did (or, in a dry run, would do). */
export interface TelegramImportSummary {
  chat: { name: string; kind: TelegramChat['kind']; sensitive: boolean };
  dryRun: boolean;
  messages: Record<MessageStatus, number> & { service: number };
  /** Sources created: posts or turns, and their photos and files. */
  sources: number;
  media: { stored: number; missing: number; tooLarge: number; unreadable: number };
}

export interface TelegramImportProps {
  ctx: AppContext;
  actor: Actor;
  files: TelegramExportFiles;
  limits: TelegramLimits;
  options: TelegramImportOptions;
  /** Called after each source is stored, with how many of the planned are done. */
  onProgress?: (done: number, total: number) => void;
}

/** A photo or file read from the export, ready to become a source. */
interface Media {
  message: TelegramMessage;
  bytes: Buffer;
  read: Awaited<ReturnType<typeof readReportFile>>;
}

/** Telegram usernames: 5 to 32 letters, digits and underscores, starting with a letter. */
const USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;

/**
 * Imports one Telegram Desktop chat export: channel posts become public sources (linked to t.me
 * when the channel's username is given) queued for extraction and joined to the stories they
 * reprint; a group's or private chat's turns become sensitive sources (sealed, not indexed, not
 * extracted) unless `extract` is asked. Photos and files become sources of their own (photos
 * read by OCR). Messages imported before and unchanged are skipped. One transaction: a damaged
 * export or any failure stores nothing.
 */
export async function importTelegram({
  ctx,
  actor,
  files,
  limits,
  options,
  onProgress,
}: TelegramImportProps): Promise<TelegramImportSummary> {
  if (options.username !== undefined && !USERNAME.test(options.username.replace(/^@/, '')))
    throw new VigilError('invalid_input', 'the channel username is not a Telegram username');
  const chat = parseTelegramExport(files.resultJson(), limits.maxMessages);
  const sensitive = chat.kind !== 'channel' && options.extract !== true;
  const previous = await telegramRows.digestsOfChat(ctx.store.handle.db, chat.id);
  const plan = planTelegramImport(chat, previous, options);
  const media = { stored: 0, missing: 0, tooLarge: 0, unreadable: 0 };
  const summary: TelegramImportSummary = {
    chat: { name: sensitive ? '' : chat.name, kind: chat.kind, sensitive },
    dryRun: options.dryRun === true,
    messages: { ...plan.counts, service: chat.serviceCount },
    sources: 0,
    media,
  };
  // Media are read before the transaction opens: what cannot be read is counted, not stored.
  const mediaOf = new Map<number, Media>();
  for (const message of plan.units.flat()) {
    if (message.mediaLeftOut) media.missing++;
    const path = message.photo ?? message.file;
    if (path === undefined) continue;
    const size = files.sizeOf(path);
    if (size === undefined) media.missing++;
    else if (size > limits.maxMediaBytes) media.tooLarge++;
    else {
      const bytes = files.read(path);
      const read = await readReportFile(bytes).catch((err: unknown) => {
        if (err instanceof VigilError && err.kind !== 'internal') return undefined;
        throw err;
      });
      if (read) mediaOf.set(message.id, { message, bytes, read });
      else media.unreadable++;
    }
  }
  if (options.dryRun) return summary;
  const username = options.username?.replace(/^@/, '');
  const total = plan.units.length;
  await ctx.store.write(actor.id, async (writer) => {
    let done = 0;
    for (const unit of plan.units) {
      const text = unitText(chat, unit);
      const textSource = text
        ? await storeNewSource(ctx, writer, messageSource(chat, unit, text, sensitive, username))
        : undefined;
      if (textSource) summary.sources++;
      for (const message of unit) {
        const attached = mediaOf.get(message.id);
        const mediaSource = attached
          ? await storeNewSource(ctx, writer, attachmentSource(chat, attached, sensitive, username))
          : undefined;
        if (mediaSource) {
          summary.sources++;
          media.stored++;
        }
        const holder = textSource ?? mediaSource;
        // A message with neither text nor readable media left nothing to hold it.
        if (holder)
          await recordMessage(
            writer,
            chat,
            message,
            plan.digests,
            sensitive,
            holder.source.id,
            mediaSource?.source.id,
          );
      }
      onProgress?.(++done, total);
    }
  });
  return summary;
}

/** Who wrote what in a conversation turn; a channel post's own text. */
function unitText(chat: TelegramChat, unit: TelegramMessage[]): string {
  if (chat.kind === 'channel') return unit[0].text;
  const said = unit.map((m) => m.text).filter(Boolean);
  if (said.length === 0) return '';
  // The author's name is kept with what they said (sealed with it when the chat is sensitive).
  const head = `${unit[0].author ?? unit[0].authorId ?? 'unknown'}, ${unit[0].date.slice(0, 16).replace('T', ' ')}`;
  return `${head}:\n${said.join('\n')}`;
}

function titleOf(chat: TelegramChat, unit: TelegramMessage[], what: string): string {
  const first = unit[0].id;
  const last = unit[unit.length - 1].id;
  const ids = first === last ? `${first}` : `${first}–${last}`;
  // A group's or private chat's name may be a relative's: never in a plain title.
  if (chat.kind !== 'channel')
    return `Telegram ${chat.kind === 'group' ? 'group' : 'private chat'}, ${what} ${ids}`;
  const forward = unit[0].forwardedFrom ? ` (forwarded from ${unit[0].forwardedFrom})` : '';
  return `${chat.name}, ${what} ${ids}${forward}`.slice(0, 500);
}

function linkOf(chat: TelegramChat, message: TelegramMessage, username: string | undefined) {
  return chat.kind === 'channel' && username ? `https://t.me/${username}/${message.id}` : undefined;
}

function commonFields(chat: TelegramChat, message: TelegramMessage, sensitive: boolean, username?: string) {
  return {
    outlet: chat.kind === 'channel' ? chat.name.slice(0, 500) : undefined,
    url: linkOf(chat, message, username),
    published: message.date.slice(0, 10),
    sensitive: sensitive ? true : undefined,
  };
}

function messageSource(
  chat: TelegramChat,
  unit: TelegramMessage[],
  text: string,
  sensitive: boolean,
  username: string | undefined,
): NewSource {
  // The original kept is the messages as the export gave them, with the chat they came from.
  const bytes = Buffer.from(
    JSON.stringify({ chat: { id: chat.id, type: chat.kind }, messages: unit }),
    'utf8',
  );
  const signature = sensitive ? [] : storySignature(text);
  const common = commonFields(chat, unit[0], sensitive, username);
  return {
    fields: dropEmpty({
      kind: chat.kind === 'channel' ? 'news_report' : 'testimony',
      // A linked post is named by its link; a title would become its draft's case title instead
      // of the headline the extraction reads from the post.
      title: common.url
        ? undefined
        : titleOf(chat, unit, chat.kind === 'channel' ? 'post' : unit.length > 1 ? 'messages' : 'message'),
      ...common,
      language: detectLanguage(text),
      text,
      fileSha256: sha256(bytes),
      mediaType: 'application/json',
    }),
    fileSha: sha256(bytes),
    mediaType: 'application/json',
    bytes,
    scanned: false,
    signature,
    bands: sensitive ? [] : signatureBands(signature),
  };
}

function attachmentSource(
  chat: TelegramChat,
  media: Media,
  sensitive: boolean,
  username: string | undefined,
): NewSource {
  const { message, bytes, read } = media;
  const scanned = read.scan !== undefined;
  const signature = scanned || sensitive ? [] : storySignature(read.text);
  const what = message.photo ? 'photo of post' : 'file of post';
  return {
    fields: dropEmpty({
      kind: 'document',
      title: titleOf(chat, [message], chat.kind === 'channel' ? what : what.replace('post', 'message')),
      ...commonFields(chat, message, sensitive, username),
      language: scanned ? undefined : detectLanguage(read.text),
      text: scanned ? undefined : read.text,
      fileSha256: sha256(bytes),
      mediaType: read.mediaType,
    }),
    fileSha: sha256(bytes),
    mediaType: read.mediaType,
    bytes,
    scanned,
    signature,
    bands: signature.length ? signatureBands(signature) : [],
  };
}

async function recordMessage(
  writer: RecordWriter,
  chat: TelegramChat,
  message: TelegramMessage,
  digests: Map<number, string>,
  sensitive: boolean,
  sourceId: string,
  mediaSourceId: string | undefined,
): Promise<void> {
  const details = JSON.stringify({
    author: message.author,
    authorId: message.authorId,
    forwardedFrom: message.forwardedFrom,
    replyTo: message.replyTo,
    date: message.date,
    edited: message.edited,
  });
  await telegramRows.upsert(writer.trx, {
    chat_id: chat.id,
    message_id: message.id,
    source_id: sourceId,
    media_source_id: mediaSourceId ?? null,
    content_sha256: digests.get(message.id) ?? '',
    details: sensitive ? writer.cipher.seal(details) : details,
    imported_at: writer.now,
  });
}
