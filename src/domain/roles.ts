import type { CONFIDENTIALITY_LEVELS } from './record-vocabularies.js';

/** Account roles, from most to least powerful. */
export const ROLES = ['admin', 'editor', 'analyst', 'intake_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/** Is this text one of the roles? */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
