import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { importFtm } from '../../app/transfer/ftm/ftm-importer.js';
import { importFull } from '../../app/transfer/full-importer.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

export const importCommand: CliCommand = {
  path: ['import'],
  summary: 'restore a full JSON export, or import FollowTheMoney entities',
  help: `usage: vigil import FILE [--format json|ftm] [--db URL]

  --format json   (default) restores every record and the audit chain from a
                  \`vigil export --format json\` file into an empty database; the chain is
                  verified before anything is kept
  --format ftm    creates records from FollowTheMoney entities (JSON lines), e.g. from
                  \`vigil export --format ftm\` or Aleph
Either way all or nothing.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      format: { type: 'string' },
    });
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'ftm')
      throw new UsageError(`unknown format "${format}"; known: json, ftm`);
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const file = positionals[0];
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`cannot read ${file}`);
    const content = await readFile(file);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const actor = { id: `cli:${userInfo().username}` };
      if (format === 'ftm') {
        const result = await importFtm({ ctx, actor, content: content.toString('utf8') });
        const counts = Object.entries(result.created).map(([c, n]) => `${n} ${c}`);
        io.stdout(
          `imported ${counts.join(', ') || 'nothing'}${result.skipped ? `; skipped ${result.skipped} links` : ''}\n`,
        );
        return 0;
      }
      const result = await importFull({ ctx, actor, content });
      io.stdout(`imported ${result.records} records and ${result.auditEntries} audit entries\n`);
      return 0;
    });
  },
};
