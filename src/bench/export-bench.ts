import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { OpenApp } from '../app/open-app.js';
import { AccessScope } from '../app/policies/access-scope.js';
import { prepareExport } from '../app/transfer/export/export-runner.js';
import type { ExportFormat } from '../domain/vocabularies.js';
import type { Engine } from '../store/database.js';
import type { BenchRow } from './table.js';

/** Reads every person page by page straight from the store: what an export cannot beat. */
async function rawRead(app: OpenApp): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const page = await app.ctx.store.list('persons', { limit: 1000, after });
    count += page.length;
    if (page.length < 1000) return count;
    after = page[page.length - 1].id;
  }
}

/**
 * Full exports of the seeded persons as CSV and as FollowTheMoney, in records per second against
 * the raw store read of the same rows, with the growth of the process's memory while exporting
 * (exports stream: it must not grow with the number of records).
 */
export async function benchExport(app: OpenApp, engine: Engine): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await rawRead(app); // warm the cache for both sides
  const rawStart = performance.now();
  const persons = await rawRead(app);
  const rawRate = persons / ((performance.now() - rawStart) / 1000);
  for (const format of ['csv', 'ftm'] as ExportFormat[]) {
    const scope = AccessScope.system(app.ctx);
    const prepared = await prepareExport({
      ctx: app.ctx,
      scope,
      format,
      filters: { types: ['persons'] },
      into: 'stream',
    });
    let bytes = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    await prepared.run(out);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    rows.push({
      engine,
      metric: `full ${format} export of ${persons} persons (${Math.round(bytes / 1e6)} MB, RSS +${Math.round((peak - baseline) / 1e6)} MB)`,
      unit: 'records/s',
      vigil: persons / seconds,
      peer: rawRate,
      peerName: 'store read',
      kind: 'rate',
    });
  }
  return rows;
}
