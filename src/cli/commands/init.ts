import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { withApp } from '../with-app.js';

export const initCommand: CliCommand = {
  path: ['init'],
  summary: 'create the database (or bring it up to date)',
  help: `usage: vigil init [--db URL]

Creates the database and runs every migration; safe to run again.
  --db URL    SQLite file path or postgres:// URL (default ./vigil.db, or VIGIL_DB)`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS }, false);
    const config = loadConfig(values, io.env);
    await withApp(config, io.env, async ({ ctx }) => {
      io.stdout(`database ready: ${ctx.store.handle.location} (${ctx.store.engine})\n`);
    });
    return 0;
  },
};
