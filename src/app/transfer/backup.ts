import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { invalid, VigilError } from '../../domain/errors.js';
import { verifyAudit } from '../../store/audit-log.js';
import { openAuditKey, openKeyRing } from '../../store/crypto/key-ring.js';
import type { DatabaseHandle } from '../../store/database.js';
import { ingestRows } from '../../store/ingest-rows.js';
import { DATA_TABLES, dumpTables, isEmpty, loadTables, type TableRows } from '../../store/table-dump.js';
import type { AppContext } from '../context.js';

export const BACKUP_FORMAT = 'vigil-backup';
export const BACKUP_FORMAT_VERSION = 1;

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: string;
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
}

/**
 * The backup's MAC key, derived from the master key: without the key no one can make a backup
 * that restores, so a tampered file is refused rather than trusted.
 */
function macKey(master: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'vigil', 'backup-mac-v1', 32));
}

function mac(master: Uint8Array, payload: Buffer): string {
  return createHmac('sha256', macKey(master)).update(payload).digest('hex');
}

/**
 * A consistent snapshot of every data table, taken online inside one read transaction
 * (repeatable read on PostgreSQL; one snapshot of the WAL on SQLite), as one JSON payload
 * followed by an HMAC-SHA256 line. Sealed fields stay sealed; the data keys travel wrapped.
 */
export async function writeBackup(
  handle: DatabaseHandle,
  master: Uint8Array,
  now = new Date(),
): Promise<Buffer> {
  const begin = handle.db.transaction();
  const tables = await (handle.engine === 'postgres'
    ? begin.setIsolationLevel('repeatable read')
    : begin
  ).execute((trx) => dumpTables(trx));
  const head = tables.audit_head[0] as { seq: number; hash: string } | undefined;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    engine: handle.engine,
    counts: Object.fromEntries(DATA_TABLES.map((t) => [t, tables[t].length])),
    auditHead: head ? { seq: Number(head.seq), hash: String(head.hash) } : null,
  };
  const payload = Buffer.from(JSON.stringify({ header, tables }), 'utf8');
  return Buffer.concat([payload, Buffer.from(`\n${mac(master, payload)}\n`)]);
}

/** Checks a backup's HMAC and shape; throws invalid_input for a damaged or foreign file. */
export function readBackup(content: Buffer, master: Uint8Array): { header: BackupHeader; tables: TableRows } {
  const text = content.toString('utf8').replace(/\n$/, '');
  const cut = text.lastIndexOf('\n');
  const payload = Buffer.from(text.slice(0, cut), 'utf8');
  const given = Buffer.from(text.slice(cut + 1), 'utf8');
  const expected = Buffer.from(mac(master, payload), 'utf8');
  if (cut < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('the backup is damaged, was altered, or was made with another key');
  }
  const parsed = JSON.parse(payload.toString('utf8')) as { header: BackupHeader; tables: TableRows };
  if (parsed.header?.format !== BACKUP_FORMAT || parsed.header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw invalid('not a Vigil backup of a known version');
  }
  for (const table of DATA_TABLES) {
    // A table newer than the backup is absent from it, and empty.
    if (parsed.tables && parsed.header.counts[table] === undefined && parsed.tables[table] === undefined) {
      parsed.header.counts[table] = 0;
      parsed.tables[table] = [];
    }
    if (
      !Array.isArray(parsed.tables?.[table]) ||
      parsed.tables[table].length !== parsed.header.counts[table]
    ) {
      throw invalid(`the backup's ${table} does not hold the rows its header counts`);
    }
  }
  return parsed;
}

/**
 * Restores a backup into an empty, migrated database, all or nothing: the HMAC, the row counts,
 * the audit chain (and its head) and the data keys (with the master key) must all check out.
 * Extractions the backup's sources were still owed are queued again in the same transaction.
 */
export async function restoreBackup(ctx: AppContext, master: Uint8Array, content: Buffer) {
  const { header, tables } = readBackup(content, master);
  const { handle } = ctx.store;
  if (!(await isEmpty(handle.db))) {
    throw new VigilError('conflict', 'restore needs an empty database; this one holds data');
  }
  const requeued = await ctx.store.write('restore', async (writer) => {
    const { trx } = writer;
    await trx.deleteFrom('data_keys').execute();
    await loadTables(trx, handle.engine, tables);
    const verdict = await verifyAudit(trx, await openAuditKey(trx, master));
    if (!verdict.ok)
      throw invalid(`the backup's audit chain is broken at entry ${verdict.badSeq}: ${verdict.reason}`);
    if (verdict.entries !== (header.auditHead?.seq ?? 0))
      throw invalid('the backup holds fewer audit entries than its head');
    for (const table of DATA_TABLES) {
      const rows = await trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .execute();
      if (Number(rows[0]?.n) !== header.counts[table])
        throw invalid(`restored ${table} count differs from the backup`);
    }
    await openKeyRing(trx, master);
    const pending = await ingestRows.sourcesAwaitingDraft(trx);
    await ctx.jobs.enqueueExtractions(writer, [...pending]);
    return pending.length;
  });
  return { counts: header.counts, auditEntries: header.auditHead?.seq ?? 0, requeued };
}
