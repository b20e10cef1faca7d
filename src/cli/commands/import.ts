import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { importFtm } from '../../app/transfer/ftm/ftm-importer.js';
import { importFull } from '../../app/transfer/full-importer.js';
import { DATE_FORMATS, type DateFormat } from '../../app/transfer/uwazi/uwazi-cells.js';
import { importUwazi } from '../../app/transfer/uwazi/uwazi-importer.js';
import { loadConfig } from '../../config.js';
import { VigilError } from '../../domain/errors.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, type CliIo, UsageError } from '../command.js';
import { printFtmReport } from '../ftm-report.js';
import { readUwaziFiles } from '../uwazi-files.js';
import { withApp } from '../with-app.js';

const FORMATS = ['json', 'ftm', 'uwazi'];

/** Prints the rows an Uwazi import refused, one line each, before the one-line error. */
function reportProblems(err: unknown, io: CliIo) {
  const problems = (err instanceof VigilError && (err.details as { problems?: unknown[] })?.problems) || [];
  for (const p of problems as Array<{ path: string; message: string }>)
    io.stdout(`${p.path.slice(1).replace(/\/(\d+)$/, ' line $1')}: ${p.message}\n`);
}

export const importCommand: CliCommand = {
  help: `usage: vigil import PATH [--format json|ftm|uwazi] [--dataset NAME] [--dry-run] [--template NAME] [--date-format F] [--db URL]

  --format json   (default) restores every record and the audit chain from a
                  \`vigil export --format json\` file into an empty database; the chain is
                  verified before anything is kept
  --format ftm    creates or updates records from FollowTheMoney entities (JSON lines), e.g.
                  from \`vigil export --format ftm\` or Aleph; prints per entity what was left
                  out and why, and the outcomes per schema (not all or nothing)
  --dataset NAME  ftm: the dataset the ids belong to (default "default"); the same id from
                  two datasets is two entities
  --dry-run       ftm: print the report of the import without keeping anything
  --format uwazi  creates and updates records from Uwazi CSV of the templates in
                  data/uwazi/templates.json: PATH is a .csv, a .zip or a directory of .csv files
                  (as \`vigil export --format uwazi\` or Uwazi's "Export CSV" write them); rows
                  with the Vigil ID of a record update it, links are resolved by title
  --template NAME the template of every row (else a Template column, else the file name)
  --date-format F how the Uwazi instance writes dates: ${DATE_FORMATS.join(', ')} (default YYYY-MM-DD)
Uwazi and json are all or nothing: a problem in any row imports nothing and lists every row's problem.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      format: { type: 'string' },
      template: { type: 'string' },
      'date-format': { type: 'string' },
      dataset: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    const format = values.format ?? 'json';
    if (!FORMATS.includes(format))
      throw new UsageError(`unknown format "${format}"; known: ${FORMATS.join(', ')}`);
    if (positionals.length !== 1) throw new UsageError('give exactly one PATH');
    if (format !== 'uwazi' && (values.template || values['date-format']))
      throw new UsageError('--template and --date-format are for --format uwazi');
    if (format !== 'ftm' && (values.dataset !== undefined || values['dry-run']))
      throw new UsageError('--dataset and --dry-run are for --format ftm');
    const dateFormat = values['date-format'] ?? 'YYYY-MM-DD';
    if (!(DATE_FORMATS as readonly string[]).includes(dateFormat))
      throw new UsageError(`unknown date format "${dateFormat}"; known: ${DATE_FORMATS.join(', ')}`);
    const path = positionals[0];
    const actor = { id: `cli:${userInfo().username}` };
    if (format === 'uwazi') {
      const files = readUwaziFiles(path);
      const config = loadConfig(values, io.env);
      return withApp(config, io.env, async ({ ctx }) => {
        try {
          const result = await importUwazi({
            ctx,
            actor,
            files,
            template: values.template,
            dateFormat: dateFormat as DateFormat,
          });
          for (const r of result.rows)
            io.stdout(`${r.file} line ${r.line}: ${r.template} ${r.outcome} ${r.id}\n`);
          for (const [file, columns] of Object.entries(result.ignored))
            io.stdout(`${file}: ignored columns ${columns.join(', ')}\n`);
          const count = (o: string) => result.rows.filter((r) => r.outcome === o).length;
          io.stdout(
            `imported ${result.rows.length} rows: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged; ${result.involvements} case links added\n`,
          );
          return 0;
        } catch (err) {
          reportProblems(err, io);
          throw err;
        }
      });
    }
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`cannot read ${path}`);
    const content = await readFile(path);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      if (format === 'ftm') {
        const result = await importFtm({
          ctx,
          actor,
          content: content.toString('utf8'),
          dataset: values.dataset,
          dryRun: values['dry-run'] === true,
        });
        printFtmReport(result, io);
        return 0;
      }
      const result = await importFull({ ctx, actor, content });
      io.stdout(`imported ${result.records} records and ${result.auditEntries} audit entries\n`);
      return 0;
    });
  },
};
