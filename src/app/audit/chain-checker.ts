import { COLLECTION_NAMES, type CollectionName } from '../../domain/collections.js';
import { type AuditAnchor, type AuditVerdict, verifyAudit } from '../../store/audit-log.js';
import { FieldCipher } from '../../store/crypto/field-cipher.js';
import type { AuditRow } from '../../store/schema.js';
import type { AppContext } from '../context.js';

/** One record whose row differs from the state the audit chain last recorded for it. */
export interface RecordMismatch {
  collection: CollectionName;
  id: string;
  problem: 'not in the chain' | 'deleted in the chain' | 'missing' | 'differs from the chain';
}

export interface ChainCheck {
  chain: AuditVerdict;
  records: RecordMismatch[];
  /** Sealed fields the chain holds under another database's data keys (after an import). */
  uncomparedFields: number;
}

/**
 * Notes written before notes were marked (migration 0010) share their action with a change;
 * their documents name what they did, never a record's fields.
 */
const LEGACY_NOTE_FIELDS = ['keptId', 'newPersonId', 'storyId'];

function isNote(row: AuditRow): boolean {
  if (row.kind) return row.kind === 'note';
  if (!['merge', 'split', 'link-story'].includes(row.action) || !row.after_doc) return false;
  const after = JSON.parse(row.after_doc) as Record<string, unknown>;
  return LEGACY_NOTE_FIELDS.some((field) => field in after);
}

const isCollection = (name: string): name is CollectionName =>
  (COLLECTION_NAMES as readonly string[]).includes(name);

/**
 * Verifies the audit chain (see verifyAudit) and then compares every record row with the last state
 * the chain recorded for it, so a row edited, inserted or deleted directly in the database is
 * found even though the chain itself is intact. Sealed values are compared opened: re-encryption
 * seals them anew. A chain imported from another database holds its sealed values under that
 * database's keys; those fields are counted as not compared rather than reported.
 */
export async function checkAuditChain(ctx: AppContext, anchor?: AuditAnchor): Promise<ChainCheck> {
  const { store } = ctx;
  const latest = new Map<string, string | null>();
  const chain = await verifyAudit(store.handle.db, store.auditKey, {
    ...(anchor ? { anchor } : {}),
    visit: (row) => {
      if (isCollection(row.collection) && !isNote(row))
        latest.set(`${row.collection}/${row.record_id}`, row.after_doc);
    },
  });
  const records: RecordMismatch[] = [];
  let uncomparedFields = 0;
  if (!chain.ok) return { chain, records, uncomparedFields };
  const seen = new Set<string>();
  for (const collection of COLLECTION_NAMES) {
    let after = '';
    for (;;) {
      const rows = await store.handle.db
        .selectFrom(collection)
        .select(['id', 'doc'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      for (const row of rows) {
        const key = `${collection}/${row.id}`;
        seen.add(key);
        const recorded = latest.get(key);
        if (recorded === undefined) records.push({ collection, id: row.id, problem: 'not in the chain' });
        else if (recorded === null) records.push({ collection, id: row.id, problem: 'deleted in the chain' });
        else if (recorded !== row.doc) {
          const compared = compareDocs(store.cipher, recorded, row.doc);
          uncomparedFields += compared.uncompared;
          if (!compared.same) records.push({ collection, id: row.id, problem: 'differs from the chain' });
        }
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1].id;
    }
  }
  for (const [key, doc] of latest) {
    if (doc === null || seen.has(key)) continue;
    const [collection, id] = key.split('/') as [CollectionName, string];
    records.push({ collection, id, problem: 'missing' });
  }
  return { chain, records, uncomparedFields };
}

/** Field by field; sealed values opened. A value the chain sealed under unknown keys is skipped. */
function compareDocs(cipher: FieldCipher, recorded: string, stored: string) {
  const a = JSON.parse(recorded) as Record<string, unknown>;
  const b = JSON.parse(stored) as Record<string, unknown>;
  let uncompared = 0;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [a[field], b[field]];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!FieldCipher.isSealed(x) || !FieldCipher.isSealed(y)) return { same: false, uncompared };
    let opened: unknown;
    try {
      opened = cipher.open(x);
    } catch {
      uncompared++;
      continue;
    }
    if (JSON.stringify(opened) !== JSON.stringify(cipher.open(y))) return { same: false, uncompared };
  }
  return { same: true, uncompared };
}
