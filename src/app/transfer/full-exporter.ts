import type { Writable } from 'node:stream';
import { DATA_ATTRIBUTIONS } from '../../domain/attribution.js';
import type { AppContext } from '../context.js';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, RESTORE_ORDER } from './export-format.js';

const PAGE = 1000;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * Streams every record and the whole audit chain as one JSON document, page by page so that a
 * large database never sits in memory. `vigil import` restores it into an empty database.
 */
export async function exportFull(
  ctx: AppContext,
  out: Writable,
  now = new Date(),
): Promise<{ records: number; auditEntries: number }> {
  const header = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    engine: ctx.store.engine,
    attribution: DATA_ATTRIBUTIONS,
  };
  await write(out, `${JSON.stringify(header).slice(0, -1)},"collections":{`);
  let records = 0;
  for (const [i, collection] of RESTORE_ORDER.entries()) {
    await write(out, `${i ? ',' : ''}${JSON.stringify(collection)}:[`);
    let after: string | undefined;
    let first = true;
    for (;;) {
      const page = await ctx.store.list(collection, { limit: PAGE, after });
      for (const record of page) {
        await write(out, `${first ? '' : ','}\n${JSON.stringify(record)}`);
        first = false;
        records++;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    await write(out, ']');
  }
  await write(out, '},"audit":[');
  let auditEntries = 0;
  let seq = 0;
  for (;;) {
    const rows = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      await write(out, `${auditEntries ? ',' : ''}\n${JSON.stringify(row)}`);
      auditEntries++;
      seq = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  await write(out, ']}\n');
  return { records, auditEntries };
}
