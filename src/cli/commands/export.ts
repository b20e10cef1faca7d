import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PUBLIC_FORMATS, type PublicFormat, renderPublic } from '../../app/public/public-dataset.js';
import { exportFtm } from '../../app/transfer/ftm/ftm-exporter.js';
import { exportFull } from '../../app/transfer/full-exporter.js';
import { loadConfig } from '../../config.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

const FORMATS = ['json', 'ftm', ...PUBLIC_FORMATS] as const;

export const exportCommand: CliCommand = {
  path: ['export'],
  summary: 'export data (public redacted GeoJSON/CSV/JSON, full JSON, FollowTheMoney)',
  help: `usage: vigil export --format FORMAT [--out FILE] [--db URL]

  --format json            everything: all records and the audit chain (restorable with \`vigil import\`)
  --format ftm             every record as FollowTheMoney entities (JSON lines), for Aleph and other tools
  --format public-geojson  detention sites of public cases: persons held per site and period
  --format public-csv      the same sites as CSV
  --format public-json     public cases (no free text; names only of persons marked public) and sites
  --out FILE               write to FILE instead of standard output
Public formats suppress counts below VIGIL_PUBLIC_MIN_COUNT (default 5) and hold no contacts.
The full and FollowTheMoney exports hold personal data in plain text: store and send them as you
would the database.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, out: { type: 'string' }, ...DB_OPTIONS },
      false,
    );
    if (!values.format) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    if (!FORMATS.includes(values.format as (typeof FORMATS)[number])) {
      throw new UsageError(`unknown format "${values.format}"; known: ${FORMATS.join(', ')}`);
    }
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const out = values.out ? createWriteStream(values.out, { flags: 'wx', mode: 0o600 }) : process.stdout;
      if (values.format === 'ftm') {
        const entities = await exportFtm(ctx, out);
        if (values.out) {
          out.end();
          await finished(out);
          io.stderr(`exported ${entities} FollowTheMoney entities to ${values.out}\n`);
        }
        return 0;
      }
      if (values.format !== 'json') {
        out.write(await renderPublic(ctx, values.format as PublicFormat));
        if (values.out) {
          out.end();
          await finished(out);
        }
        return 0;
      }
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
