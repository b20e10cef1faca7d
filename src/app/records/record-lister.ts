import type { CollectionName, StoredRecord } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

export interface ListProps {
  ctx: AppContext;
  /** Only records this scope may see are listed; absent for the operator's own commands. */
  scope?: AccessScope;
  collection: CollectionName;
  limit?: number;
  cursor?: string;
  filters?: Record<string, string>;
}

export interface Page {
  items: StoredRecord[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the last id of the page, base64url-encoded. */
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))
    throw invalid('cursor is not valid', [
      { path: '/query/cursor', message: 'is not a cursor from this API' },
    ]);
  return id;
}

/** One page of a collection in creation order, filtered by equality on the collection's filter fields. */
export async function listRecords({
  ctx,
  scope,
  collection,
  limit = 50,
  cursor,
  filters = {},
}: ListProps): Promise<Page> {
  let after = cursor ? decodeCursor(cursor) : undefined;
  // Records the reader may not see are skipped while the page fills, so no count reveals them.
  const rows: StoredRecord[] = [];
  for (;;) {
    const batch = await ctx.store.list(collection, { filters, limit: limit + 1, after });
    rows.push(...(scope ? await scope.visibleOnly(collection, batch) : batch));
    if (rows.length > limit || batch.length <= limit) break;
    after = batch[batch.length - 1].id;
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}

/** Every record of a collection matching the filters, read page by page (for use cases, not the API). */
export async function listAllRecords(
  ctx: AppContext,
  collection: CollectionName,
  filters: Record<string, string> = {},
  pageSize = 500,
): Promise<StoredRecord[]> {
  const all: StoredRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.list(collection, { filters, limit: pageSize, after });
    all.push(...page);
    if (page.length < pageSize) return all;
    after = page[page.length - 1].id;
  }
}
