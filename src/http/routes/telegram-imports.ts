import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { importTelegram } from '../../app/telegram/telegram-importer.js';
import { invalid } from '../../domain/errors.js';
import { isCalendarDate } from '../../domain/partial-date.js';
import { type TelegramLimits, zipExportFiles } from '../../ingest/formats/telegram-archive.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { errors } from './responses.js';

const Flag = Type.Optional(Type.String({ enum: ['true', 'false'] }));
const TelegramImportForm = Type.Object(
  {
    file: Type.Unsafe<Buffer>({
      description: 'the chat exported by Telegram Desktop in JSON format (result.json and its media), zipped',
    }),
    since: Type.Optional(
      Type.String({ format: 'calendar-date', description: 'keep messages sent on or after this day (UTC)' }),
    ),
    until: Type.Optional(
      Type.String({ format: 'calendar-date', description: 'keep messages sent on or before this day (UTC)' }),
    ),
    match: Type.Optional(
      Type.String({ maxLength: 500, description: 'keep messages containing at least one of these words' }),
    ),
    username: Type.Optional(
      Type.String({ maxLength: 33, description: "the public channel's @username, for t.me links" }),
    ),
    extract: Flag,
    dryRun: Flag,
  },
  { additionalProperties: false, required: ['file'] },
);

const Count = Type.Integer({ minimum: 0 });
/** What an import did, or in a dry run would do. */
export const TelegramImportSummary = Type.Object(
  {
    chat: Type.Object({
      name: Type.String({ description: "the channel's name; empty for a sensitive chat" }),
      kind: Type.Union([Type.Literal('channel'), Type.Literal('group'), Type.Literal('private')]),
      sensitive: Type.Boolean(),
    }),
    dryRun: Type.Boolean(),
    messages: Type.Object({ new: Count, edited: Count, unchanged: Count, filtered: Count, service: Count }),
    sources: Count,
    media: Type.Object({ stored: Count, missing: Count, tooLarge: Count, unreadable: Count }),
  },
  { title: 'TelegramImportSummary' },
);

const fieldOf = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' && body[name] !== '' ? (body[name] as string) : undefined;

/**
 * POST /api/telegram-imports: a zipped Telegram Desktop chat export imported as sources (the
 * same as `vigil import-telegram`), or counted with `dryRun`. Writers only; one transaction.
 */
export async function telegramImportRoutes(app: FastifyInstance, ctx: AppContext, limits: TelegramLimits) {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: limits.maxArchiveBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
    });
    scope.post('/api/telegram-imports', {
      bodyLimit: limits.maxArchiveBytes + 1024 * 1024,
      schema: {
        tags: ['sources'],
        summary: 'Import a zipped Telegram chat export as sources',
        description:
          "Multipart with a `file` field holding the zipped export folder. A channel's posts become public sources queued for extraction; a group's or private chat's become sensitive ones (sealed, not extracted) unless `extract` is true. Messages imported before and unchanged are skipped. A damaged export gets 400 and stores nothing; limits: VIGIL_TELEGRAM_ARCHIVE_LIMIT, VIGIL_TELEGRAM_MESSAGE_LIMIT (413), VIGIL_TELEGRAM_MEDIA_LIMIT (larger media left out and counted).",
        body: { content: { 'multipart/form-data': { schema: TelegramImportForm } } },
        response: { 200: TelegramImportSummary, 201: TelegramImportSummary, ...errors(400, 403, 413) },
      },
      handler: async (request, reply) => {
        if (!request.isMultipart())
          throw invalid('send the export as a multipart form with a file field named "file"');
        await scopeOf(ctx, request).assertWritable('sources', { kind: 'news_report' });
        const body = request.body as Record<string, unknown>;
        if (!Buffer.isBuffer(body.file))
          throw invalid('send the zipped export as a file field named "file"', [
            { path: '/file', message: 'is required' },
          ]);
        for (const name of ['since', 'until'])
          if (fieldOf(body, name) !== undefined && !isCalendarDate(body[name]))
            throw invalid(`${name} must be a date YYYY-MM-DD`, [{ path: `/${name}`, message: 'not a date' }]);
        const summary = await importTelegram({
          ctx,
          actor: actorOf(request),
          files: zipExportFiles(body.file, limits),
          limits,
          options: {
            since: fieldOf(body, 'since'),
            until: fieldOf(body, 'until'),
            match: fieldOf(body, 'match'),
            username: fieldOf(body, 'username'),
            extract: body.extract === 'true',
            dryRun: body.dryRun === 'true',
          },
        });
        return reply.status(summary.dryRun ? 200 : 201).send(summary);
      },
    });
  });
}
