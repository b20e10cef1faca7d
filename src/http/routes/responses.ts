import { ErrorBody } from '../errors.js';

/** The error responses a route documents, each with the JSON error shape. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorBody]));

/** Documents a non-JSON response body. */
export function documentOf(description: string, types: string[]) {
  return {
    description,
    content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])),
  };
}
