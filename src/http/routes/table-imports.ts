import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import { listImports } from '../../app/table-import/import-history.js';
import { mappingNamed } from '../../app/table-import/saved-mappings.js';
import {
  discardUpload,
  dropUpload,
  stagedUpload,
  stageUpload,
} from '../../app/table-import/staged-uploads.js';
import { importTable } from '../../app/table-import/table-importer.js';
import { previewTable } from '../../app/table-import/table-preview.js';
import { invalid } from '../../domain/errors.js';
import { ImportReport, type RowOutcome, TablePreview } from '../../domain/schemas/table-import.js';
import type { TableMapping } from '../../domain/schemas/table-mapping.js';
import { readTable } from '../../ingest/tables/read-table.js';
import { actorOf } from '../actor.js';
import { principalOf, scopeOf } from '../auth/authenticate.js';
import { pageOf } from './collections.js';
import { errors } from './responses.js';
import { ApplyRequest, DryRunRequest, ImportRecordView, Sha256 } from './table-import-schemas.js';

const tags = ['table import'];
const UploadParam = Type.Object({ sha256: Sha256 }, { additionalProperties: false });
const UploadForm = Type.Object(
  {
    file: Type.Unsafe<Buffer>({
      description: 'the table: CSV (any of , ; tab; UTF-8, UTF-16 or Windows-1251) or .xlsx',
    }),
    sheet: Type.Optional(Type.String({ maxLength: 100, description: 'XLSX: the sheet to preview' })),
  },
  { additionalProperties: false, required: ['file'] },
);

/** Only roles that write records import tables; the rest get 403 before the file is read. */
function importer(request: FastifyRequest) {
  const principal = principalOf(request);
  if (!can(principal.role, 'tables.import')) throw forbidden();
  return principal;
}

type ImportBody = {
  upload: string;
  mapping?: TableMapping;
  mappingName?: string;
  sheet?: string;
  outcomes?: RowOutcome[];
  offset?: number;
  limit?: number;
  planDigest?: string;
};

/** The mapping a request gives inline or names, exactly one of the two. */
async function mappingOf(ctx: AppContext, body: ImportBody): Promise<TableMapping> {
  if ((body.mapping === undefined) === (body.mappingName === undefined))
    throw invalid('give either mapping or mappingName', [
      { path: '/mapping', message: 'give mapping or mappingName' },
    ]);
  return body.mapping ?? (await mappingNamed(ctx, body.mappingName as string)).mapping;
}

/**
 * Table import for the web app's mapping step: upload a CSV or .xlsx once (kept sealed for its
 * uploader for a day) and get its headers, first rows and a suggested mapping; dry-run it with a
 * mapping for the per-row report; apply it; list the imports made. Editors and admins only; the
 * uploaded file and its reports are shown to the uploader alone.
 */
