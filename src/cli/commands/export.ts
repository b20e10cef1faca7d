import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { exportFull } from '../../app/transfer/full-exporter.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

const FORMATS = ['json'] as const;

export const exportCommand: CliCommand = {
  path: ['export'],
  summary: 'export data (full JSON)',
  help: `usage: vigil export --format json [--out FILE] [--db URL]

  --format json   everything: all records and the audit chain (restorable with \`vigil import\`)
  --out FILE      write to FILE instead of standard output
The full export holds personal data: store and send it as you would the database itself.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, out: { type: 'string' }, ...DB_OPTIONS },
      false,
    );
    if (!values.format) throw new UsageError('--format is required (json)');
    if (!FORMATS.includes(values.format as (typeof FORMATS)[number])) {
      throw new UsageError(`unknown format "${values.format}"; known: ${FORMATS.join(', ')}`);
    }
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const out = values.out ? createWriteStream(values.out, { flags: 'wx' }) : process.stdout;
      const counts = await exportFull(ctx, out);
      if (values.out) {
        out.end();
        await finished(out);
        io.stderr(
          `exported ${counts.records} records and ${counts.auditEntries} audit entries to ${values.out}\n`,
        );
      }
      return 0;
    });
  },
};
