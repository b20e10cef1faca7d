import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type FieldProblem, invalid } from './errors.js';

/**
 * The one JSON-schema validator used for domain records, API bodies and imports, so that every
 * entry point accepts and refuses exactly the same input. Unknown fields are refused, never dropped.
 */
export const ajv = new Ajv({
  allErrors: true,
  strict: false,
  removeAdditional: false,
  useDefaults: false,
  coerceTypes: false,
});
addFormats.default(ajv);

const compiled = new WeakMap<TSchema, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** Turns validator errors into field problems with JSON-pointer paths, one per field. */
export function problemsOf(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const e of errors ?? []) {
    let path = e.instancePath || '/';
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      path = `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path = `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not a known field';
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    }
    if (!seen.has(path)) seen.set(path, { path, message });
  }
  return [...seen.values()];
}

/** Checks a value against a schema; throws an invalid_input error naming each bad field. */
export function assertValid<T>(schema: TSchema, value: unknown, what = 'input'): T {
  const fn = compile(schema);
  if (!fn(value)) {
    const problems = problemsOf(fn.errors);
    const first = problems[0];
    throw invalid(
      `${what} is invalid: ${first ? `${first.path} ${first.message}` : 'does not match its schema'}`,
      problems,
    );
  }
  return value as T;
}
