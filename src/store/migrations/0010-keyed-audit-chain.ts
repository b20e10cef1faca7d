import type { Kysely, Migration } from 'kysely';

/**
 * The audit chain becomes keyed: entries written from now on carry a kind ("change" for a record
 * written, "note" for anything else) and an HMAC under the database's audit key instead of a bare
 * SHA-256, and the head carries an HMAC of its number and hash. Entries written before keep a null
 * kind and verify as they were written: nothing of the existing chain is rewritten.
 */
export function keyedAuditChainMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_events').addColumn('kind', 'text').execute();
      await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
    },
  };
}
