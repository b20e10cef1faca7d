import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { convertIntake } from '../../app/intake/intake-converter.js';
import { listIntake, readIntake, setIntakeStatus } from '../../app/intake/intake-reviewer.js';
import { submitIntake } from '../../app/intake/intake-submitter.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import { INTAKE_STATUSES } from '../../domain/record-vocabularies.js';
import { IntakeSubmission, IntakeSubmissionFields } from '../../domain/schemas/intake.js';
import { actorOf } from '../actor.js';
import { principalOf, scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { RateLimiter } from '../rate-limiter.js';

/** The public form's body limit: generous for a long account, small for abuse. */
export const INTAKE_BODY_LIMIT = 64 * 1024;
const Id = Type.String({ minLength: 1, maxLength: 64 });

function assertReviewer(request: FastifyRequest) {
  if (!can(principalOf(request).role, 'intake.review')) throw forbidden();
}

/** The public intake form (POST /api/intake) and the reviewers' queue. */
export async function intakeRoutes(app: FastifyInstance, ctx: AppContext) {
  const limiter = new RateLimiter(ctx, 'intake', 10, 10 * 60_000);

  app.post('/api/intake', {
    config: { access: 'public' },
    bodyLimit: INTAKE_BODY_LIMIT,
    schema: {
      tags: ['intake'],
      summary: 'Report a detained person (no account needed); nothing sent is echoed back',
      body: IntakeSubmissionFields,
      response: {
        202: Type.Object({ id: Type.String(), receivedAt: Type.String() }, { title: 'IntakeReceipt' }),
        400: ErrorBody,
        413: ErrorBody,
        429: ErrorBody,
      },
    },
    // Counted before the body is read, so that refused floods cost little.
    onRequest: async (request) => limiter.hit(request.ip),
    handler: async (request, reply) => {
      const { id, receivedAt } = await submitIntake({ ctx, input: request.body });
      return reply.status(202).send({ id, receivedAt });
    },
  });

  app.get('/api/intake', {
    schema: {
      tags: ['intake'],
      summary: 'List intake submissions (reviewers)',
      querystring: Type.Object(
        {
          status: Type.Optional(Type.String({ enum: [...INTAKE_STATUSES] })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Type.Optional(Id),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          items: Type.Array(IntakeSubmission),
          nextCursor: Type.Union([Type.String(), Type.Null()]),
        }),
        400: ErrorBody,
        401: ErrorBody,
        403: ErrorBody,
      },
    },
    handler: async (request) => {
      assertReviewer(request);
      const q = request.query as { status?: string; limit: number; cursor?: string };
      return listIntake(ctx, { status: q.status, limit: q.limit, after: q.cursor });
    },
  });

  app.get('/api/intake/:id', {
    schema: {
      tags: ['intake'],
      summary: 'Read one intake submission (reviewers)',
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      response: { 200: IntakeSubmission, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => {
      assertReviewer(request);
      return readIntake(ctx, (request.params as { id: string }).id);
    },
  });

  app.patch('/api/intake/:id', {
    schema: {
      tags: ['intake'],
      summary: 'Mark an intake submission handled or rejected (reviewers)',
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      body: Type.Object(
        { status: Type.String({ enum: [...INTAKE_STATUSES] }), version: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
      response: {
        200: IntakeSubmission,
        400: ErrorBody,
        401: ErrorBody,
        403: ErrorBody,
        404: ErrorBody,
        409: ErrorBody,
      },
    },
    handler: async (request) => {
      assertReviewer(request);
      const { status, version } = request.body as { status: string; version: number };
      return setIntakeStatus({
        ctx,
        actor: actorOf(request),
        id: (request.params as { id: string }).id,
        status,
        version,
      });
    },
  });

  app.post('/api/intake/:id/draft', {
    schema: {
      tags: ['intake'],
      summary:
        'Turn a submission into a draft, of a new case or attached to an existing one (reviewers who write)',
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      body: Type.Object(
        {
          version: Type.Integer({ minimum: 1 }),
          caseId: Type.Optional(
            Type.String({ minLength: 1, maxLength: 64, description: 'attach to this case' }),
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        201: Type.Object(
          {
            submission: IntakeSubmission,
            sourceId: Type.String(),
            draftId: Type.String(),
            reporterId: Type.String({ description: 'the reporting relative, contacts encrypted' }),
          },
          { title: 'ConvertedIntake' },
        ),
        400: ErrorBody,
        401: ErrorBody,
        403: ErrorBody,
        404: ErrorBody,
        409: ErrorBody,
      },
    },
    handler: async (request, reply) => {
      assertReviewer(request);
      if (!can(principalOf(request).role, 'records.write')) throw forbidden();
      const { version, caseId } = request.body as { version: number; caseId?: string };
      const result = await convertIntake({
        ctx,
        actor: actorOf(request),
        id: (request.params as { id: string }).id,
        version,
        ...(caseId ? { caseId } : {}),
        scope: scopeOf(ctx, request),
      });
      return reply.code(201).send(result);
    },
  });
}
