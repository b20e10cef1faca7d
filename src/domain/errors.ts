/**
 * The closed set of failures Vigil reports to people and programs. Each kind has a stable
 * machine code, an HTTP status and a CLI exit code; messages must never contain personal data.
 */
export const ERROR_KINDS = {
  invalid_input: { status: 400, exit: 2 },
  unauthenticated: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 1 },
  conflict: { status: 409, exit: 1 },
  too_large: { status: 413, exit: 2 },
  unsupported_media_type: { status: 415, exit: 2 },
  rate_limited: { status: 429, exit: 1 },
  internal: { status: 500, exit: 1 },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

/** One problem with one field of an input, addressed by a JSON pointer-like path ("/names/0/value"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An expected failure with a safe, user-facing message. */
export class VigilError extends Error {
  readonly kind: ErrorKind;
  readonly details: unknown;

  constructor(kind: ErrorKind, message: string, details?: unknown) {
    super(message);
    this.name = 'VigilError';
    this.kind = kind;
    this.details = details;
  }

  get status(): number {
    return ERROR_KINDS[this.kind].status;
  }
}

/** Shorthand for the most common failure: input that does not fit its schema or rules. */
export function invalid(message: string, problems: FieldProblem[] = []): VigilError {
  return new VigilError('invalid_input', message, problems.length ? { problems } : undefined);
}

export function notFound(what: string): VigilError {
  return new VigilError('not_found', `${what} not found`);
}
