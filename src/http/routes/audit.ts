import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { readAudit } from '../../app/audit/audit-reader.js';
import type { AppContext } from '../../app/context.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { AuditEntry } from './audit-schemas.js';

/** GET /api/audit: the audit log, limited to what the reader may see. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Read the audit log (entries of records you may see; everything for admins)',
      querystring: Type.Object(
        {
          collection: Type.Optional(Type.String({ maxLength: 40 })),
          recordId: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
          order: Type.Optional(
            Type.String({
              enum: ['oldest', 'newest'],
              default: 'oldest',
              description: 'newest: latest first',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          items: Type.Array(AuditEntry),
          nextCursor: Type.Union([Type.String(), Type.Null()]),
        }),
        400: ErrorBody,
        401: ErrorBody,
      },
    },
    handler: async (request) => {
      const q = request.query as {
        collection?: string;
        recordId?: string;
        limit: number;
        cursor?: string;
        order: string;
      };
      return readAudit(ctx, scopeOf(ctx, request), {
        collection: q.collection,
        recordId: q.recordId,
        limit: q.limit,
        afterSeq: q.cursor ? Number(q.cursor) : undefined,
        newest: q.order === 'newest',
      });
    },
  });
}
