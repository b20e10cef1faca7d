import { COLLECTION_NAMES, type CollectionName } from '../../domain/collections.js';
import { FieldCipher } from '../../store/crypto/field-cipher.js';
import type { AuditRow } from '../../store/schema.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  collection: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** What the change was part of (`{ import, source }` for a table import), or null. */
  context: Record<string, string> | null;
  hash: string;
}

export interface AuditQuery {
  collection?: string;
  recordId?: string;
  limit: number;
  /** Entries after this sequence number (oldest first), or before it when `newest`. */
  afterSeq?: number;
  /** Newest first: what a dashboard's recent activity shows. */
  newest?: boolean;
}

function isCollection(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

/**
 * The audit log as one reader may see it: admins see every entry; others see only entries of
 * records they may see now (not of accounts, grants, intake or deleted records). Sealed fields are
 * opened for roles that read sensitive data and left out for the others.
 */
export async function readAudit(ctx: AppContext, scope: AccessScope, query: AuditQuery) {
  const items: AuditEntryView[] = [];
  let afterSeq = query.afterSeq ?? (query.newest ? Number.MAX_SAFE_INTEGER : 0);
  for (;;) {
    let q = ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', query.newest ? '<' : '>', afterSeq);
    if (query.collection) q = q.where('collection', '=', query.collection);
    if (query.recordId) q = q.where('record_id', '=', query.recordId);
    const rows = await q
      .orderBy('seq', query.newest ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute();
    for (const row of await visibleRows(scope, rows)) items.push(present(ctx, scope, row));
    if (items.length > query.limit || rows.length <= query.limit) break;
    afterSeq = rows[rows.length - 1].seq;
  }
  const page = items.slice(0, query.limit);
  return { items: page, nextCursor: items.length > query.limit ? String(page[page.length - 1].seq) : null };
}

async function visibleRows(scope: AccessScope, rows: AuditRow[]): Promise<AuditRow[]> {
  if (scope.seesAll) return rows;
  const visible = new Set<string>();
  for (const collection of COLLECTION_NAMES) {
    const ids = rows.filter((r) => r.collection === collection).map((r) => ({ id: r.record_id }));
    if (ids.length === 0) continue;
    const access = await scope.accessTo(collection, [...new Set(ids.map((i) => i.id))]);
    for (const [id, a] of access) if (a.visible) visible.add(`${collection}/${id}`);
  }
  // A record that no longer exists has no links, so it would pass as "unlinked": only admins see those.
  return rows.filter((r) => isCollection(r.collection) && visible.has(`${r.collection}/${r.record_id}`));
}

function present(ctx: AppContext, scope: AccessScope, row: AuditRow): AuditEntryView {
  const doc = (text: string | null) => {
    if (text === null) return null;
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (!isCollection(row.collection)) return parsed;
    if (scope.abilities.readsSensitive) return ctx.store.cipher.openFields(row.collection, parsed);
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => !FieldCipher.isSealed(v)));
  };
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    collection: row.collection,
    recordId: row.record_id,
    before: doc(row.before_doc),
    after: doc(row.after_doc),
    context: row.context ? (JSON.parse(row.context) as Record<string, string>) : null,
    hash: row.hash,
  };
}
