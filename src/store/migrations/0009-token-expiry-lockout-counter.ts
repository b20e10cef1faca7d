import type { Kysely, Migration } from 'kysely';

/**
 * API tokens may carry an expiry, and failed sign-ins are counted in one row per account that a
 * single conditional UPDATE moves, so the lockout holds under parallel requests and across server
 * processes. The per-attempt log it replaces was read, then written: racing requests each saw the
 * count before the others' failures.
 */
export function tokenExpiryLockoutCounterMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
      await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
      await db.schema
        .createTable('login_counters')
        .addColumn('username_key', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .execute();
      await db.schema.dropTable('login_attempts').execute();
    },
  };
}
