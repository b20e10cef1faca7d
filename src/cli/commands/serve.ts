import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { ImportJobRunner } from '../../app/table-import/import-job-runner.js';
import { DEFAULT_PORT, loadConfig } from '../../config.js';
import { buildServer } from '../../http/server.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { openConfiguredApp } from '../with-app.js';

export const serveCommand: CliCommand = {
  help: `usage: vigil serve [--port N] [--host H] [--db URL]

Runs the HTTP API (and the web application) until interrupted.
  --port N    port to listen on (default ${DEFAULT_PORT}, or VIGIL_PORT; 0 picks a free one)
  --host H    address to listen on (default 127.0.0.1, or VIGIL_HOST)
  --db URL    SQLite file path or postgres:// URL (default ./vigil.db, or VIGIL_DB)
Migrations run on start. Deadlines are judged in VIGIL_TZ (an IANA zone, default Europe/Moscow).
On SQLite the server also runs ingestion and table import jobs; on PostgreSQL run \`vigil worker\`.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { port: { type: 'string' }, host: { type: 'string' }, ...DB_OPTIONS },
      false,
    );
    const config = loadConfig(values, io.env);
    const app = await openConfiguredApp(config, io.env);
    const server = await buildServer(
      { ...app.ctx, timeZone: config.timeZone },
      {
        bodyLimit: config.bodyLimit,
        trustProxy: config.trustProxy,
        logger: io.env.VIGIL_LOG !== 'off',
        maxUploadBytes: config.maxUploadBytes,
        telegram: config.telegram,
        web: { tileUrl: config.tileUrl, tileAttribution: config.tileAttribution },
      },
    );
    const address = await server.listen({ port: config.port, host: config.host });
    // On SQLite the server runs ingestion jobs itself; PostgreSQL deployments run `vigil worker`.
    // Table import jobs too, which PostgreSQL deployments leave to their workers.
    const imports = new ImportJobRunner(app.ctx);
    if (app.ctx.jobs.kind === 'in-process') {
      await app.ctx.jobs.start(draftJobHandler(app.ctx, { pauseBeforeCommitMs: config.jobPauseMs }));
      imports.start();
    }
    io.stdout(`Vigil is running at ${address}/ (database: ${app.ctx.store.handle.location})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await imports.stop();
    await app.close();
    return 0;
  },
};
