import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../domain/roles.js';
import type { Database, UserRow } from '../../store/schema.js';

/** A user as use cases and presenters see it: never the password hash. */
export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The public view of a stored user row. */
export function userOf(row: UserRow): User {
  if (!isRole(row.role)) throw new Error('stored user has an unknown role');
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** User names are compared case-insensitively. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

/** A stored user by name, if any. */
export function findUserByName(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', usernameKey(username)).executeTakeFirst();
}
