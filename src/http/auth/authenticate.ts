import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken } from '../../app/accounts/authenticator.js';
import { sameSecret } from '../../app/accounts/secrets.js';
import type { AppContext } from '../../app/context.js';
import { AccessScope } from '../../app/policies/access-scope.js';
import type { Principal } from '../../app/policies/principal.js';
import { VigilError } from '../../domain/errors.js';
import { cookieOf, SESSION_COOKIE } from './cookies.js';

/** Who may call a route: everyone ("public") or signed-in principals (the default). */
export type RouteAccess = 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF header a cookie-authenticated unsafe request must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Authenticates every request before its handler: an `Authorization: Bearer` API token, else the
 * session cookie. Routes are closed unless they say `config: { access: 'public' }`; cookie-
 * authenticated unsafe requests must echo the session's CSRF token (Bearer tokens are exempt:
 * a browser never adds them on its own); on a public route a request without it runs unauthenticated.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url) return; // unknown route: 404 follows
    const access = request.routeOptions.config.access ?? 'authenticated';
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer (\S+)$/.exec(authorization)?.[1];
      request.principal = bearer ? ((await authenticateToken(ctx, bearer)) ?? null) : null;
      // A public route stays public whatever a client or proxy adds: it just runs unauthenticated.
      if (!request.principal && access !== 'public')
        throw new VigilError('unauthenticated', 'the API token is not valid');
      return;
    }
    const cookie = cookieOf(request.headers.cookie, SESSION_COOKIE);
    if (cookie) request.principal = (await authenticateSession(ctx, cookie)) ?? null;
    if (!request.principal) {
      if (access === 'public') return;
      throw new VigilError('unauthenticated', 'sign in first');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.principal.csrfToken ?? '';
      if (typeof sent !== 'string' || !expected || !sameSecret(sent, expected)) {
        // A public form (the relatives' report) must work in a browser that also holds a staff
        // session: without the token the request just runs as anyone's, never as the staff's.
        if (access === 'public') {
          request.principal = null;
          return;
        }
        throw new VigilError('forbidden', 'missing or wrong CSRF token');
      }
    }
  });
}

/** The signed-in principal of a request on an authenticated route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new VigilError('unauthenticated', 'sign in first');
  return request.principal;
}

/** What the request's principal may see and change. */
export function scopeOf(ctx: AppContext, request: FastifyRequest): AccessScope {
  return AccessScope.of(ctx, principalOf(request));
}
