import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { importFull } from '../../app/transfer/full-importer.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

export const importCommand: CliCommand = {
  path: ['import'],
  summary: 'restore a full JSON export into an empty database',
  help: `usage: vigil import FILE [--db URL]

Restores every record and the audit chain from a \`vigil export --format json\` file into an
empty database, all or nothing. The chain is verified before anything is kept.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const file = positionals[0];
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`cannot read ${file}`);
    const content = await readFile(file);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const result = await importFull({ ctx, actor: { id: `cli:${userInfo().username}` }, content });
      io.stdout(`imported ${result.records} records and ${result.auditEntries} audit entries\n`);
      return 0;
    });
  },
};
