import { createHash, createHmac } from 'node:crypto';
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
  /** A note about a change (a merge, a grant) rather than a record's new state. */
  note?: boolean;
}

/**
 * The digest of one audit row, covering its fields and the previous row's digest. Keyed rows (a
 * kind set) are an HMAC-SHA256 under the audit key: without the key no one can write a row, or
 * rewrite the rows after an edit, that verifies. Unkeyed rows, written before the chain was keyed,
 * are a plain SHA-256 as they were, a context hashed after the fields when there is one.
 */
export function auditHash(row: Omit<AuditRow, 'hash'>, key?: Uint8Array): string {
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
  if (row.kind !== undefined && row.kind !== null) {
    if (!key) throw new Error('a keyed audit entry needs the audit key');
    fields.push(row.context ?? null, row.kind);
    return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
  }
  if (row.context !== undefined && row.context !== null) fields.push(row.context);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The HMAC of the chain head: moving the head back over deleted entries needs the key. */
export function headMac(key: Uint8Array, seq: number, hash: string): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['vigil-audit-head', seq, hash]))
    .digest('hex');
}

/** Sets the chain head (inserting it for the first entry), with its HMAC. */
async function writeHead(
  trx: Transaction<Database>,
  key: Uint8Array,
  seq: number,
  hash: string,
  exists: boolean,
) {
  const mac = headMac(key, seq, hash);
  if (exists) await trx.updateTable('audit_head').set({ seq, hash, mac }).where('id', '=', 1).execute();
  else await trx.insertInto('audit_head').values({ id: 1, seq, hash, mac }).execute();
}

/**
 * Appends entries to the hash chain inside the caller's transaction, in order. The caller holds
 * the store's write lock, so no two transactions can extend the chain from the same head.
 */
export async function appendAuditMany(
  trx: Transaction<Database>,
  key: Uint8Array,
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
      kind: entry.note ? 'note' : 'change',
    };
    prev = auditHash(row, key);
    return { ...row, hash: prev };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  await writeHead(trx, key, seq, prev, head !== undefined);
}

/** Puts back audit rows verbatim (a restore into an empty database), and a keyed head after them. */
export async function restoreAuditRows(trx: Transaction<Database>, key: Uint8Array, rows: AuditRow[]) {
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 200))
      .execute();
  const last = rows[rows.length - 1];
  if (last) await writeHead(trx, key, last.seq, last.hash, false);
}

/** The last entry of the chain (its number and hash), or undefined while the log is empty. */
export function auditHead(
  db: Kysely<Database> | Transaction<Database>,
): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

/**
 * Whether any entry after `seq` is about something other than `ignoring`: a cheap "has anything
 * changed since" (every write appends its entry in its own transaction, in the order of `seq`).
 */
export async function changedSince(
  db: Kysely<Database> | Transaction<Database>,
  seq: number,
  ignoring: string[],
): Promise<boolean> {
  let q = db.selectFrom('audit_events').select('seq').where('seq', '>', seq);
  if (ignoring.length) q = q.where('collection', 'not in', ignoring);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; badSeq: number; reason: string };

/** The chain's head as recorded off-site (`vigil audit anchor`): its entry count and digest. */
export interface AuditAnchor {
  entries: number;
  digest: string;
}

/** Something that wants to see each entry as the chain is walked (the record comparison). */
export type AuditVisitor = (row: AuditRow) => void;

/**
 * Walks the whole chain in order and reports the first entry that was edited, moved or removed:
 * each digest (keyed entries under `key`), the links, no unkeyed entry after a keyed one, the head
 * and its HMAC, and, with an anchor, that the anchored entry is still there unchanged.
 */
export async function verifyAudit(
  db: Kysely<Database> | Transaction<Database>,
  key: Uint8Array,
  { anchor, visit, pageSize = 5000 }: { anchor?: AuditAnchor; visit?: AuditVisitor; pageSize?: number } = {},
): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let keyed = false;
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
      const isKeyed = row.kind !== undefined && row.kind !== null;
      if ((keyed && !isKeyed) || auditHash(rest, key) !== hash) {
        return { ok: false, entries: count, badSeq: row.seq, reason: `entry ${row.seq} was altered` };
      }
      if (anchor && row.seq === anchor.entries && hash !== anchor.digest) {
        return {
          ok: false,
          entries: count,
          badSeq: row.seq,
          reason: `entry ${row.seq} is not the one anchored: the chain was rewritten from there or before`,
        };
      }
      keyed ||= isKeyed;
      visit?.(row);
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  const headForged = head && keyed && head.mac !== headMac(key, Number(head.seq), head.hash);
  if (headSeq !== count || (head && head.hash !== prevHash) || headForged) {
    return {
      ok: false,
      entries: count,
      badSeq: count + 1,
      reason: `entries after ${count} are missing (the chain head is ${headSeq})`,
    };
  }
  if (anchor && count < anchor.entries) {
    return {
      ok: false,
      entries: count,
      badSeq: count + 1,
      reason: `the chain holds ${count} entries but ${anchor.entries} were anchored: entries were removed`,
    };
  }
  return { ok: true, entries: count, head: prevHash };
}
