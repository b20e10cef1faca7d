import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers on every response: a strict Content-Security-Policy (own origin only, no inline
 * scripts, no framing), no MIME sniffing, no referrer, and HSTS when the request came over HTTPS.
 * `imageOrigins` widens img-src for a configured map tile server, and only then.
 */
export function securityHeaders(imageOrigins: string[] = []): SecurityHeaders {
  const images = ["'self'", 'data:', ...imageOrigins].join(' ');
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; img-src ${images}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  return (request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
  };
}

/** Sets the security headers on one response. */
export type SecurityHeaders = (request: FastifyRequest, reply: FastifyReply) => void;

/** Sets them on every response that goes through Fastify's hooks (framework errors do not). */
export function installSecurityHeaders(app: FastifyInstance, apply: SecurityHeaders) {
  app.addHook('onSend', async (request, reply, payload) => {
    apply(request, reply);
    return payload;
  });
}
