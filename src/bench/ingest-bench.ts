import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { INGEST_BATCH, ingestSources } from '../app/ingest/source-ingester.js';
import { jobSchemaOf, openApp } from '../app/open-app.js';
import { VIGIL_BIN } from '../testing/cli.js';
import { TEST_ENV, TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { random, syntheticPeople } from './names.js';
import type { BenchRow } from './table.js';

/** A distinct synthetic report: a person, a count and a site, in a few sentences. */
export function report(i: number, person: { latin: string }, rnd: () => number): string {
  const count = 5 + Math.floor(rnd() * 40);
  return (
    `Report ${i}: men held in a basement in Zaitseve\n\nRelatives say that ${count} mobilized men who refused to fight are held ` +
    `in a basement in the village of Zaitseve in Luhansk region. ${person.latin}, ${20 + Math.floor(rnd() * 30)}, is among them. ` +
    `The men get no food. A commander threatened to shoot them. Case number ${i}-${Math.floor(rnd() * 1e6)}.\n`
  );
}

/**
 * End-to-end ingest throughput on PostgreSQL: `sources` reports are ingested as `vigil ingest`
 * ingests a directory (stored, read, story-linked, queued, a batch to a transaction) while `workers` `vigil worker` processes extract them into drafts;
 * sources/s counts from the first ingest to the last draft. Then as many again are queued while
 * the workers are paused, and drafts/s counts how fast the workers alone clear that backlog.
 */
export async function benchIngest(options: {
  pgUrl: string;
  sources: number;
  workers: number[];
  log: (line: string) => void;
}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const workers of options.workers) {
    const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
    const url = `${options.pgUrl}?schema=${schema}`;
    const app = await openApp(url, { key: TEST_KEY, settings: TEST_SETTINGS });
    const children = Array.from({ length: workers }, () =>
      spawn(process.execPath, [VIGIL_BIN, 'worker', '--db', url], {
        env: { ...process.env, ...TEST_ENV, VIGIL_LOG: 'off' },
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    try {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) =>
              c.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
            ),
        ),
      );
      const next = syntheticPeople(7);
      const rnd = random(11);
      // Stored as `vigil ingest` stores a directory: INGEST_BATCH reports to a transaction.
      const ingestRange = async (from: number, to: number) => {
        for (let i = from; i < to; i += INGEST_BATCH) {
          const bytes = Array.from({ length: Math.min(INGEST_BATCH, to - i) }, (_, j) =>
            Buffer.from(report(i + j, next(), rnd)),
          );
          await ingestSources(
            app.ctx,
            { id: 'bench' },
            bytes.map((b) => ({ bytes: b })),
          );
        }
      };
      const started = performance.now();
      await ingestRange(0, options.sources);
      const ingested = performance.now();
      const db = app.ctx.store.handle.db;
      const draftsReach = async (n: number) => {
        for (;;) {
          const row = await db
            .selectFrom('drafts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          if (Number(row.n) >= n) return;
          await sleep(50);
        }
      };
      await draftsReach(options.sources);
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `ingest: ${workers} worker(s): stored ${options.sources} in ${((ingested - started) / 1000).toFixed(1)} s, drafts after ${seconds.toFixed(1)} s`,
      );
      rows.push({
        engine: 'postgres',
        metric: `ingest end to end, ${workers} worker${workers > 1 ? 's' : ''}`,
        unit: 'sources/s',
        vigil: options.sources / seconds,
      });
      // End to end is bounded by this process storing one source after another; the workers' own
      // rate shows on a backlog: stored while they are paused (SIGSTOP), drained once they go on.
      for (const c of children) c.kill('SIGSTOP');
      await ingestRange(options.sources, 2 * options.sources);
      const resumed = performance.now();
      for (const c of children) c.kill('SIGCONT');
      await draftsReach(2 * options.sources);
      rows.push({
        engine: 'postgres',
        metric: `drafts from a queued backlog, ${workers} worker${workers > 1 ? 's' : ''}`,
        unit: 'drafts/s',
        vigil: options.sources / ((performance.now() - resumed) / 1000),
      });
    } finally {
      for (const c of children) {
        c.kill('SIGCONT');
        c.kill('SIGTERM');
      }
      await app.close();
      const client = new pg.Client({ connectionString: options.pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${jobSchemaOf(schema)} CASCADE`);
      await client.end();
    }
  }
  return rows;
}
