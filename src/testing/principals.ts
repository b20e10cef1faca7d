import type { Role } from '../domain/roles.js';

export type Level = 'public' | 'restricted' | 'confidential';
export const LEVELS: Level[] = ['public', 'restricted', 'confidential'];

/**
 * The expected outcome, written out by hand rather than computed by the policy under test: which
 * case levels each principal sees and edits, and whether it sees records linked to no case.
 */
export interface Expect {
  role: Role;
  sees: Level[];
  edits: Level[];
  unlinked: boolean;
  grant?: { level: Level; access: 'read' | 'edit'; via: 'user' | 'group' };
}

/** Every role, and the roles holding a grant on a confidential case, as the authorization tests probe them. */
export const PRINCIPALS: Record<string, Expect> = {
  admin: { role: 'admin', sees: LEVELS, edits: LEVELS, unlinked: true },
  editor: { role: 'editor', sees: ['public', 'restricted'], edits: ['public', 'restricted'], unlinked: true },
  'editor+edit-grant': {
    role: 'editor',
    sees: LEVELS,
    edits: LEVELS,
    unlinked: true,
    grant: { level: 'confidential', access: 'edit', via: 'user' },
  },
  analyst: { role: 'analyst', sees: ['public', 'restricted'], edits: [], unlinked: true },
  intake_reviewer: { role: 'intake_reviewer', sees: ['public'], edits: [], unlinked: false },
  viewer: { role: 'viewer', sees: ['public'], edits: [], unlinked: false },
  'viewer+group-grant': {
    role: 'viewer',
    sees: ['public', 'confidential'],
    edits: [],
    unlinked: false,
    grant: { level: 'confidential', access: 'read', via: 'group' },
  },
};
