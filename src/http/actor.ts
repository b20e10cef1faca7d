import type { FastifyRequest } from 'fastify';
import type { Actor } from '../app/context.js';

/**
 * The actor of a request, for the audit log. Until accounts exist every request acts as
 * "api:anonymous", which is why the server listens on 127.0.0.1 by default.
 */
export function actorOf(_request: FastifyRequest): Actor {
  return { id: 'api:anonymous' };
}
