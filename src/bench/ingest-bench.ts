import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { INGEST_BATCH, ingestSources } from '../app/ingest/source-ingester.js';
import { jobSchemaOf, openApp } from '../app/open-app.js';
import { extractReport } from '../ingest/extract-report.js';
import { VIGIL_BIN } from '../testing/cli.js';
import { TEST_ENV, TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
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
 * One copy of each of the annotated corpus's real reports (en, ru, uk) to warm up with, then `n`
 * more copies in turn, each told apart by a last line, as a reprint with a note would be (a
 * repeated text joins its story).
 */
function corpusCopies(n: number): [string[], string[]] {
  const dir = fileURLToPath(new URL('../../eval/corpus/pool/', import.meta.url));
  const pool = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text);
  const copy = (i: number) => `${pool[i % pool.length]}\n\nBench copy ${i}.\n`;
  return [pool.map((_, i) => copy(i)), Array.from({ length: n }, (_, i) => copy(pool.length + i))];
}

/** CPU seconds a process has used so far (Linux /proc), to tell how many cores the workers kept busy. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Reports per CPU second extracting these texts on this one thread, as the workers do (warmed up first). */
function extractionRate(texts: string[], warmUp: string[]): number {
  for (const content of warmUp) extractReport({ content });
  const cpuStart = process.cpuUsage();
  for (const content of texts) extractReport({ content });
  const cpu = process.cpuUsage(cpuStart);
  return texts.length / ((cpu.user + cpu.system) / 1e6);
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
  // Real reports, the same in every run, so that each is measured against extraction alone of exactly these.
  const [warmUp, texts] = corpusCopies(2 * options.sources);
  const extraction = extractionRate(texts, warmUp);
  const oneWorker = new Map<string, number>();
  /**
   * A row against extraction alone of the same reports (one worker), or against one worker's rate
   * in the same run (more workers): the first ratio is how much of the raw rate the pipeline keeps,
   * the second how far workers scale out.
   */
  const versus = (metric: string, unit: string, rate: number): BenchRow => {
    const kind = metric.replace(/, \d+ workers?$/, '');
    const one = oneWorker.get(kind);
    if (one === undefined) oneWorker.set(kind, rate);
    return {
      engine: 'postgres',
      metric,
      unit,
      vigil: rate,
      kind: 'rate',
      ...(one === undefined
        ? { peer: extraction, peerName: 'extraction alone' }
        : { peer: one, peerName: '1 worker' }),
    };
  };
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
      // Stored as `vigil ingest` stores a directory: INGEST_BATCH reports to a transaction.
      const ingest = async (reports: string[]) => {
        for (let i = 0; i < reports.length; i += INGEST_BATCH)
          await ingestSources(
            app.ctx,
            { id: 'bench' },
            reports.slice(i, i + INGEST_BATCH).map((text) => ({ bytes: Buffer.from(text) })),
          );
      };
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
      // Workers that run for days have their dictionaries loaded: each reads the corpus once first.
      await ingest(warmUp);
      await draftsReach(warmUp.length);
      const started = performance.now();
      await ingest(texts.slice(0, options.sources));
      const ingested = performance.now();
      await draftsReach(warmUp.length + options.sources);
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `ingest: ${workers} worker(s): stored ${options.sources} in ${((ingested - started) / 1000).toFixed(1)} s, drafts after ${seconds.toFixed(1)} s`,
      );
      rows.push(
        versus(
          `ingest end to end, ${workers} worker${workers > 1 ? 's' : ''}`,
          'sources/s',
          options.sources / seconds,
        ),
      );
      // The workers' own rate shows on a backlog: stored while they are paused (SIGSTOP), drained
      // once they go on; the CPU they used then tells whether the machine's cores were the limit.
      for (const c of children) c.kill('SIGSTOP');
      await ingest(texts.slice(options.sources));
      const cpuBefore = children.map((c) => cpuSecondsOf(c.pid));
      const resumed = performance.now();
      for (const c of children) c.kill('SIGCONT');
      await draftsReach(warmUp.length + 2 * options.sources);
      const drained = (performance.now() - resumed) / 1000;
      const cpu = children.reduce((sum, c, i) => sum + cpuSecondsOf(c.pid) - (cpuBefore[i] ?? 0), 0);
      options.log(
        `ingest: ${workers} worker(s) drained ${options.sources} in ${drained.toFixed(1)} s using ${cpu.toFixed(1)} CPU s (${(cpu / drained).toFixed(2)} of ${availableParallelism()} cores)`,
      );
      rows.push(
        versus(
          `drafts from a queued backlog, ${workers} worker${workers > 1 ? 's' : ''}`,
          'drafts/s',
          options.sources / drained,
        ),
      );
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
