import { createUser } from '../../app/accounts/user-creator.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { passwordFrom } from '../secret-input.js';
import { withApp } from '../with-app.js';

export const initCommand: CliCommand = {
  help: `usage: vigil init [--admin NAME] [--db URL] [--key-file FILE]

Creates the database (or brings it up to date) and, when it has no users yet, the first admin
(default name "admin"). The password comes from VIGIL_ADMIN_PASSWORD or is asked on the terminal;
without either, init exits 2. Weak passwords are refused. Safe to run again.
  --db URL         SQLite file path or postgres:// URL (default ./vigil.db, or VIGIL_DB)
  --key-file FILE  the encryption key (or VIGIL_KEY_FILE / VIGIL_KEY); \`vigil key generate\` makes one`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS, admin: { type: 'string' } }, false);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      io.stdout(`database ready: ${ctx.store.handle.location} (${ctx.store.engine})\n`);
      const existing = await ctx.store.handle.db.selectFrom('users').select('id').limit(1).execute();
      if (existing.length) {
        io.stdout('users exist already; no admin created\n');
        return 0;
      }
      const password = await passwordFrom(io, 'VIGIL_ADMIN_PASSWORD', 'password for the first admin');
      const username = values.admin ?? 'admin';
      await createUser({ ctx, actor: { id: 'cli:init' }, username, role: 'admin', password });
      io.stdout(`admin "${username}" created\n`);
      return 0;
    });
  },
};
