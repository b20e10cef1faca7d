import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../../domain/roles.js';
import { oneOf } from '../../domain/schemas/common.js';

/** Who is signed in and what the UI may offer them (GET and POST /api/session). */
export const SessionInfo = Type.Object(
  {
    user: Type.Object({
      id: Type.String(),
      username: Type.String(),
      role: oneOf(ROLES),
    }),
    csrfToken: Type.Optional(
      Type.String({ description: `send it as X-CSRF-Token with every POST, PATCH, PUT and DELETE` }),
    ),
    permittedActions: Type.Array(Type.String(), { description: 'what the UI may offer this user' }),
  },
  { title: 'Session' },
);
export type SessionInfo = Static<typeof SessionInfo>;

/** An API token as listed: its secret never appears after creation. */
export const ApiTokenInfo = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    name: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean({ description: 'whether the token is accepted now' }),
  },
  { title: 'ApiToken' },
);

/** A list of API tokens (GET /api/tokens, GET /api/users/:id/tokens). */
export const ApiTokenList = Type.Object({ items: Type.Array(ApiTokenInfo) }, { title: 'ApiTokenList' });
