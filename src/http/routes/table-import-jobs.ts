import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import {
  cancelImportJob,
  createImportJob,
  importJob,
  importJobReport,
} from '../../app/table-import/import-jobs.js';
import { mappingNamed } from '../../app/table-import/saved-mappings.js';
import { invalid } from '../../domain/errors.js';
import { ImportReport, ROW_OUTCOMES, type RowOutcome } from '../../domain/schemas/table-import.js';
import type { TableMapping } from '../../domain/schemas/table-mapping.js';
import { actorOf } from '../actor.js';
import { principalOf, scopeOf } from '../auth/authenticate.js';
import { errors } from './responses.js';
import { ImportJobReportQuery, ImportJobRequest, ImportJobView } from './table-import-schemas.js';

const tags = ['table import'];
const JobParam = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** Only roles that write records import tables; the rest get 403. */
function importer(request: FastifyRequest) {
  const principal = principalOf(request);
  if (!can(principal.role, 'tables.import')) throw forbidden();
  return principal;
}

function outcomesOf(given: string | undefined): RowOutcome[] | undefined {
  if (!given) return undefined;
  const list = given.split(',');
  const known = new Set<string>(ROW_OUTCOMES);
  if (!list.every((o) => known.has(o)))
    throw invalid('unknown outcome', [{ path: '/outcomes', message: `one of ${ROW_OUTCOMES.join(', ')}` }]);
  return list as RowOutcome[];
}

/**
 * Table import as background jobs, beside the synchronous dry run and apply: queue a dry run or
 * an apply of an uploaded table, follow its progress, read its report a page at a time, cancel
 * it. A job is shown to its owner and to admins only; to anyone else it does not exist.
 */
export async function tableImportJobRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/table-imports/jobs', {
    schema: {
      tags,
      summary: 'Queue a dry run or an apply of an uploaded table as a background job',
      body: ImportJobRequest,
      response: { 202: ImportJobView, ...errors(400, 403, 404) },
    },
    handler: async (request, reply) => {
      const principal = importer(request);
      const body = request.body as {
        kind: 'dry_run' | 'apply';
        upload: string;
        mapping?: TableMapping;
        mappingName?: string;
        sheet?: string;
        planDigest?: string;
      };
      if ((body.mapping === undefined) === (body.mappingName === undefined))
        throw invalid('give either mapping or mappingName', [
          { path: '/mapping', message: 'give mapping or mappingName' },
        ]);
      const mapping = body.mapping ?? (await mappingNamed(ctx, body.mappingName as string)).mapping;
      const job = await createImportJob({
        ctx,
        owner: { userId: principal.userId, actor: actorOf(request), principal },
        scope: scopeOf(ctx, request),
        kind: body.kind,
        upload: body.upload,
        mapping,
        sheet: body.sheet,
        planDigest: body.planDigest,
      });
      return reply.status(202).send(job);
    },
  });

  app.get('/api/table-imports/jobs/:id', {
    schema: {
      tags,
      summary: 'A table import job: its status and progress (percent, rows/s, time left)',
      params: JobParam,
      response: { 200: ImportJobView, ...errors(403, 404) },
    },
    handler: async (request) => importJob(ctx, importer(request), (request.params as { id: string }).id),
  });

  app.get('/api/table-imports/jobs/:id/report', {
    schema: {
      tags,
      summary: 'A page of the report of a finished (or cancelled) table import job',
      description: '409 while the job has no report yet.',
      params: JobParam,
      querystring: ImportJobReportQuery,
      response: { 200: ImportReport, ...errors(400, 403, 404, 409) },
    },
    handler: async (request) => {
      const principal = importer(request);
      const query = request.query as { outcomes?: string; offset: number; limit: number };
      return importJobReport(ctx, principal, (request.params as { id: string }).id, {
        offset: query.offset,
        limit: query.limit,
        outcomes: outcomesOf(query.outcomes),
      });
    },
  });

  app.post('/api/table-imports/jobs/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a table import job; it stops between chunks, and what an apply wrote stays',
      description: '409 when the job has already ended.',
      params: JobParam,
      response: { 200: ImportJobView, ...errors(403, 404, 409) },
    },
    handler: async (request) =>
      cancelImportJob(ctx, importer(request), (request.params as { id: string }).id),
  });
}