export async function tableImportRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { maxUploadBytes: number },
) {
  // The file name as sent, which becomes part of the source's title.
  const fileNames = new WeakMap<FastifyRequest, string>();
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: options.maxUploadBytes, files: 1, fields: 5, fieldSize: 1000, parts: 10 },
      async onFile(part) {
        fileNames.set(this, part.filename);
        await part.toBuffer();
      },
    });
    scope.post('/api/table-imports/uploads', {
      bodyLimit: Math.max(options.maxUploadBytes * 2, 1024 * 1024),
      schema: {
        tags,
        summary: 'Upload a table (CSV or .xlsx) and preview it with a suggested mapping',
        description:
          'Multipart with a `file` field (and optionally `sheet`). The file is read at once: a malformed one gets 400/415 and is not kept. It is kept sealed for 24 hours for its uploader, by its SHA-256 (`file.sha256`), so that dry runs and the apply do not send it again.',
        body: { content: { 'multipart/form-data': { schema: UploadForm } } },
        response: { 201: TablePreview, ...errors(400, 403, 413, 415) },
      },
      handler: async (request, reply) => {
        const principal = importer(request);
        if (!request.isMultipart())
          throw invalid('send the table as a multipart form with a file field named "file"');
        const body = request.body as Record<string, unknown>;
        if (!Buffer.isBuffer(body.file))
          throw invalid('send the table as a file field named "file"', [
            { path: '/file', message: 'is required' },
          ]);
        const preview = await stageUpload({
          ctx,
          actor: actorOf(request),
          userId: principal.userId,
          bytes: body.file,
          name: fileNames.get(request) ?? 'table',
          sheet: typeof body.sheet === 'string' && body.sheet ? body.sheet : undefined,
          maxBytes: options.maxUploadBytes,
        });
        return reply.status(201).send(preview);
      },
    });
  });

  app.get('/api/table-imports/uploads/:sha256', {
    schema: {
      tags,
      summary: 'Preview an uploaded table again (another sheet, another header row)',
      params: UploadParam,
      querystring: Type.Object(
        {
          sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          headerRow: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: TablePreview, ...errors(400, 403, 404) },
    },
    handler: async (request) => {
      const principal = importer(request);
      const { sha256 } = request.params as { sha256: string };
      const { sheet, headerRow } = request.query as { sheet?: string; headerRow?: number };
      const upload = await stagedUpload(ctx, principal.userId, sha256);
      return previewTable(readTable(upload.bytes, { sheet }), upload.name, headerRow);
    },
  });

  app.delete('/api/table-imports/uploads/:sha256', {
    schema: {
      tags,
      summary: 'Discard an uploaded table',
      params: UploadParam,
      response: { 204: Type.Null(), ...errors(403, 404) },
    },
    handler: async (request, reply) => {
      const principal = importer(request);
      const { sha256 } = request.params as { sha256: string };
      await discardUpload({ ctx, actor: actorOf(request), userId: principal.userId, sha256 });
      return reply.status(204).send();
    },
  });

  const run = async (request: FastifyRequest, dryRun: boolean) => {
    const principal = importer(request);
    const body = request.body as ImportBody;
    const mapping = await mappingOf(ctx, body);
    const upload = await stagedUpload(ctx, principal.userId, body.upload);
    return importTable({
      ctx,
      actor: actorOf(request),
      scope: scopeOf(ctx, request),
      bytes: upload.bytes,
      fileName: upload.name,
      mapping,
      sheet: body.sheet,
      dryRun,
      planDigest: body.planDigest,
      window: { outcomes: body.outcomes, offset: body.offset, limit: body.limit },
      maxBytes: options.maxUploadBytes,
      onApplied: (writer) => dropUpload(writer, principal.userId, upload.sha256),
    });
  };

  app.post('/api/table-imports/dry-run', {
    schema: {
      tags,
      summary: 'Dry-run an uploaded table: what each row would do; nothing is written',
      body: DryRunRequest,
      response: { 200: ImportReport, ...errors(400, 403, 404, 415) },
    },
    handler: (request) => run(request, true),
  });

  app.post('/api/table-imports', {
    schema: {
      tags,
      summary: 'Import an uploaded table, in one transaction',
      description:
        'Answers 201 with the report when something was written (the upload is then discarded), 200 when every row was unchanged or not importable. With the dry run’s `planDigest`, 409 if anything changed since.',
      body: ApplyRequest,
      response: { 200: ImportReport, 201: ImportReport, ...errors(400, 403, 404, 409, 415) },
    },
    handler: async (request, reply) => {
      const report = await run(request, false);
      return reply.status(report.importId ? 201 : 200).send(report);
    },
  });

  app.get('/api/table-imports', {
    schema: {
      tags,
      summary: 'List the imports made, newest first',
      querystring: Type.Object(
        {
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: pageOf(ImportRecordView, 'TableImportPage'), ...errors(400, 403) },
    },
    handler: async (request) => {
      importer(request);
      return listImports(ctx, request.query as { limit: number; cursor?: string });
    },
  });
}
