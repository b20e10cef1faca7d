import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { draftJobHandler } from '../../app/drafts/draft-creator.js';
import { importTelegram, type TelegramImportSummary } from '../../app/telegram/telegram-importer.js';
import { loadConfig } from '../../config.js';
import { isCalendarDate } from '../../domain/partial-date.js';
import { zipExportFiles } from '../../ingest/formats/telegram-archive.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { folderExportFiles } from '../telegram-folder.js';
import { withApp } from '../with-app.js';

/** The summary lines an import prints. */
export function renderTelegramSummary(s: TelegramImportSummary): string {
  const m = s.messages;
  const lines = [
    `${s.chat.kind}${s.chat.sensitive ? ' (sensitive: sealed, not indexed, not extracted)' : ''}${s.chat.name ? ` "${s.chat.name}"` : ''}`,
    `messages: ${m.new} new, ${m.edited} edited, ${m.unchanged} unchanged, ${m.filtered} filtered out, ${m.service} service`,
    `media: ${s.media.stored} stored, ${s.media.missing} not in the export, ${s.media.tooLarge} too large, ${s.media.unreadable} unreadable`,
    s.dryRun ? 'dry run: nothing was written' : `${s.sources} source${s.sources === 1 ? '' : 's'} created`,
  ];
  return `${lines.join('\n')}\n`;
}

export const importTelegramCommand: CliCommand = {
  help: `usage: vigil import-telegram DIR|ZIP [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--match WORDS]
                            [--username NAME] [--extract] [--dry-run] [--no-wait] [--db URL]

Reads a chat exported by Telegram Desktop ("Export chat history", format JSON): the folder with
result.json and its media, or that folder zipped. A channel's posts become public sources, one per
post (with a t.me link when --username names the public channel), queued for extraction and
joined to the stories they reprint. A group's or private chat's consecutive messages of one author
become one sensitive source each (sealed, not indexed, not extracted). Photos and files become
sources of their own; photos are read by OCR. Messages imported before and unchanged are skipped,
edited ones imported again. One transaction: a damaged export stores nothing.
  --since, --until  keep messages sent on or after / on or before these days (UTC)
  --match WORDS     keep messages containing at least one of these words
  --username NAME   the public channel's @username, for t.me links
  --extract         a group or private chat: import as ordinary sources and extract them
  --dry-run         count new, edited, unchanged and filtered messages; write nothing
  --no-wait         only queue the extraction jobs (for \`vigil worker\` processes)
Limits: VIGIL_TELEGRAM_ARCHIVE_LIMIT (bytes), VIGIL_TELEGRAM_MESSAGE_LIMIT, VIGIL_TELEGRAM_MEDIA_LIMIT (bytes).`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      since: { type: 'string' },
      until: { type: 'string' },
      match: { type: 'string' },
      username: { type: 'string' },
      extract: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'no-wait': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('give one export folder or zip');
    for (const flag of ['since', 'until'] as const)
      if (values[flag] !== undefined && !isCalendarDate(values[flag]))
        throw new UsageError(`--${flag} takes a date YYYY-MM-DD`);
    const config = loadConfig(values, io.env);
    const limits = config.telegram;
    const path = positionals[0];
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new UsageError(`cannot read ${path}`);
    if (info.isFile() && info.size > limits.maxArchiveBytes)
      throw new UsageError(
        `${path} is larger than VIGIL_TELEGRAM_ARCHIVE_LIMIT (${limits.maxArchiveBytes} bytes)`,
      );
    const files = info.isDirectory()
      ? folderExportFiles(path, limits)
      : zipExportFiles(readFileSync(path), limits);
    const actor = { id: `cli:${userInfo().username}` };
    return withApp(config, io.env, async ({ ctx }) => {
      let shown = 0;
      const summary = await importTelegram({
        ctx,
        actor,
        files,
        limits,
        options: {
          since: values.since,
          until: values.until,
          match: values.match,
          username: values.username,
          extract: values.extract,
          dryRun: values['dry-run'],
        },
        onProgress: (done, total) => {
          // About twenty progress lines however long the chat.
          if (done === total || done - shown >= Math.max(1, Math.ceil(total / 20))) {
            shown = done;
            io.stderr(`stored ${done} of ${total}\n`);
          }
        },
      });
      io.stdout(renderTelegramSummary(summary));
      if (!summary.dryRun && !values['no-wait'] && summary.sources > 0) {
        const ran = await ctx.jobs.drain(draftJobHandler(ctx, { pauseBeforeCommitMs: config.jobPauseMs }));
        io.stdout(`extraction: ${ran} job${ran === 1 ? '' : 's'} run; drafts await review\n`);
      }
      return 0;
    });
  },
};
