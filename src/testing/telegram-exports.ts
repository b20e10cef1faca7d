import sharp from 'sharp';
import { buildZip } from './report-files.js';

/** One message as Telegram Desktop writes it in `result.json` (only the fields tests use). */
export interface RawTelegramMessage {
  id: number;
  type?: 'message' | 'service';
  /** Local time as the export writes it, 'YYYY-MM-DDTHH:MM:SS'; date_unixtime is derived as UTC. */
  date: string;
  from?: string;
  from_id?: string;
  text?: string | Array<string | { type: string; text: string; href?: string }>;
  forwarded_from?: string;
  reply_to_message_id?: number;
  edited?: string;
  photo?: string;
  file?: string;
  media_type?: string;
  mime_type?: string;
  action?: string;
}

export interface RawTelegramChat {
  name: string;
  type: 'public_channel' | 'private_channel' | 'personal_chat' | 'private_group' | 'private_supergroup';
  id: number;
  messages: RawTelegramMessage[];
}

const unix = (local: string) => String(Math.floor(Date.parse(`${local}Z`) / 1000));

/** `result.json` text of a chat, with the derived fields Telegram Desktop adds (text_entities, *_unixtime). */
export function telegramResultJson(chat: RawTelegramChat): string {
  const messages = chat.messages.map((m) => {
    const text = m.text ?? '';
    const entities =
      typeof text === 'string'
        ? text
          ? [{ type: 'plain', text }]
          : []
        : text.map((p) => (typeof p === 'string' ? { type: 'plain', text: p } : p));
    return {
      ...m,
      type: m.type ?? 'message',
      date_unixtime: unix(m.date),
      ...(m.edited ? { edited_unixtime: unix(m.edited) } : {}),
      text,
      text_entities: entities,
    };
  });
  return JSON.stringify({ name: chat.name, type: chat.type, id: chat.id, messages }, null, 1);
}

/** A zipped export as Telegram Desktop's folder would be zipped: `ChatExport_…/result.json` and media. */
export function telegramZip(chat: RawTelegramChat, media: Record<string, Buffer> = {}): Buffer {
  const root = 'ChatExport_2024-03-01';
  return buildZip([
    { name: `${root}/result.json`, data: Buffer.from(telegramResultJson(chat), 'utf8') },
    ...Object.entries(media).map(([path, data]) => ({ name: `${root}/${path}`, data })),
  ]);
}

/** A small PNG, as a photo of a post. */
export function telegramPhoto(shade = 200): Promise<Buffer> {
  return sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: shade, g: shade, b: shade } },
  })
    .png()
    .toBuffer();
}
