import type { Confidentiality, Role } from '../../domain/roles.js';

/** What a role may do, before any per-case grant is considered. */
export interface RoleAbilities {
  /** Confidentiality levels of cases the role sees without a grant. */
  sees: readonly Confidentiality[];
  /** Creates, changes and deletes records (of cases it may edit). */
  writes: boolean;
  /** Sees records linked to no case (a person not yet in any case). */
  readsUnlinked: boolean;
  /** Sees contact details and the text of sensitive sources. */
  readsSensitive: boolean;
  /** Lists, reads and handles intake submissions. */
  reviewsIntake: boolean;
  /** Manages users, groups and grants; sees the whole audit log; takes backups. */
  administers: boolean;
}

/**
 * The roles' abilities, as one declarative table. Confidential cases are seen by admins and by
 * whoever holds a grant; restricted ones by staff who work across cases; public ones by everyone.
 */
export const ROLE_ABILITIES: Record<Role, RoleAbilities> = {
  admin: {
    sees: ['public', 'restricted', 'confidential'],
    writes: true,
    readsUnlinked: true,
    readsSensitive: true,
    reviewsIntake: true,
    administers: true,
  },
  editor: {
    sees: ['public', 'restricted'],
    writes: true,
    readsUnlinked: true,
    readsSensitive: true,
    reviewsIntake: true,
    administers: false,
  },
  analyst: {
    sees: ['public', 'restricted'],
    writes: false,
    readsUnlinked: true,
    readsSensitive: false,
    reviewsIntake: false,
    administers: false,
  },
  intake_reviewer: {
    sees: ['public'],
    writes: false,
    readsUnlinked: false,
    readsSensitive: false,
    reviewsIntake: true,
    administers: false,
  },
  viewer: {
    sees: ['public'],
    writes: false,
    readsUnlinked: false,
    readsSensitive: false,
    reviewsIntake: false,
    administers: false,
  },
};
