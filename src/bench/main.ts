import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Engine } from '../store/database.js';
import { measureColdStart, measureExtraction } from './extraction.js';
import { benchIngest } from './ingest-bench.js';
import { benchOcr } from './ocr-bench.js';
import { benchResolution } from './resolution-bench.js';
import { benchStorage, getByIdAcrossEngines } from './storage-bench.js';
import { type BenchRow, renderTable } from './table.js';
import { benchTableImport } from './table-import-bench.js';
import { benchTelegram } from './telegram-bench.js';
import { benchWeb } from './web-bench.js';

const HELP = `usage: npm run bench -- [--parts storage,ingest,resolution,extraction,ocr,import,telegram,web] [--n PERSONS] [--engines sqlite,postgres] [--queries N] [--http-seconds S] [--concurrency C] [--sources N] [--er-men N] [--er-rows N] [--er-seeds S,S] [--import-persons N] [--import-rows N] [--telegram-messages N]

--parts picks what to measure (default all). web: time to interactive of the case page in Chromium, CPU ×4 and fast 3G. extraction: reports/s of vigil extract on one core, and its cold start (a new \`vigil extract FILE\` process) beside \`node -e ""\`. ocr: seconds per page, characters/s and character error rate of Tesseract on rendered Russian and Ukrainian replies (clean, skewed and speckled, photographed). ingest: --sources real reports of the annotated corpus (default 500, after a warm-up read of each corpus report) ingested end to end
on PostgreSQL as \`vigil ingest\` does (25 to a transaction) with 1 and 2 \`vigil worker\` processes, then drafts/s of the workers alone on as many reports queued
while they were paused; one worker is set against extraction alone of the same reports, two workers against one. resolution: person matching through the table import: a list of
--er-men men (default 3000, realistic name frequencies) imported, then a second list of --er-rows rows (default
1000: 70% the same men written another way, 30% new men, half of them namesakes) as a dry run; precision,
recall and wrong merges per variant kind, summed over the seeds --er-seeds (default 1,2,3).
import: table import rows/s (dry run and apply) of --import-rows rows (default 100000; half stored persons
written another way, half new) into --import-persons seeded persons (default 1000000), per engine.
telegram: messages/s of importing a zipped channel export of --telegram-messages posts (default 10000),
then drafts/s of their extraction jobs, per engine.

Seeds PERSONS synthetic persons (default 100000) on each engine and prints a table of insert rate,
search latency through Vigil against the same query on the raw engine, full CSV and FollowTheMoney
export rates against the raw store read of the same rows, and HTTP GET-by-id rate (with both engines, also
PostgreSQL's GET-by-id rate against SQLite's of the same run).
PostgreSQL: VIGIL_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), in a schema of its own.`;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100000' },
      engines: { type: 'string', default: 'sqlite,postgres' },
      queries: { type: 'string', default: '400' },
      'http-seconds': { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '32' },
      parts: { type: 'string', default: 'storage,ingest,resolution,extraction,ocr,import,telegram,web' },
      sources: { type: 'string', default: '500' },
      'er-men': { type: 'string', default: '3000' },
      'er-rows': { type: 'string', default: '1000' },
      'er-seeds': { type: 'string', default: '1,2,3' },
      'import-persons': { type: 'string', default: '1000000' },
      'import-rows': { type: 'string', default: '100000' },
      'telegram-messages': { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const persons = Number(values.n);
  if (!Number.isInteger(persons) || persons < 1000) {
    process.stderr.write('bench: --n must be a whole number of at least 1000\n');
    return 2;
  }
  const pgUrl = process.env.VIGIL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const tables: string[] = [];
  const parts = new Set(values.parts.split(','));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (parts.has('extraction')) {
    // The dev reports repeated, one thread: reports/s in CPU time, so other load does not skew it.
    const r = await measureExtraction({ repeat: 40 });
    rows.push({
      engine: '-',
      metric: `extract ${r.reports} reports, one core (peak RSS ${r.peakRssMb} MB)`,
      unit: 'reports/s',
      vigil: r.reportsPerSecond,
    });
    // A new process per report, as a script calling `vigil extract` pays it; node's own start beside it.
    const cold = measureColdStart({ runs: 5 });
    rows.push({
      engine: '-',
      metric: `vigil extract FILE cold start (median of ${cold.runs} runs, wall clock)`,
      unit: 'ms',
      vigil: cold.extractMs,
      peer: cold.nodeMs,
      peerName: 'node -e ""',
      kind: 'latency',
    });
  }
  if (parts.has('ocr')) rows.push(...(await benchOcr(log)));
  if (parts.has('web')) rows.push(...(await benchWeb({ runs: 5, log })));
  if (parts.has('resolution')) {
    const matching = await benchResolution({
      men: Number(values['er-men']),
      rows: Number(values['er-rows']),
      seeds: values['er-seeds'].split(',').map(Number),
      log,
    });
    rows.push(...matching.rows);
    tables.push(matching.table);
  }
  if (parts.has('ingest')) {
    if (await reachable(pgUrl))
      rows.push(...(await benchIngest({ pgUrl, sources: Number(values.sources), workers: [1, 2], log })));
    else notes.push(`ingest: not measured, ${pgUrl} does not answer`);
  }
  for (const engine of (parts.has('storage') ? values.engines.split(',') : []) as Engine[]) {
    if (engine !== 'sqlite' && engine !== 'postgres') {
      process.stderr.write(`bench: unknown engine ${engine}\n`);
      return 2;
    }
    if (engine === 'postgres' && !(await reachable(pgUrl))) {
      notes.push(`postgres: not measured, ${pgUrl} does not answer`);
      continue;
    }
    process.stderr.write(`${engine}: seeding ${persons} persons…\n`);
    rows.push(
      ...(await benchStorage({
        engine,
        persons,
        queries: Number(values.queries),
        httpSeconds: Number(values['http-seconds']),
        concurrency: Number(values.concurrency),
        pgUrl,
        log: (line) => process.stderr.write(`${line}\n`),
      })),
    );
  }
  const acrossEngines = getByIdAcrossEngines(rows, Number(values.concurrency));
  if (acrossEngines) rows.push(acrossEngines);
  for (const engine of (parts.has('import') ? values.engines.split(',') : []) as Engine[]) {
    if (engine === 'postgres' && !(await reachable(pgUrl))) {
      notes.push(`import on postgres: not measured, ${pgUrl} does not answer`);
      continue;
    }
    log(`${engine}: table import…`);
    rows.push(
      ...(await benchTableImport({
        engine,
        persons: Number(values['import-persons']),
        rows: Number(values['import-rows']),
        pgUrl,
        log,
      })),
    );
  }
  for (const engine of (parts.has('telegram') ? values.engines.split(',') : []) as Engine[]) {
    if (engine === 'postgres' && !(await reachable(pgUrl))) {
      notes.push(`telegram on postgres: not measured, ${pgUrl} does not answer`);
      continue;
    }
    rows.push(
      ...(await benchTelegram({ engine, messages: Number(values['telegram-messages']), pgUrl, log })),
    );
  }
  process.stdout.write(`\n${renderTable(rows)}\n`);
  for (const table of tables) process.stdout.write(`\n${table}\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(
    'ratio: Vigil cost relative to the peer in the same run (latency vigil/peer, rate peer/vigil); 1.00 = no overhead\n',
  );
  return 0;
}

process.exitCode = await main();
