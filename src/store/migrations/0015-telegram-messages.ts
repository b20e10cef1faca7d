import type { Kysely, Migration } from 'kysely';

/**
 * Messages imported from Telegram exports, keyed by chat and message id, so that importing a
 * newer export of the same chat adds only new and edited messages. `content_sha256` is the digest
 * of what the message said (text, media, edit date) when imported; `details` (author, forward,
 * reply) is sealed for private chats and groups, whose authors are relatives and witnesses.
 */
export function telegramMessagesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('telegram_messages')
        .addColumn('chat_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'integer', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('media_source_id', 'text')
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('telegram_messages_pk', ['chat_id', 'message_id'])
        .execute();
      await db.schema
        .createIndex('telegram_messages_source_idx')
        .on('telegram_messages')
        .column('source_id')
        .execute();
    },
  };
}
