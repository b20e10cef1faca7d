import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditRow, Database } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  collection: string;
  recordId: string;
  before: unknown;
  after: unknown;
  /** What the change was part of, e.g. `{ import: id, source: id }` for a table import. */
  context?: Record<string, string>;
}

/**
 * The hash of one audit row: it covers the row's fields and the previous row's hash. A context
 * is hashed after them when there is one; rows without one hash as they did before contexts
 * existed, so chains written then still verify.
 */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const fields: unknown[] = [
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.collection,
    row.record_id,
    row.before_doc,
    row.after_doc,
    row.prev_hash,
  ];
  if (row.context !== undefined && row.context !== null) fields.push(row.context);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends entries to the hash chain inside the caller's transaction, in order. The caller holds
 * the store's write lock, so no two transactions can extend the chain from the same head.
 */
export async function appendAuditMany(
  trx: Transaction<Database>,
  entries: AuditEntry[],
  at: string,
): Promise<void> {
  if (entries.length === 0) return;
  const head = await auditHead(trx);
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = entries.map((entry) => {
    const row: Omit<AuditRow, 'hash'> = {
      seq: ++seq,
      at,
      actor: entry.actor,
      action: entry.action,
      collection: entry.collection,
      record_id: entry.recordId,
      before_doc: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_doc: entry.after === undefined ? null : JSON.stringify(entry.after),
      prev_hash: prev,
      context: entry.context ? JSON.stringify(entry.context) : null,
    };
    prev = auditHash(row);
    return { ...row, hash: prev };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  if (head) await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
  else await trx.insertInto('audit_head').values({ id: 1, seq, hash: prev }).execute();
}

/** The last entry of the chain (its number and hash), or undefined while the log is empty. */
export function auditHead(
  db: Kysely<Database> | Transaction<Database>,
): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

/** Appends one entry to the hash chain inside the caller's transaction. */
export function appendAudit(trx: Transaction<Database>, entry: AuditEntry, at: string): Promise<void> {
  return appendAuditMany(trx, [entry], at);
}

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; badSeq: number; reason: string };

/** Walks the whole chain in order and reports the first entry that was edited, moved or removed. */
export async function verifyAudit(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: count, badSeq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          entries: count,
          badSeq: row.seq,
          reason: `entry ${row.seq} does not follow entry ${row.seq - 1}`,
        };
      }
      const { hash, ...rest } = row;
      if (auditHash(rest) !== hash) {
        return { ok: false, entries: count, badSeq: row.seq, reason: `entry ${row.seq} was altered` };
      }
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await auditHead(db);
  const headSeq = head?.seq ?? 0;
  if (headSeq !== count || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      entries: count,
      badSeq: count + 1,
      reason: `entries after ${count} are missing (the chain head is ${headSeq})`,
    };
  }
  return { ok: true, entries: count, head: prevHash };
}
