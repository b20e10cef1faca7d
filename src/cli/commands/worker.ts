import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { ImportJobRunner } from '../../app/table-import/import-job-runner.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { openConfiguredApp } from '../with-app.js';

export const workerCommand: CliCommand = {
  help: `usage: vigil worker [--db URL] [--concurrency N]

Takes ingestion jobs from the queue and runs them: on PostgreSQL the pg-boss queue shared by any
number of workers, on SQLite the database's own job table. A worker killed mid-job loses nothing:
the job is retried (after VIGIL_JOB_EXPIRE_SECONDS on PostgreSQL) and creates nothing twice.
Table import jobs are run too; an apply goes on after its last committed chunk.
  --db URL          SQLite file path or postgres:// URL (default ./vigil.db, or VIGIL_DB)
  --concurrency N   jobs run at once (default 1)`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS, concurrency: { type: 'string' } }, false);
    const concurrency = Number(values.concurrency ?? 1);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32)
      throw new UsageError('--concurrency must be a whole number from 1 to 32');
    const config = loadConfig(values, io.env);
    const app = await openConfiguredApp(config, io.env);
    await app.ctx.jobs.start(draftJobHandler(app.ctx, { pauseBeforeCommitMs: config.jobPauseMs }), {
      concurrency,
    });
    const imports = new ImportJobRunner(app.ctx);
    imports.start();
    io.stdout(`worker ready (${app.ctx.jobs.kind}, database: ${app.ctx.store.handle.location})\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    // Stops after the chunk in hand; the import job is left for the next worker to go on with.
    await imports.stop();
    await app.close();
    return 0;
  },
};
