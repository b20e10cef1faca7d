import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { ingestSource } from '../../app/ingest/source-ingester.js';
import { loadConfig } from '../../config.js';
import { ERROR_KINDS, VigilError } from '../../domain/errors.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

export const ingestCommand: CliCommand = {
  path: ['ingest'],
  summary: 'store report files as sources and make their extraction drafts',
  help: `usage: vigil ingest FILE... [--db URL] [--outlet NAME] [--published YYYY-MM-DD] [--language en|ru|uk] [--kind KIND] [--no-wait]

Stores each file (plain text, HTML, PDF, .eml, .docx; the type is read from the content) as a
source, keeping the original bytes by SHA-256; the same bytes again give the existing source.
Then runs the extraction jobs, leaving one draft per source for review (GET /api/drafts).
  --no-wait   only queue the extraction jobs (for \`vigil worker\` processes)
Prints one line per file; a file that cannot be ingested is reported and the others go on.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      outlet: { type: 'string' },
      published: { type: 'string' },
      language: { type: 'string' },
      kind: { type: 'string' },
      'no-wait': { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    const config = loadConfig(values, io.env);
    const actor = { id: `cli:${userInfo().username}` };
    const hints = Object.fromEntries(
      (['outlet', 'published', 'language', 'kind'] as const)
        .filter((k) => values[k])
        .map((k) => [k, values[k]]),
    );
    return withApp(config, io.env, async ({ ctx }) => {
      let exit = 0;
      for (const file of positionals) {
        try {
          const info = await stat(file).catch(() => undefined);
          if (!info?.isFile()) throw new VigilError('invalid_input', 'cannot read the file');
          if (info.size > config.maxUploadBytes)
            throw new VigilError('too_large', 'the file is larger than allowed');
          const bytes = await readFile(file);
          const result = await ingestSource({ ctx, actor, bytes, hints, maxBytes: config.maxUploadBytes });
          io.stdout(
            `${file}: ${result.created ? 'new source' : 'already ingested as'} ${result.source.id} (story ${result.storyId})\n`,
          );
        } catch (err) {
          if (!(err instanceof VigilError)) throw err;
          io.stderr(`vigil ingest: ${file}: ${err.message}\n`);
          exit = Math.max(exit, ERROR_KINDS[err.kind].exit);
        }
      }
      if (!values['no-wait']) {
        const ran = await ctx.jobs.drain(draftJobHandler(ctx, { pauseBeforeCommitMs: config.jobPauseMs }));
        io.stdout(`extraction: ${ran} job${ran === 1 ? '' : 's'} run; drafts await review\n`);
      }
      return exit;
    });
  },
};
