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
