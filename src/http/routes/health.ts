import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';

/** GET /api/health: the server is up and its database answers. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['meta'],
      summary: 'Liveness and database check',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), engine: Type.String() }, { title: 'Health' }),
      },
    },
    handler: async () => {
      await sql`SELECT 1`.execute(ctx.store.handle.db);
      return { status: 'ok' as const, engine: ctx.store.engine };
    },
  });
}
