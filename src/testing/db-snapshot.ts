import { sql } from 'kysely';
import type { DatabaseHandle } from '../store/database.js';

/**
 * The row count of every table of the database (found in the catalogue, so a table added later
 * is counted too) and the audit chain's head: equal snapshots mean nothing was written.
 */
export async function databaseSnapshot(handle: DatabaseHandle): Promise<Record<string, unknown>> {
  const tables =
    handle.engine === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT LIKE 'search_fts_%'`.execute(handle.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = ${handle.schema ?? 'public'}`.execute(handle.db)
        ).rows.map((r) => r.name);
  const out: Record<string, unknown> = {};
  for (const table of tables.sort()) {
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(
      handle.db,
    );
    out[table] = Number(rows[0]?.n);
  }
  const head = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirst();
  out.auditHead = head ? `${head.seq}:${head.hash}` : null;
  return out;
}
