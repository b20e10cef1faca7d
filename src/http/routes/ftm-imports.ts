import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import { importFtm } from '../../app/transfer/ftm/ftm-importer.js';
import { COLLECTION_NAMES } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import { actorOf } from '../actor.js';
import { principalOf, scopeOf } from '../auth/authenticate.js';
import { errors } from './responses.js';

const FtmImportForm = Type.Object(
  {
    file: Type.Unsafe<Buffer>({
      description:
        'FollowTheMoney entities as JSON lines (UTF-8), e.g. from Aleph or `vigil export --format ftm`',
    }),
    dataset: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'the dataset the ids belong to (default "default"): the same id from two datasets is two entities',
      }),
    ),
    dryRun: Type.Optional(Type.String({ enum: ['true', 'false'] })),
  },
  { additionalProperties: false, required: ['file'] },
);

const Count = Type.Integer({ minimum: 0 });
const Counts = Type.Partial(Type.Record(Type.Union(COLLECTION_NAMES.map((c) => Type.Literal(c))), Count));
/** What an import did, or in a dry run would do, entity by entity. */
const FtmImportReport = Type.Object(
  {
    dataset: Type.String(),
    dryRun: Type.Boolean(),
    entities: Type.Array(
      Type.Object({
        id: Type.String(),
        schema: Type.String(),
        outcome: Type.Union(
          ['created', 'updated', 'unchanged', 'merged', 'skipped', 'conflict'].map((o) => Type.Literal(o)),
        ),
        collection: Type.Optional(Type.String()),
        recordId: Type.Optional(Type.String()),
        reason: Type.Optional(Type.String()),
        dropped: Type.Array(Type.Object({ property: Type.String(), reason: Type.String() })),
      }),
    ),
    created: Counts,
    updated: Counts,
    skipped: Count,
    conflicts: Count,
  },
  { title: 'FtmImportReport' },
);

/**
 * POST /api/ftm-imports: FollowTheMoney entities imported as records (the same as `vigil import
 * --format ftm`), or reported without keeping anything with `dryRun`. Editors and admins only;
 * records the caller may not change are left as they are and reported.
 */
export async function ftmImportRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { maxUploadBytes: number },
) {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: options.maxUploadBytes, files: 1, fields: 3, fieldSize: 1000, parts: 5 },
    });
    scope.post('/api/ftm-imports', {
      bodyLimit: options.maxUploadBytes + 1024 * 1024,
      schema: {
        tags: ['import'],
        summary: 'Import FollowTheMoney entities, or dry-run the import',
        description:
          'Multipart with a `file` field holding FollowTheMoney JSON lines. Each entity is reported: the record it became (created, updated, unchanged), merged into another, skipped or a conflict (its id names a record of another kind or name in the dataset), with every property left out and why. A line that is not an entity gets 400 and nothing is kept; a larger file than allowed gets 413.',
        body: { content: { 'multipart/form-data': { schema: FtmImportForm } } },
        response: { 200: FtmImportReport, 201: FtmImportReport, ...errors(400, 403, 413) },
      },
      handler: async (request, reply) => {
        if (!can(principalOf(request).role, 'records.write')) throw forbidden();
        if (!request.isMultipart())
          throw invalid('send the entities as a multipart form with a file field named "file"');
        const body = request.body as Record<string, unknown>;
        if (!Buffer.isBuffer(body.file))
          throw invalid('send the entities as a file field named "file"', [
            { path: '/file', message: 'is required' },
          ]);
        const content = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
        let text: string;
        try {
          text = content.decode(body.file);
        } catch {
          throw invalid('the file is not UTF-8 text', [{ path: '/file', message: 'not UTF-8' }]);
        }
        const result = await importFtm({
          ctx,
          actor: actorOf(request),
          content: text,
          dataset: typeof body.dataset === 'string' ? body.dataset : undefined,
          dryRun: body.dryRun === 'true',
          scope: scopeOf(ctx, request),
        });
        return reply.status(result.dryRun ? 200 : 201).send(result);
      },
    });
  });
}
