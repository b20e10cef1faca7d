import type { TableFileInfo } from '../../domain/schemas/table-import.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import type { AppContext } from '../context.js';

/** One import made: which list, from which file, by whom, when, and the source it is cited as. */
export interface ImportRecord {
  id: string;
  system: string;
  sourceId: string;
  actor: string;
  createdAt: string;
  file: TableFileInfo;
}

/** The imports made, newest first, a page at a time (`cursor` is the last id of the page before). */
export async function listImports(
  ctx: AppContext,
  query: { limit: number; cursor?: string },
): Promise<{ items: ImportRecord[]; nextCursor: string | null }> {
  const rows = await tableImportRows.listImports(ctx.store.handle.db, {
    after: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    system: r.system,
    sourceId: r.source_id,
    actor: r.actor,
    createdAt: r.created_at,
    file: (JSON.parse(r.doc) as { file: TableFileInfo }).file,
  }));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}
