import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { VigilError } from '../domain/errors.js';
import { problemsOf } from '../domain/validate.js';

/** The one error body every route returns: `{ error: { code, message, details } }`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { title: 'Error' },
);

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply
    .status(status)
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** Framework errors we expect, mapped to our codes; everything else is a 500. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'too_large',
    message: 'the request body is larger than allowed',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'send application/json (or multipart/form-data where a file is expected)',
  },
  // The message would echo the address, which must never carry personal data back into logs.
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_input', message: 'the address is not valid' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'too_large', message: 'the file is larger than allowed' },
  FST_FILES_LIMIT: { status: 413, code: 'too_large', message: 'send one file per request' },
  FST_PARTS_LIMIT: { status: 413, code: 'too_large', message: 'the form has too many parts' },
  FST_FIELDS_LIMIT: { status: 413, code: 'too_large', message: 'the form has too many fields' },
  FST_PROTO_VIOLATION: { status: 400, code: 'invalid_input', message: 'invalid form field name' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_input', message: 'the request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_input',
    message: 'invalid content length',
  },
};

/**
 * Renders every failure in the error shape. Messages are fixed texts or VigilError messages,
 * which never carry personal data; for 500s only the error's class and code are logged.
 */
export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof VigilError) return send(reply, err.status, err.kind, err.message, err.details);
  if (err.validation) {
    const part = err.validationContext === 'body' ? '' : `/${err.validationContext ?? 'request'}`;
    const problems = problemsOf(err.validation as Parameters<typeof problemsOf>[0]).map((p) => ({
      path: `${part}${p.path === '/' ? '' : p.path}` || '/',
      message: p.message,
    }));
    const first = problems[0];
    return send(
      reply,
      400,
      'invalid_input',
      `invalid ${err.validationContext ?? 'request'}: ${first?.path} ${first?.message}`,
      {
        problems,
      },
    );
  }
  const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
  if (known) return send(reply, known.status, known.code, known.message);
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return send(reply, 400, 'invalid_input', 'the request body is not valid JSON');
  }
  if (err.statusCode === 429) return send(reply, 429, 'rate_limited', 'too many requests; try again later');
  request.log.error({ errName: err.name, errCode: err.code, stack: err.stack }, 'request failed');
  return send(reply, 500, 'internal', 'an internal error occurred');
}

/** Unknown routes get the same shape with 404. */
export function handleNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', 'no such route');
}
