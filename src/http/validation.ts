import { Ajv } from 'ajv';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { addVigilFormats, ajv as bodyAjv } from '../domain/validate.js';

// Query strings and path parameters arrive as text, so they are coerced ("20" → 20); bodies use
// the domain's strict validator: a wrong type is an error, never silently converted.
const coercingAjv = new Ajv({
  allErrors: true,
  strict: false,
  coerceTypes: 'array',
  useDefaults: true,
  removeAdditional: false,
});
addVigilFormats(coercingAjv);

/** Fastify's validator: strict for bodies, coercing for query strings and parameters. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const compiled = (httpPart === 'body' ? bodyAjv : coercingAjv).compile(schema as object);
  return compiled as ReturnType<FastifySchemaCompiler<FastifySchema>>;
};
