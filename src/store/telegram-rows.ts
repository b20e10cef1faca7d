import type { Kysely, Transaction } from 'kysely';
import type { Database, TelegramMessageRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows of `telegram_messages` (0015): which source holds each imported message, and its digest. */
export const telegramRows = {
  /** Digest of each message of a chat imported before, by message id. */
  async digestsOfChat(db: Db, chatId: string): Promise<Map<number, string>> {
    const rows = await db
      .selectFrom('telegram_messages')
      .select(['message_id', 'content_sha256'])
      .where('chat_id', '=', chatId)
      .execute();
    return new Map(rows.map((r) => [Number(r.message_id), r.content_sha256]));
  },

  /** Records a message as held by a source, replacing the row of its earlier version. */
  async upsert(trx: Transaction<Database>, row: TelegramMessageRow): Promise<void> {
    await trx
      .insertInto('telegram_messages')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['chat_id', 'message_id']).doUpdateSet({
          source_id: row.source_id,
          media_source_id: row.media_source_id,
          content_sha256: row.content_sha256,
          details: row.details,
          imported_at: row.imported_at,
        }),
      )
      .execute();
  },

  async ofChat(db: Db, chatId: string): Promise<TelegramMessageRow[]> {
    return db
      .selectFrom('telegram_messages')
      .selectAll()
      .where('chat_id', '=', chatId)
      .orderBy('message_id')
      .execute();
  },
};
