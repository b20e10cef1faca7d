import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type FieldProblem, invalid } from './errors.js';
import { isBirthDate, isCalendarDate, isPartialDate } from './partial-date.js';
import { isWebUrl } from './web-url.js';

/**
 * Vigil's own string formats, with the message a refused value gets. Every validator that sees
 * Vigil's schemas (domain, Fastify's bodies and query strings, the response serializer) knows
 * them, so a date the calendar lacks is refused wherever it comes in.
 */
export const VIGIL_FORMATS = {
  'partial-date': { validate: isPartialDate, message: 'must be a real date: YYYY, YYYY-MM or YYYY-MM-DD' },
  'calendar-date': { validate: isCalendarDate, message: 'must be a real date as YYYY-MM-DD' },
  'birth-date': {
    validate: (value: string) => isBirthDate(value),
    message: 'must be a real birth date (YYYY, YYYY-MM or YYYY-MM-DD), not in the future nor before 1900',
  },
  'web-url': { validate: isWebUrl, message: 'must be an http or https URL' },
} as const;

/** VIGIL_FORMATS as Ajv's `formats` option, for validators built by libraries (the serializer). */
export function vigilAjvFormats(): Record<string, { type: 'string'; validate: (value: string) => boolean }> {
  return Object.fromEntries(
    Object.entries(VIGIL_FORMATS).map(([name, f]) => [name, { type: 'string', validate: f.validate }]),
  );
}

/** Registers VIGIL_FORMATS (and the standard ones) on an Ajv instance. */
export function addVigilFormats(target: Ajv): Ajv {
  addFormats.default(target);
  for (const [name, format] of Object.entries(vigilAjvFormats())) target.addFormat(name, format);
  return target;
}

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
addVigilFormats(ajv);

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
    } else if (e.keyword === 'format') {
      const format = (e.params as { format: string }).format;
      if (format in VIGIL_FORMATS) message = VIGIL_FORMATS[format as keyof typeof VIGIL_FORMATS].message;
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
