import { createHash } from 'node:crypto';
import { auditHead, changedSince } from '../../store/audit-log.js';
import type { RecordStore } from '../../store/record-store.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import type { ImportPlan } from './import-planner.js';

/** Plans kept at once, per database: they hold a whole table's personal data, in memory only. */
const MAX_PLANS = 4;
/** A plan is dropped this long after it was made. */
const MAX_AGE_MS = 15 * 60 * 1000;

interface Kept {
  plan: ImportPlan;
  /** The audit head when the plan was begun: any write since makes the plan stale. */
  head: string;
  seq: number;
}

/**
 * Audit entries that are the import's own bookkeeping (queueing a job, staging or dropping an
 * upload): they change nothing a plan reads, so they do not make a plan stale for an apply job.
 */
export const IMPORT_BOOKKEEPING = ['table_import_jobs', 'table_uploads'];

/**
 * In this process's memory on purpose, also when several server processes share the database: a
 * plan holds a whole table's personal data, which the database should not keep twice, and it is
 * only a shortcut. A process that did not make the plan (the dry run reached one behind the
 * proxy, the apply another) plans again from the staged upload, which is in the database, and the
 * apply's `planDigest` refuses the result if it differs from what the dry run showed.
 */
const caches = new WeakMap<RecordStore, Map<string, Kept>>();

/** What a plan depends on besides the records: who plans, which bytes, which mapping and sheet. */
export function planKey(
  scope: AccessScope,
  bytes: Buffer,
  mapping: unknown,
  sheet: string | undefined,
): string {
  const p = scope.principal;
  const who = p ? [p.userId, p.role, [...p.groupIds].sort()] : 'operator';
  return createHash('sha256')
    .update(JSON.stringify([who, mapping, sheet ?? null]))
    .update(bytes)
    .digest('hex');
}

/**
 * The import plan for `key`, reused while nothing was written since it was made, so that paging
 * and filtering the dry run of a long table, and applying it, do not plan every row again. The
 * head is read before planning: a write that lands during the planning makes the plan stale.
 */
export async function cachedPlan(
  ctx: AppContext,
  key: string,
  make: () => Promise<ImportPlan>,
): Promise<ImportPlan> {
  const cache = caches.get(ctx.store) ?? new Map<string, Kept>();
  caches.set(ctx.store, cache);
  const { head, seq } = await headNow(ctx);
  const kept = cache.get(key);
  if (kept && kept.head === head) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, kept);
    return kept.plan;
  }
  const plan = await make();
  const entry = { plan, head, seq };
  cache.delete(key);
  cache.set(key, entry);
  // Personal data does not outlive its age in memory even when no import follows.
  setTimeout(() => cache.get(key) === entry && cache.delete(key), MAX_AGE_MS).unref();
  while (cache.size > MAX_PLANS) cache.delete(cache.keys().next().value as string);
  return plan;
}

/**
 * Takes this process's plan for `key` out of the cache for an apply job (which changes its rows):
 * the plan of the synchronous dry run the job follows, while nothing but the import's own
 * bookkeeping (queueing the job, staging the upload) was written since the plan was begun, and
 * the entry then at the head is still in the chain (no restore since). Safe for the reason the
 * cache is: the records read the same as while planning; a person changed after this check
 * becomes a conflict when his row is applied.
 */
export async function takePlan(ctx: AppContext, key: string): Promise<ImportPlan | undefined> {
  const cache = caches.get(ctx.store);
  const kept = cache?.get(key);
  if (!kept) return undefined;
  cache?.delete(key);
  const db = ctx.store.handle.db;
  if (kept.head === (await headNow(ctx)).head) return kept.plan;
  if (kept.head === 'empty' || (await changedSince(db, kept.seq, IMPORT_BOOKKEEPING))) return undefined;
  const seen = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', kept.seq)
    .executeTakeFirst();
  return seen && kept.head === tokenOf({ seq: kept.seq, hash: seen.hash }) ? kept.plan : undefined;
}

/** Drops a plan once it was applied: its rows now carry what the apply did. */
export function forgetPlan(ctx: AppContext, key: string): void {
  caches.get(ctx.store)?.delete(key);
}

/** An audit chain entry as a token: a restore that rewrites the chain gives another one. */
function tokenOf(entry: { seq: number; hash: string } | undefined): string {
  return entry ? `${entry.seq}:${entry.hash}` : 'empty';
}

/** The audit head, read once: its token, and its seq for "changed since" (0 when empty). */
async function headNow(ctx: AppContext): Promise<{ head: string; seq: number }> {
  const at = await auditHead(ctx.store.handle.db);
  return { head: tokenOf(at), seq: Number(at?.seq ?? 0) };
}
