import type { Role } from '../../domain/roles.js';
import { ROLE_ABILITIES } from './role-abilities.js';

/** Actions that do not concern one record; record actions are decided by AccessScope. */
export const ACTIONS = [
  'records.read',
  'records.write',
  'tables.import',
  'search',
  'export',
  'map.read',
  'audit.read',
  'intake.review',
  'users.manage',
  'grants.manage',
  'tokens.create',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The declarative policy: which role may attempt which action (per-record checks come on top). */
const RULES: Record<Action, (role: Role) => boolean> = {
  'records.read': () => true,
  'records.write': (r) => ROLE_ABILITIES[r].writes,
  'tables.import': (r) => ROLE_ABILITIES[r].writes,
  search: () => true,
  export: () => true,
  'map.read': () => true,
  'audit.read': () => true,
  'intake.review': (r) => ROLE_ABILITIES[r].reviewsIntake,
  'users.manage': (r) => ROLE_ABILITIES[r].administers,
  'grants.manage': (r) => ROLE_ABILITIES[r].administers,
  'tokens.create': () => true,
};

/** May a role attempt this action at all? */
export function can(role: Role, action: Action): boolean {
  return RULES[action](role);
}

/** Every action a role may attempt: sent with the session so the UI shows only those. */
export function permittedActions(role: Role): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}
