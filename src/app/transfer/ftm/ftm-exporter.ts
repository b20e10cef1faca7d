import type { Writable } from 'node:stream';
import type { CollectionName } from '../../../domain/collections.js';
import type { AppContext } from '../../context.js';
import { RESTORE_ORDER } from '../export-format.js';
import { toFtm } from './ftm-export-mapping.js';

const PAGE = 1000;

/**
 * Streams every record as FollowTheMoney entities, one JSON object per line, so the data opens
 * in Aleph and other FollowTheMoney tools. Links are written after the entities they join.
 */
export async function exportFtm(
  ctx: AppContext,
  out: Writable,
  collections: CollectionName[] = RESTORE_ORDER,
): Promise<number> {
  let count = 0;
  for (const collection of collections) {
    let after: string | undefined;
    for (;;) {
      const page = await ctx.store.list(collection, { limit: PAGE, after });
      for (const record of page) {
        for (const e of toFtm(collection, record)) {
          if (!out.write(`${JSON.stringify(e)}\n`))
            await new Promise<void>((resolve) => out.once('drain', resolve));
          count++;
        }
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
  }
  return count;
}
