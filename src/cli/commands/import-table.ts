import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { AppContext } from '../../app/context.js';
import { AccessScope } from '../../app/policies/access-scope.js';
import {
  createMapping,
  listMappings,
  mappingNamed,
  updateMapping,
} from '../../app/table-import/saved-mappings.js';
import { importTable } from '../../app/table-import/table-importer.js';
import { loadConfig } from '../../config.js';
import { VigilError } from '../../domain/errors.js';
import type { TableMapping } from '../../domain/schemas/table-mapping.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { importProgressLine } from '../import-progress-line.js';
import { renderImportReport } from '../table-import-report.js';
import { withApp } from '../with-app.js';

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UsageError(`${file} is not a readable JSON file`);
  }
}

/** `--mapping` is a JSON file when one exists at that path, else the name of a saved mapping. */
async function mappingFrom(ctx: AppContext, given: string): Promise<TableMapping> {
  if ((await stat(given).catch(() => undefined))?.isFile()) return (await readJson(given)) as TableMapping;
  try {
    return (await mappingNamed(ctx, given)).mapping;
  } catch (err) {
    if (err instanceof VigilError && err.kind === 'not_found')
      throw new UsageError(`"${given}" is neither a mapping file nor a saved mapping (see --list-mappings)`);
    throw err;
  }
}

export const importTableCommand: CliCommand = {
  help: `usage: vigil import-table FILE --mapping MAP [--dry-run] [--sheet NAME] [--json] [--db URL] [--key-file FILE]
       vigil import-table --save-mapping NAME MAPPING.json
       vigil import-table --list-mappings

Reads FILE (CSV with , ; or tab, in UTF-8, UTF-16 or Windows-1251; or .xlsx) through the
mapping MAP — a JSON file, or the name of a saved mapping — and matches each row to a stored
person: by the list's id column when the mapping has one, else by entity resolution. Matched
persons are updated, new ones created, in one transaction; the file is kept as a source and every
imported value gets a claim quoting its cell. Persons of the list's earlier import whose rows are
gone are reported, never deleted.
  --dry-run        report what each row would do; write nothing
  --sheet NAME     .xlsx: the sheet to read (default: the mapping's, else the first)
  --json           print the report as JSON
  --save-mapping   save (or replace) a mapping under NAME, to reuse with --mapping NAME
  --list-mappings  print the saved mappings
On a terminal, a status line on stderr shows the progress: percent, rows/s and time left.
One line per row: created, updated (with the field changes), unchanged, ambiguous (with the
candidates), invalid (with the reason) or conflict. Exit code 0 when every row was imported or
unchanged, 1 when some rows are ambiguous or in conflict, 2 when some are invalid or the file or
mapping is bad.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean' },
      sheet: { type: 'string' },
      json: { type: 'boolean' },
      'save-mapping': { type: 'string' },
      'list-mappings': { type: 'boolean' },
    });
    const config = loadConfig(values, io.env);
    const actor = { id: `cli:${userInfo().username}` };
    if (values['list-mappings']) {
      if (positionals.length) throw new UsageError('--list-mappings takes no FILE');
      return withApp(config, io.env, async ({ ctx }) => {
        for (const m of await listMappings(ctx))
          io.stdout(`${m.name}\t(list "${m.mapping.system}", version ${m.version})\n`);
        return 0;
      });
    }
    const save = values['save-mapping'];
    if (save !== undefined) {
      if (positionals.length !== 1) throw new UsageError('give the mapping as one JSON FILE');
      const mapping = await readJson(positionals[0]);
      return withApp(config, io.env, async ({ ctx }) => {
        const existing = await mappingNamed(ctx, save).catch(() => undefined);
        const saved = existing
          ? await updateMapping({ ctx, actor, id: existing.id, version: existing.version, mapping })
          : await createMapping({ ctx, actor, name: save, mapping });
        io.stdout(`mapping "${saved.name}" ${existing ? 'replaced' : 'saved'} (version ${saved.version})\n`);
        return 0;
      });
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    if (!values.mapping) throw new UsageError('give --mapping FILE.json or --mapping NAME');
    const file = positionals[0];
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`cannot read ${file}`);
    if (info.size > config.maxUploadBytes)
      throw new VigilError(
        'too_large',
        `the file is larger than ${Math.floor(config.maxUploadBytes / (1024 * 1024))} MB`,
      );
    const bytes = await readFile(file);
    return withApp(config, io.env, async ({ ctx }) => {
      const report = await importTable({
        ctx,
        actor,
        scope: AccessScope.system(ctx),
        bytes,
        fileName: basename(file),
        mapping: await mappingFrom(ctx, values.mapping as string),
        sheet: values.sheet,
        dryRun: values['dry-run'] === true,
        maxBytes: config.maxUploadBytes,
        pauseBeforeCommitMs: config.jobPauseMs,
        onProgress: io.progress && ((p) => io.progress?.(importProgressLine(p))),
      });
      io.progress?.('');
      io.stdout(
        values.json ? `${JSON.stringify(report, null, 2)}\n` : renderImportReport(report, basename(file)),
      );
      const s = report.summary;
      return s.invalid ? 2 : s.ambiguous || s.conflict ? 1 : 0;
    });
  },
};
