import type { FastifyRequest } from 'fastify';
import type { Actor } from '../app/context.js';
import { principalOf } from './auth/authenticate.js';

/** The actor of a request, for the audit log: the signed-in user or the API token. */
export function actorOf(request: FastifyRequest): Actor {
  return principalOf(request).actor;
}
