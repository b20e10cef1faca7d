import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { AppContext } from '../app/context.js';
import { openApp } from '../app/open-app.js';
import { AccessScope } from '../app/policies/access-scope.js';
import { insertValidRecords } from '../app/records/record-creator.js';
import { ImportJobRunner } from '../app/table-import/import-job-runner.js';
import { createImportJob, jobReport, resultOf } from '../app/table-import/import-jobs.js';
import { stageUpload } from '../app/table-import/staged-uploads.js';
import { importTable, type ReportWindow } from '../app/table-import/table-importer.js';
import type { ImportReport } from '../domain/schemas/table-import.js';
import type { Engine } from '../store/database.js';
import type { TableImportJobRow } from '../store/schema.js';
import { tableImportJobs } from '../store/table-import-jobs.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { buildCsv } from '../testing/table-files.js';
import { random, type SyntheticPerson, syntheticPeople } from './names.js';
import { freshDatabase } from './storage-bench.js';
import type { BenchRow } from './table.js';

const SEED = 20221107;
const NEW_SEED = 8081945;
const BATCH = 5000;
const HEADERS = ['ФИО', 'Дата рождения', 'Воинская часть', 'Статус', 'Дата статуса'];
const MAPPING = {
  system: 'bench-list',
  columns: {
    fullName: 'ФИО',
    birthDate: 'Дата рождения',
    unit: 'Воинская часть',
    status: 'Статус',
    statusDate: 'Дата статуса',
  },
};

export interface TableImportBenchOptions {
  engine: Engine;
  persons: number;
  rows: number;
  pgUrl: string;
  log: (line: string) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A synthetic person with a full date of birth, as a hotline's list records it. */
function withBirthDate(p: SyntheticPerson, rnd: () => number) {
  return {
    ...p,
    birthDate: `${p.birthYear}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
  };
}

type Dated = ReturnType<typeof withBirthDate>;

const dotted = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A row for a stored person as another volunteer would type it: another romanization, surname
 * first, or the same spelling; with his unit or a new status (updates) or nothing new (unchanged).
 */
function rowOf(p: Dated, i: number, rnd: () => number): string[] {
  const [first, last] = p.cyrillic.split(' ');
  const unit = `в/ч ${10_000 + Math.floor(rnd() * 300)}`;
  switch (i % 3) {
    case 0:
      return [p.latinVariant, dotted(p.birthDate), unit, '', ''];
    case 1:
      return [`${last} ${first}`, p.birthDate, '', 'задержан', `${pad(1 + (i % 28))}.10.2022`];
    default:
      return [p.cyrillic, dotted(p.birthDate), '', '', ''];
  }
}

function mix(report: ImportReport): string {
  const s = report.summary;
  const pct = (n: number) => `${Math.round((100 * n) / s.rows)}%`;
  return `${pct(s.created)} created, ${pct(s.updated)} updated, ${pct(s.unchanged)} unchanged, ${pct(s.ambiguous)} ambiguous`;
}

/**
 * Table import throughput: seeds `persons` synthetic persons (the storage bench's names, with
 * dates of birth), then imports a table of `rows` rows — half of them stored persons written
 * another way (matched by entity resolution, no id column), half new men — as a dry run and as
 * an apply. The peer is the store's own bulk insert of persons, measured while seeding.
 */
export async function benchTableImport(o: TableImportBenchOptions): Promise<BenchRow[]> {
  const target = await freshDatabase(o.engine, o.pgUrl);
  const app = await openApp(target.url, { key: TEST_KEY, settings: TEST_SETTINGS });
  const { ctx } = app;
  try {
    const next = syntheticPeople(SEED);
    const dates = random(SEED + 1);
    const existing = Math.floor(o.rows / 2);
    const every = Math.max(1, Math.floor(o.persons / existing));
    const sampled: Dated[] = [];
    // Other stored persons, for the table the background job applies.
    const sampledForJob: Dated[] = [];
    const started = performance.now();
    for (let done = 0; done < o.persons; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, o.persons - done) }, (_, k) => {
        const p = withBirthDate(next(), dates);
        if ((done + k) % every === 0 && sampled.length < existing) sampled.push(p);
        else if ((done + k) % every === Math.min(1, every - 1) && sampledForJob.length < existing)
          sampledForJob.push(p);
        return {
          names: [
            { value: p.cyrillic, script: 'cyrillic' },
            { value: p.latin, script: 'latin' },
          ],
          birthDate: p.birthDate,
        };
      });
      await ctx.store.write('bench', (writer) => insertValidRecords(writer, 'persons', batch));
      if ((done / BATCH) % 40 === 0) o.log(`  ${o.engine}: ${done + batch.length} persons`);
    }
    const insertRate = o.persons / ((performance.now() - started) / 1000);
    if (o.engine === 'postgres') await sql`ANALYZE`.execute(ctx.store.handle.db);
    const rnd = random(SEED + 2);
    const tableOf = (stored: Dated[], freshSeed: number) => {
      const fresh = syntheticPeople(freshSeed);
      const rows = [HEADERS];
      stored.forEach((p, i) => {
        rows.push(rowOf(p, i, rnd));
        const n = withBirthDate(fresh(), dates);
        rows.push([
          n.cyrillic,
          dotted(n.birthDate),
          `в/ч ${10_000 + Math.floor(rnd() * 300)}`,
          'мобилизован',
          '',
        ]);
      });
      return rows;
    };
    const rows = tableOf(sampled, NEW_SEED);
    const bytes = buildCsv(rows, { delimiter: ';' });
    const run = async (dryRun: boolean, window: ReportWindow = { limit: 0 }) => {
      const t = performance.now();
      const report = await importTable({
        ctx,
        actor: { id: 'bench' },
        scope: AccessScope.system(ctx),
        bytes,
        fileName: 'bench.csv',
        mapping: MAPPING,
        dryRun,
        maxBytes: 1024 * 1024 * 1024,
        window,
      });
      return { report, seconds: (performance.now() - t) / 1000 };
    };
    o.log(
      `  ${o.engine}: importing ${rows.length - 1} rows (${(bytes.length / 1e6).toFixed(1)} MB) into ${o.persons} persons…`,
    );
    const dry = await run(true);
    o.log(`  ${o.engine}: dry run ${dry.seconds.toFixed(1)} s (${mix(dry.report)})`);
    // Paging the report reuses the dry run's plan while nothing was written.
    const page = await run(true, { offset: 100, limit: 100 });
    const applied = await run(false);
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    o.log(`  ${o.engine}: apply ${applied.seconds.toFixed(1)} s (peak RSS of the process so far ${rss} MB)`);
    const label = `import ${rows.length - 1} rows into ${o.persons} persons`;
    const jobs = await benchJobs(ctx, tableOf(sampledForJob, NEW_SEED + 1), o);
    const jobRow = (
      kind: 'dry run' | 'apply',
      measured: JobMeasure,
      peer: number,
      peerName: string,
    ): BenchRow => ({
      engine: o.engine,
      metric: `${label}: ${kind} as a background job${kind === 'apply' ? ` (${measured.planReused ? "takes over the dry run job's plan" : 'plans again'}, then writes chunks with their checkpoint)` : ''} (${measured.mix}; progress committed ${measured.updates} times)`,
      unit: 'rows/s',
      vigil: measured.rows / measured.seconds,
      peer,
      peerName,
      kind: 'rate',
    });
    return [
      jobRow('dry run', jobs.dry, (rows.length - 1) / dry.seconds, 'the synchronous dry run'),
      jobRow('apply', jobs.apply, (rows.length - 1) / applied.seconds, 'the synchronous apply'),
      {
        engine: o.engine,
        metric: `${label}: dry run (${mix(dry.report)})`,
        unit: 'rows/s',
        vigil: (rows.length - 1) / dry.seconds,
      },
      {
        engine: o.engine,
        metric: `${label}: another page of the dry run's report`,
        unit: 'ms',
        vigil: page.seconds * 1000,
        peer: dry.seconds * 1000,
        peerName: 'the dry run',
        kind: 'latency',
      },
      {
        engine: o.engine,
        metric: `${label}: apply after the dry run (its plan reused), one transaction`,
        unit: 'rows/s',
        vigil: (rows.length - 1) / applied.seconds,
        peer: insertRate,
        peerName: 'store bulk insert of persons',
        kind: 'rate',
      },
    ];
  } finally {
    await app.close();
    await target.drop();
  }
}

