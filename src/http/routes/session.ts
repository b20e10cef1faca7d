import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createApiToken, MAX_TOKEN_DAYS } from '../../app/accounts/api-token-creator.js';
import { revokeApiToken } from '../../app/accounts/api-token-revoker.js';
import { listApiTokens } from '../../app/accounts/api-tokens.js';
import { endSession, startSession } from '../../app/accounts/session-starter.js';
import type { AppContext } from '../../app/context.js';
import { can, permittedActions } from '../../app/policies/policy.js';
import type { Principal } from '../../app/policies/principal.js';
import { actorOf } from '../actor.js';
import { principalOf } from '../auth/authenticate.js';
import { sessionCookie } from '../auth/cookies.js';
import { ErrorBody } from '../errors.js';
import { RateLimiter } from '../rate-limiter.js';
import { ApiTokenInfo, ApiTokenList, SessionInfo } from './session-schemas.js';

function infoOf(p: Principal, csrfToken = p.csrfToken) {
  return {
    user: { id: p.userId, username: p.username, role: p.role },
    ...(csrfToken ? { csrfToken } : {}),
    permittedActions: permittedActions(p.role),
  };
}

/** Sign-in, session info and sign-out (/api/session), and API tokens for scripts (/api/tokens):
 * created, listed and revoked by their owner; an administrator may revoke anyone's. */
export async function sessionRoutes(app: FastifyInstance, ctx: AppContext) {
  // Per client address, on top of the per-account lockout: slows guessing across many accounts.
  const limiter = new RateLimiter(ctx, 'sign-in', 20, 60_000);

  app.post('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign in with a user name and password; sets the session cookie',
      body: Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        },
        { additionalProperties: false },
      ),
      response: { 200: SessionInfo, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      await limiter.hit(request.ip);
      const { username, password } = request.body as { username: string; password: string };
      const session = await startSession({ ctx, username, password });
      reply.header(
        'set-cookie',
        sessionCookie(session.token, {
          secure: request.protocol === 'https',
          maxAgeSeconds: Math.floor(ctx.settings.sessionTtlMs / 1000),
        }),
      );
      const { user } = session;
      return {
        user: { id: user.id, username: user.username, role: user.role },
        csrfToken: session.csrfToken,
        permittedActions: permittedActions(user.role),
      };
    },
  });

  app.get('/api/session', {
    schema: {
      tags: ['session'],
      summary: 'Who is signed in, and what they may do',
      response: { 200: SessionInfo, 401: ErrorBody },
    },
    handler: async (request) => infoOf(principalOf(request)),
  });

  app.delete('/api/session', {
    schema: {
      tags: ['session'],
      summary: 'Sign out',
      response: { 204: Type.Null(), 401: ErrorBody, 403: ErrorBody },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      if (principal.sessionId) await endSession(ctx, principal.sessionId);
      reply.header(
        'set-cookie',
        sessionCookie('', { secure: request.protocol === 'https', maxAgeSeconds: 0 }),
      );
      return reply.status(204).send();
    },
  });

  app.post('/api/tokens', {
    schema: {
      tags: ['session'],
      summary: 'Create an API token acting as yourself (shown once), optionally expiring',
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TOKEN_DAYS })),
        },
        { additionalProperties: false },
      ),
      response: {
        201: Type.Object(
          {
            id: Type.String(),
            token: Type.String(),
            expiresAt: Type.Union([Type.String(), Type.Null()]),
          },
          { title: 'NewApiToken' },
        ),
        400: ErrorBody,
        401: ErrorBody,
        403: ErrorBody,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { name, expiresInDays } = request.body as { name: string; expiresInDays?: number };
      const created = await createApiToken({
        ctx,
        actor: actorOf(request),
        userId: principal.userId,
        name,
        ...(expiresInDays === undefined ? {} : { expiresInDays }),
      });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/tokens', {
    schema: {
      tags: ['session'],
      summary: 'List your API tokens (never their secrets)',
      response: { 200: ApiTokenList, 401: ErrorBody },
    },
    handler: async (request) => ({
      items: await listApiTokens(ctx.store.handle.db, principalOf(request).userId),
    }),
  });

  app.delete('/api/tokens/:id', {
    schema: {
      tags: ['session'],
      summary: 'Revoke an API token: your own, or any as an administrator',
      params: Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 64 }) },
        { additionalProperties: false },
      ),
      response: { 200: ApiTokenInfo, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      return revokeApiToken({
        ctx,
        actor: actorOf(request),
        tokenId: id,
        ...(can(principal.role, 'users.manage') ? {} : { ownerId: principal.userId }),
      });
    },
  });
}
