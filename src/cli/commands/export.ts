import { createWriteStream, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AccessScope } from '../../app/policies/access-scope.js';
import { PUBLIC_FORMATS, type PublicFormat, renderPublic } from '../../app/public/public-dataset.js';
import type { ExportFilters } from '../../app/transfer/export/export-filters.js';
import { prepareExport } from '../../app/transfer/export/export-runner.js';
import { exportFull } from '../../app/transfer/full-exporter.js';
import { loadConfig } from '../../config.js';
import { COLLECTION_NAMES, type CollectionName } from '../../domain/collections.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/vocabularies.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { dirSink } from '../dir-sink.js';
import { withApp } from '../with-app.js';

const FORMATS = [...EXPORT_FORMATS, ...PUBLIC_FORMATS] as const;

const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  q: { type: 'string' },
  'q-file': { type: 'string' },
  type: { type: 'string' },
  case: { type: 'string' },
  where: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  act: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  ...DB_OPTIONS,
} as const;

type Values = {
  q?: string;
  'q-file'?: string;
  type?: string;
  case?: string;
  where?: string[];
  region?: string[];
  act?: string[];
  status?: string[];
  from?: string;
  to?: string;
};

/** The filters of the command line, in the shape the export pipeline (and POST /api/exports) takes. */
function filtersOf(values: Values): ExportFilters | undefined {
  const filters: ExportFilters = {};
  if (values.q !== undefined && values['q-file'] !== undefined)
    throw new UsageError('give the query with --q or with --q-file, not both');
  if (values.q !== undefined) filters.q = values.q;
  if (values['q-file'] !== undefined) filters.q = queryFromFile(values['q-file']);
  if (values.type !== undefined) {
    const types = values.type.split(',').map((t) => t.trim());
    const unknown = types.filter((t) => !COLLECTION_NAMES.includes(t as CollectionName));
    if (unknown.length)
      throw new UsageError(
        `--type names no record type: ${unknown.join(', ')}; known: ${COLLECTION_NAMES.join(', ')}`,
      );
    filters.types = types as CollectionName[];
  }
  if (values.case !== undefined) filters.caseId = values.case;
  for (const clause of values.where ?? []) {
    const m = /^(\w+)\.(\w+)=(.+)$/.exec(clause);
    if (!m) throw new UsageError(`--where takes COLLECTION.FIELD=VALUE, e.g. acts.type=beating`);
    const where = filters.where ?? {};
    where[m[1] as CollectionName] = { ...where[m[1] as CollectionName], [m[2]]: m[3] };
    filters.where = where;
  }
  // The search's facets; the pipeline checks their values against the vocabularies.
  if (values.region?.length) filters.region = values.region;
  if (values.act?.length) filters.act = values.act as ExportFilters['act'];
  if (values.status?.length) filters.status = values.status;
  if (values.from !== undefined) filters.from = values.from;
  if (values.to !== undefined) filters.to = values.to;
  return Object.keys(filters).length ? filters : undefined;
}

/** A query read from a file or standard input ("-"), so that no name shows in the process list. */
function queryFromFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new UsageError(`--q-file: cannot read ${path === '-' ? 'standard input' : 'the file'}`);
  }
  const q = text.trim();
  if (!q) throw new UsageError('--q-file: the query is empty');
  return q;
}

async function closeFile(out: Writable, path: string | undefined) {
  if (!path) return;
  out.end();
  await finished(out);
}

export const exportCommand: CliCommand = {
  help: `usage: vigil export --format FORMAT [--out FILE|DIR] [filters] [--db URL]

  --format json            without filters: everything, records and the audit chain (restorable
                           with \`vigil import\`); with filters: the matching records as JSON
  --format csv             one CSV file per record type: --out DIR (or --out FILE.csv / standard
                           output for one --type)
  --format zip             the CSV files and a README with the data attribution, as one zip
  --format geojson         detention sites with persons held per site and period, unsuppressed
  --format ftm             FollowTheMoney entities (JSON lines) for Aleph and other tools
  --format uwazi           one Uwazi CSV per template (data/uwazi/templates.json), with the
                           templates file: --out DIR, or a zip (--out FILE.zip, or standard output)
  --format public-geojson  detention sites of public cases: persons held per site and period
  --format public-csv      the same sites as CSV
  --format public-json     public cases (no free text; names only of persons marked public) and sites
  --out FILE|DIR           write there (files are never overwritten) instead of standard output
Filters (they narrow together; the public formats take none):
  --q QUERY                records the search finds (cases, persons, organizations, places, sources);
                           a query shows in the process list and the shell history, so mind names
  --q-file FILE|-          the same query read from a file or standard input: no name on the command line
  --type T[,T…]            record types: ${COLLECTION_NAMES.join(', ')}
  --case ID                records linked to this case
  --where C.FIELD=VALUE    a list filter of a collection, e.g. acts.type=beating (repeatable)
  --region R, --act A, --status TYPE:S   the search's facets (repeatable: any of the values),
                           e.g. --act beating --status persons:detained
  --from DATE, --to DATE   dated records (cases, acts, sources, appeals) overlapping the range
Public formats suppress counts below VIGIL_PUBLIC_MIN_COUNT (default 5) and hold no contacts.
The other formats hold personal data in plain text (FollowTheMoney and Uwazi hold no contacts
and no text of sensitive sources): store and send them as you would the database.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    if (!values.format) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    if (!FORMATS.includes(values.format as (typeof FORMATS)[number])) {
      throw new UsageError(`unknown format "${values.format}"; known: ${FORMATS.join(', ')}`);
    }
    const filters = filtersOf(values);
    const isPublic = (PUBLIC_FORMATS as readonly string[]).includes(values.format);
    if (isPublic && filters) throw new UsageError('the public formats take no filters');
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const path = values.out;
      const toFile = () => (path ? createWriteStream(path, { flags: 'wx', mode: 0o600 }) : process.stdout);
      if (isPublic) {
        const out = toFile();
        out.write(await renderPublic(ctx, values.format as PublicFormat));
        await closeFile(out, path);
        return 0;
      }
      if (values.format === 'json' && !filters) {
        const out = toFile();
        const counts = await exportFull(ctx, out);
        await closeFile(out, path);
        if (path)
          io.stderr(
            `exported ${counts.records} records and ${counts.auditEntries} audit entries to ${path}\n`,
          );
        return 0;
      }
      const format = values.format as ExportFormat;
      const intoDir =
        path !== undefined && (format === 'csv' || format === 'uwazi') && !/\.(csv|zip)$/i.test(path);
      const prepared = await prepareExport({
        ctx,
        scope: AccessScope.system(ctx),
        format,
        filters,
        into: intoDir ? 'files' : 'stream',
      });
      if (intoDir) {
        const summary = await prepared.run(dirSink(path));
        io.stderr(`exported ${summary.items} records into ${path}: ${summary.files.join(', ')}\n`);
        return 0;
      }
      const out = toFile();
      const summary = await prepared.run(out);
      await closeFile(out, path);
      if (path)
        io.stderr(`exported ${summary.items} ${format === 'ftm' ? 'entities' : 'records'} to ${path}\n`);
      return 0;
    });
  },
};