interface JobMeasure {
  rows: number;
  seconds: number;
  updates: number;
  mix: string;
  /** An apply that wrote the plan of the dry run job before it. */
  planReused: boolean;
}

/**
 * A dry run and then an apply of another table of the same make, each run as a background job
 * by the job runner (chunks committed with their progress and checkpoint), from the staged upload.
 */
async function benchJobs(
  ctx: AppContext,
  rows: string[][],
  o: TableImportBenchOptions,
): Promise<{ dry: JobMeasure; apply: JobMeasure }> {
  const bytes = buildCsv(rows, { delimiter: ';' });
  const owner = { userId: 'bench', actor: { id: 'bench' } };
  const measure = async (kind: 'dry_run' | 'apply'): Promise<JobMeasure> => {
    const preview = await stageUpload({
      ctx,
      actor: owner.actor,
      userId: owner.userId,
      bytes,
      name: 'bench.csv',
      maxBytes: 1024 * 1024 * 1024,
    });
    const job = await createImportJob({
      ctx,
      owner,
      scope: AccessScope.system(ctx),
      kind,
      upload: preview.file.sha256,
      mapping: MAPPING,
    });
    let updates = 0;
    let last = 0;
    // When the apply's writing began: before it, the job planned the table (or took over a plan).
    let applyingAt: number | undefined;
    const runner = new ImportJobRunner(ctx, {
      onProgress: (view) => {
        updates++;
        if (view.progress.phase === 'applying') applyingAt ??= performance.now();
        if (view.progress.percent >= last + 10) {
          last = view.progress.percent;
          o.log(
            `  ${o.engine}: job ${kind} ${view.progress.phase} ${view.progress.percent}%, ${Math.round(view.progress.rowsPerSecond)} rows/s`,
          );
        }
      },
    });
    const t = performance.now();
    await runner.drain();
    const seconds = (performance.now() - t) / 1000;
    const ended = (await tableImportJobs.byId(ctx.store.handle.db, job.id)) as TableImportJobRow;
    const report = await jobReport(ctx, ended, { offset: 0, limit: 1 });
    const planReused = Boolean(resultOf(ctx, ended)?.planFrom);
    const before =
      applyingAt === undefined ? '' : `, ${((applyingAt - t) / 1000).toFixed(1)} s of it before writing`;
    o.log(
      `  ${o.engine}: job ${kind} ${seconds.toFixed(1)} s${before} (${mix(report)}${planReused ? "; the dry run's plan reused" : ''})`,
    );
    return { rows: rows.length - 1, seconds, updates, mix: mix(report), planReused };
  };
  const dry = await measure('dry_run');
  return { dry, apply: await measure('apply') };
}
