import { DATA_ATTRIBUTIONS } from '../../domain/attribution.js';
import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { presentRecords } from '../presenters/record-presenter.js';
import { RESTORE_ORDER } from './export-format.js';

/**
 * Every record one reader may see, as presented to them (no contacts or sensitive text for roles
 * that do not read them), for download from the API. The audit chain is not included.
 */
export async function exportScoped(ctx: AppContext, scope: AccessScope, now = new Date()) {
  const collections: Record<string, StoredRecord[]> = {};
  for (const collection of RESTORE_ORDER) {
    const out: StoredRecord[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.store.list(collection, { limit: 1000, after });
      out.push(...(await presentRecords(ctx, scope, collection, await scope.visibleOnly(collection, page))));
      if (page.length < 1000) break;
      after = page[page.length - 1].id;
    }
    collections[collection] = out;
  }
  return {
    format: 'vigil-scoped-export',
    exportedAt: now.toISOString(),
    attribution: DATA_ATTRIBUTIONS,
    collections,
  };
}
