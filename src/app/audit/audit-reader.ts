import { COLLECTION_NAMES, type CollectionName, type StoredRecord } from '../../domain/collections.js';
import { FieldCipher } from '../../store/crypto/field-cipher.js';
import type { AuditRow } from '../../store/schema.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { withoutHiddenSources } from '../presenters/record-presenter.js';

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  /** The user name of the account that acted, when a user did. */
  actorName?: string;
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
    const shown = (await visibleRows(scope, rows)).map((row) => present(ctx, scope, row));
    items.push(...(await withoutHiddenMentions(scope, shown)));
    if (items.length > query.limit || rows.length <= query.limit) break;
    afterSeq = rows[rows.length - 1].seq;
  }
  const page = await withActorNames(ctx, items.slice(0, query.limit));
  return { items: page, nextCursor: items.length > query.limit ? String(page[page.length - 1].seq) : null };
}

/**
 * Names the accounts that acted (signed in, or through one of their API tokens), so a reader
 * sees who did what rather than an account id.
 */
async function withActorNames(ctx: AppContext, entries: AuditEntryView[]): Promise<AuditEntryView[]> {
  const idsOf = (prefix: string) => [
    ...new Set(entries.flatMap((e) => (e.actor.startsWith(prefix) ? [e.actor.slice(prefix.length)] : []))),
  ];
  const users = idsOf('user:');
  const tokens = idsOf('token:');
  const { db } = ctx.store.handle;
  const names = new Map<string, string>();
  if (users.length)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', users)
      .execute())
      names.set(`user:${u.id}`, u.username);
  if (tokens.length)
    for (const t of await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id as id', 'users.username as username'])
      .where('api_tokens.id', 'in', tokens)
      .execute())
      names.set(`token:${t.id}`, t.username);
  return entries.map((e) => {
    const name = names.get(e.actor);
    return name ? { ...e, actorName: name } : e;
  });
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

type Doc = Record<string, unknown>;
const idsAt = (doc: Doc | null, key: string): string[] =>
  Array.isArray(doc?.[key]) ? (doc[key] as unknown[]).filter((v): v is string => typeof v === 'string') : [];

/**
 * An entry about a visible record may still name records the reader may not see: the records a
 * merge moved (an involvement in a confidential case), the person merged away, the claims a
 * split took, the status entries citing hidden testimony. Those mentions are left out.
 */
async function withoutHiddenMentions(
  scope: AccessScope,
  entries: AuditEntryView[],
): Promise<AuditEntryView[]> {
  if (scope.seesAll) return entries;
  const out: AuditEntryView[] = [];
  for (const entry of entries) {
    let { before, after } = entry;
    if (isCollection(entry.collection)) {
      const [b, a] = await withoutHiddenSources(
        scope,
        entry.collection,
        [before, after].map((d) => d ?? {}) as StoredRecord[],
      );
      before = before && b;
      after = after && a;
    }
    if (entry.action === 'merge' && Array.isArray(after?.moved)) {
      const moved = after.moved as Array<{ collection: string; id: string }>;
      const keep = await visibleMentions(scope, moved);
      after = { ...after, moved: keep };
      const mergedId = typeof before?.mergedId === 'string' ? before.mergedId : undefined;
      // The person merged away is gone, so his cases are known only by what moved: his fields show
      // only when everything that moved, and every source his status entries cite, is visible.
      const merged = before?.merged as StoredRecord | undefined;
      const hidden =
        keep.length < moved.length || (merged !== undefined && !(await citesVisibleOnly(scope, merged)));
      if (mergedId && merged && hidden) before = { mergedId };
    }
    if (entry.action === 'split' && Array.isArray(after?.claimIds)) {
      const visible = await scope.visibleIds('claims', idsAt(after, 'claimIds'));
      after = { ...after, claimIds: idsAt(after, 'claimIds').filter((id) => visible.has(id)) };
    }
    out.push({ ...entry, before, after });
  }
  return out;
}

/** The mentioned records the reader may see, in order: one visibility read per collection. */
async function visibleMentions(
  scope: AccessScope,
  mentions: Array<{ collection: string; id: string }>,
): Promise<Array<{ collection: string; id: string }>> {
  const visible = new Set<string>();
  for (const collection of new Set(mentions.map((m) => m.collection)).values()) {
    if (!isCollection(collection)) continue;
    const ids = mentions.filter((m) => m.collection === collection).map((m) => m.id);
    for (const id of await scope.visibleIds(collection, ids)) visible.add(`${collection}/${id}`);
  }
  return mentions.filter((m) => visible.has(`${m.collection}/${m.id}`));
}

/** Whether a removed person's status entries cite only sources the reader may see. */
async function citesVisibleOnly(scope: AccessScope, merged: StoredRecord): Promise<boolean> {
  const [shown] = await withoutHiddenSources(scope, 'persons', [merged]);
  const count = (record: StoredRecord) => (record.statusHistory as unknown[] | undefined)?.length;
  return count(shown) === count(merged);
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
