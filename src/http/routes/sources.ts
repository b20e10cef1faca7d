import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { readExtractionStatus } from '../../app/ingest/extraction-status-reader.js';
import { readOcrPages, renderOcrPage } from '../../app/ingest/ocr-page-reader.js';
import { ingestSource, type SourceHints } from '../../app/ingest/source-ingester.js';
import { presentRecords } from '../../app/presenters/record-presenter.js';
import { readRecord } from '../../app/records/record-reader.js';
import { invalid } from '../../domain/errors.js';
import { ExtractionStatus } from '../../domain/schemas/extraction-status.js';
import { OcrPageView } from '../../domain/schemas/ocr-page.js';
import { Source, SourceFields } from '../../domain/schemas/source.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { documentOf, errors } from './responses.js';

const p = SourceFields.properties;
const hints = {
  title: Type.Optional(p.title),
  url: Type.Optional(p.url),
  outlet: Type.Optional(p.outlet),
  published: Type.Optional(p.published),
  language: Type.Optional(p.language),
  kind: Type.Optional(p.kind),
  reliability: Type.Optional(p.reliability),
  sensitive: Type.Optional(p.sensitive),
};
/** A report sent as JSON text. */
export const IngestText = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'the report: plain text or HTML' }),
    ...hints,
  },
  { additionalProperties: false, title: 'IngestText' },
);
/** A report sent as a file, with optional hints as form fields. */
const IngestFile = Type.Object(
  {
    file: Type.Unsafe<Buffer>({
      description: 'the report: text, HTML, PDF, .eml or .docx (type read from content)',
    }),
    ...Object.fromEntries(
      Object.entries(hints).map(([k]) => [k, Type.Optional(Type.String({ maxLength: 2000 }))]),
    ),
  },
  { additionalProperties: false, required: ['file'] },
);

export interface SourceRouteOptions {
  maxUploadBytes: number;
}

/**
 * POST /api/sources: the ingest entry point. Stores the original content-addressed, reads its
 * clean text, links reprints into one story and queues the extraction draft. 201 for a new
 * source, 200 with the existing one for content ingested before.
 */
export async function sourceRoutes(app: FastifyInstance, ctx: AppContext, options: SourceRouteOptions) {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: options.maxUploadBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
    });
    scope.post('/api/sources', {
      bodyLimit: Math.max(options.maxUploadBytes * 2, 1024 * 1024),
      schema: {
        tags: ['sources'],
        summary: 'Ingest a report as a source',
        description:
          'JSON `{ text, … }` or a multipart upload with a `file` field. The type is read from the content; ' +
          'the same bytes again answer 200 with the existing source. Extraction runs as a background job and ' +
          'leaves a draft (GET /api/drafts?sourceId=…).',
        body: {
          content: {
            'application/json': { schema: IngestText },
            'multipart/form-data': { schema: IngestFile },
          },
        },
        response: {
          200: Source,
          201: Source,
          ...errors(400, 409, 413, 415),
        },
      },
      handler: async (request, reply) => {
        const body = request.body as Record<string, unknown>;
        let bytes: Buffer;
        if (request.isMultipart()) {
          if (!Buffer.isBuffer(body.file))
            throw invalid('send the report as a file field named "file"', [
              { path: '/file', message: 'is required' },
            ]);
          bytes = body.file;
        } else bytes = Buffer.from(String(body.text), 'utf8');
        const { file: _f, text: _t, sensitive, ...rest } = body;
        const hints = { ...rest, sensitive: sensitive === true || sensitive === 'true' } as SourceHints;
        const scope = scopeOf(ctx, request);
        await scope.assertWritable('sources', { ...hints });
        const result = await ingestSource({
          ctx,
          actor: actorOf(request),
          bytes,
          hints,
          maxBytes: options.maxUploadBytes,
          // Content ingested before answers with that source only to those who may see it.
          mayReuse: (ids) => scope.visibleIds('sources', ids),
        });
        const [shown] = await presentRecords(ctx, scope, 'sources', [result.source]);
        return reply.status(result.created ? 201 : 200).send(shown);
      },
    });
  });

  app.get('/api/sources/:id/extraction', {
    schema: {
      tags: ['sources'],
      summary:
        "Where a source's extraction stands: queued, running, done (with its draft), failed or not queued",
      params: Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 64 }) },
        { additionalProperties: false },
      ),
      response: {
        200: ExtractionStatus,
        404: ErrorBody,
      },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      await scopeOf(ctx, request).assertVisible('sources', id);
      await readRecord({ ctx, collection: 'sources', id });
      return readExtractionStatus(ctx, id);
    },
  });

  const pageParams = {
    id: Type.String({ minLength: 1, maxLength: 64 }),
  };
  app.get('/api/sources/:id/pages', {
    schema: {
      tags: ['sources'],
      summary:
        'The pages of a photo or scan read by OCR: size, rotation, and each word’s span, box and confidence',
      description:
        'Words under 60 confidence are the ones the review page marks. Empty for a source not read by OCR. ' +
        'A sensitive source’s pages only for roles that read sensitive text (403 otherwise).',
      params: Type.Object(pageParams, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(OcrPageView) }, { additionalProperties: false }),
        ...errors(403, 404),
      },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      return { items: await readOcrPages(ctx, scopeOf(ctx, request), id) };
    },
  });

  app.get('/api/sources/:id/pages/:page/image', {
    schema: {
      tags: ['sources'],
      summary:
        'One page of a photo or scan as OCR read it (upright, grey), as a JPEG the word boxes scale onto',
      params: Type.Object(
        { ...pageParams, page: Type.Integer({ minimum: 1, maximum: 1000 }) },
        { additionalProperties: false },
      ),
      response: {
        200: documentOf('the page image', ['image/jpeg']),
        ...errors(403, 404),
      },
    },
    handler: async (request, reply) => {
      const { id, page } = request.params as { id: string; page: number };
      const image = await renderOcrPage(ctx, scopeOf(ctx, request), id, page);
      // The page shows the source's words: the browser may keep it, no shared cache may.
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(image);
    },
  });
}
