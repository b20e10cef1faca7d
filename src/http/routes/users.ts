import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listApiTokens } from '../../app/accounts/api-tokens.js';
import { GRANT_ACCESS, setCaseGrant } from '../../app/accounts/case-granter.js';
import { createGroup, setGroupMember } from '../../app/accounts/group-creator.js';
import { createUser } from '../../app/accounts/user-creator.js';
import { updateUser } from '../../app/accounts/user-updater.js';
import { userOf } from '../../app/accounts/users.js';
import type { AppContext } from '../../app/context.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import { notFound } from '../../domain/errors.js';
import { ROLES } from '../../domain/roles.js';
import { actorOf } from '../actor.js';
import { principalOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { ApiTokenList } from './session-schemas.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const UserView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    role: Type.String({ enum: [...ROLES] }),
    disabled: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'User' },
);
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

function assertAdmin(request: FastifyRequest) {
  if (!can(principalOf(request).role, 'users.manage')) throw forbidden();
}

/**
 * Administration: users (/api/users) and their API tokens, groups (/api/groups) and case grants
 * (/api/cases/:id/grants).
 */
export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['administration'];
  app.get('/api/users', {
    schema: {
      tags,
      summary: 'List users',
      response: { 200: Type.Object({ items: Type.Array(UserView) }), ...errors },
    },
    handler: async (request) => {
      assertAdmin(request);
      const rows = await ctx.store.handle.db.selectFrom('users').selectAll().orderBy('username').execute();
      return { items: rows.map(userOf) };
    },
  });

  app.post('/api/users', {
    schema: {
      tags,
      summary: 'Create a user',
      body: Type.Object(
        {
          username: Type.String({ maxLength: 64 }),
          role: Type.String({ enum: [...ROLES] }),
          password: Type.String({ maxLength: 1024 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: UserView, ...errors },
    },
    handler: async (request, reply) => {
      assertAdmin(request);
      const body = request.body as { username: string; role: string; password: string };
      return reply.status(201).send(await createUser({ ctx, actor: actorOf(request), ...body }));
    },
  });

  app.patch('/api/users/:id', {
    schema: {
      tags,
      summary: 'Change a user: role, disabled, password',
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      body: Type.Object(
        {
          role: Type.Optional(Type.String({ enum: [...ROLES] })),
          disabled: Type.Optional(Type.Boolean()),
          password: Type.Optional(Type.String({ maxLength: 1024 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: UserView, ...errors },
    },
    handler: async (request) => {
      assertAdmin(request);
      const { id } = request.params as { id: string };
      const row = await ctx.store.handle.db
        .selectFrom('users')
        .select('username')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('user');
      return updateUser({
        ctx,
        actor: actorOf(request),
        username: row.username,
        ...(request.body as object),
      });
    },
  });

  app.get('/api/users/:id/tokens', {
    schema: {
      tags,
      summary: "List a user's API tokens (never their secrets)",
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      response: { 200: ApiTokenList, ...errors },
    },
    handler: async (request) => {
      assertAdmin(request);
      const { id } = request.params as { id: string };
      const user = await ctx.store.handle.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!user) throw notFound('user');
      return { items: await listApiTokens(ctx.store.handle.db, user.id) };
    },
  });

  app.post('/api/groups', {
    schema: {
      tags,
      summary: 'Create a group',
      body: Type.Object({ name: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
      response: {
        201: Type.Object(
          { id: Type.String(), name: Type.String(), createdAt: Type.String() },
          { title: 'Group' },
        ),
        ...errors,
      },
    },
    handler: async (request, reply) => {
      assertAdmin(request);
      const { name } = request.body as { name: string };
      return reply.status(201).send(await createGroup({ ctx, actor: actorOf(request), name }));
    },
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/groups/:id/members/:userId',
      schema: {
        tags,
        summary: method === 'PUT' ? 'Add a user to a group' : 'Remove a user from a group',
        params: Type.Object({ id: Id, userId: Id }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors },
      },
      handler: async (request, reply) => {
        assertAdmin(request);
        const { id, userId } = request.params as { id: string; userId: string };
        await setGroupMember({ ctx, actor: actorOf(request), groupId: id, userId, member: method === 'PUT' });
        return reply.status(204).send();
      },
    });
  }

  app.put('/api/cases/:id/grants', {
    schema: {
      tags,
      summary: 'Grant a user or group access to a case (access null takes it away)',
      params: Type.Object({ id: Id }, { additionalProperties: false }),
      body: Type.Object(
        {
          subjectKind: Type.String({ enum: ['user', 'group'] }),
          subjectId: Id,
          access: Type.Union([Type.String({ enum: [...GRANT_ACCESS] }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      response: { 204: Type.Null(), ...errors },
    },
    handler: async (request, reply) => {
      if (!can(principalOf(request).role, 'grants.manage')) throw forbidden();
      const { id } = request.params as { id: string };
      const body = request.body as {
        subjectKind: 'user' | 'group';
        subjectId: string;
        access: 'read' | 'edit' | null;
      };
      await setCaseGrant({
        ctx,
        actor: actorOf(request),
        caseId: id,
        subject: { kind: body.subjectKind, id: body.subjectId },
        access: body.access,
      });
      return reply.status(204).send();
    },
  });
}
