import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/accounts/api-token-creator.js';
import { createUser } from '../app/accounts/user-creator.js';
import type { User } from '../app/accounts/users.js';
import type { AppContext } from '../app/context.js';
import type { Role } from '../domain/roles.js';

export interface TestAccount {
  user: User;
  password: string;
  /** An API token for `Authorization: Bearer`. */
  token: string;
}

/** Creates a user with a strong random password and an API token, through the app's commands. */
export async function seedAccount(
  ctx: AppContext,
  role: Role = 'admin',
  username?: string,
): Promise<TestAccount> {
  const password = `Pw-${randomBytes(12).toString('base64url')}`;
  const name = username ?? `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}`;
  const user = await createUser({ ctx, actor: { id: 'test:seed' }, username: name, role, password });
  const { token } = await createApiToken({ ctx, actor: { id: 'test:seed' }, userId: user.id, name: 'test' });
  return { user, password, token };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A JSON caller of an in-process server that authenticates with a Bearer token (or none). */
export function apiCaller(server: FastifyInstance, token?: string) {
  return async (method: Method, url: string, payload?: unknown) => {
    const response = await server.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    let body: Record<string, unknown> = {};
    try {
      body = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
    } catch {
      body = { text: response.body };
    }
    return { status: response.statusCode, body, headers: response.headers };
  };
}

/** Signs in through POST /api/session and returns the cookie and CSRF token. */
export async function signIn(server: FastifyInstance, username: string, password: string) {
  const response = await server.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  });
  const setCookie = String(response.headers['set-cookie'] ?? '');
  const cookie = setCookie.split(';')[0];
  const body = JSON.parse(response.body) as { csrfToken?: string };
  return { status: response.statusCode, cookie, csrfToken: body.csrfToken ?? '', setCookie };
}
