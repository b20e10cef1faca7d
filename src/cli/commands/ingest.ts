import { readdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { INGEST_BATCH, type IngestResult, ingestSources } from '../../app/ingest/source-ingester.js';
import { loadConfig } from '../../config.js';
import { ERROR_KINDS, VigilError } from '../../domain/errors.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

/** Bytes of files held for one transaction at most (a few large PDFs make a batch). */
const BATCH_BYTES = 16 * 1024 * 1024;

export const ingestCommand: CliCommand = {
  help: `usage: vigil ingest FILE|DIR... [--db URL] [--outlet NAME] [--published YYYY-MM-DD] [--language en|ru|uk] [--kind KIND] [--no-wait]

Stores each file (plain text, HTML, PDF, .eml, .docx; the type is read from the content) as a
source, keeping the original bytes by SHA-256; the same bytes again give the existing source.
Then runs the extraction jobs, leaving one draft per source for review (GET /api/drafts).
A directory stands for every file under it (sorted; hidden files and directories are skipped).
  --no-wait   only queue the extraction jobs (for \`vigil worker\` processes)
Prints one line per file; a file that cannot be ingested is reported and the others go on. On a
terminal a progress line shows on stderr; a summary (files, new sources, failures, drafts, rate) ends.`,
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
      const counts = { files: 0, created: 0, known: 0, failed: 0 };
      const started = performance.now();
      const rate = (n: number) => (n / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1);
      const report = (file: string, result: IngestResult | VigilError) => {
        if (result instanceof VigilError) {
          counts.failed++;
          io.progress?.('');
          io.stderr(`vigil ingest: ${file}: ${result.message}\n`);
          exit = Math.max(exit, ERROR_KINDS[result.kind].exit);
        } else {
          counts[result.created ? 'created' : 'known']++;
          io.stdout(
            `${file}: ${result.created ? 'new source' : 'already ingested as'} ${result.source.id} (story ${result.storyId})\n`,
          );
        }
        io.progress?.(
          `${counts.files} files: ${counts.created} new, ${counts.known} known, ${counts.failed} failed, ${rate(counts.files)} files/s`,
        );
      };
      // Files are stored INGEST_BATCH to a transaction (or fewer, past BATCH_BYTES of them).
      let batch: { file: string; bytes: Buffer }[] = [];
      let batchBytes = 0;
      const flush = async () => {
        const results = await ingestSources(
          ctx,
          actor,
          batch.map(({ bytes }) => ({ bytes, hints, maxBytes: config.maxUploadBytes })),
        );
        for (const [i, { file }] of batch.entries()) report(file, results[i] as IngestResult | VigilError);
        batch = [];
        batchBytes = 0;
      };
      for await (const file of filesOf(positionals)) {
        counts.files++;
        try {
          const info = await stat(file).catch(() => undefined);
          if (!info?.isFile()) throw new VigilError('invalid_input', 'cannot read the file');
          if (info.size > config.maxUploadBytes)
            throw new VigilError('too_large', 'the file is larger than allowed');
          const bytes = await readFile(file);
          batch.push({ file, bytes });
          batchBytes += bytes.length;
        } catch (err) {
          if (!(err instanceof VigilError)) throw err;
          report(file, err);
        }
        if (batch.length >= INGEST_BATCH || batchBytes >= BATCH_BYTES) await flush();
      }
      if (batch.length) await flush();
      let ran = 0;
      if (!values['no-wait']) {
        io.progress?.(`extracting drafts of ${counts.created} new sources…`);
        ran = await ctx.jobs.drain(draftJobHandler(ctx, { pauseBeforeCommitMs: config.jobPauseMs }));
        io.stdout(`extraction: ${ran} job${ran === 1 ? '' : 's'} run; drafts await review\n`);
      }
      io.progress?.('');
      const seconds = (performance.now() - started) / 1000;
      io.stdout(
        `summary: ${counts.files} files, ${counts.created} new sources, ${counts.known} already ingested, ${counts.failed} failed; ` +
          `${ran} extraction jobs run; ${seconds.toFixed(1)} s, ${rate(counts.files)} files/s\n`,
      );
      return exit;
    });
  },
};

/**
 * The files named, a directory standing for the files under it (sorted, hidden ones skipped),
 * yielded one at a time so that a large tree is ingested as it is walked. A path that is neither
 * is yielded as is, for the caller to report.
 */
async function* filesOf(paths: string[]): AsyncGenerator<string> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      yield path;
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const inner = join(path, entry.name);
      if (entry.isDirectory()) yield* filesOf([inner]);
      else if (entry.isFile()) yield inner;
    }
  }
}
