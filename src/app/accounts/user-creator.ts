import { invalid, VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { isRole, ROLES, type Role } from '../../domain/roles.js';
import type { Actor, AppContext } from '../context.js';
import { assertStrongPassword, hashPassword } from './password-hasher.js';
import { findUserByName, type User, usernameKey, userOf } from './users.js';

export interface CreateUserProps {
  ctx: AppContext;
  actor: Actor;
  username: string;
  role: Role | string;
  password: string;
}

/** Creates an account with an argon2id-hashed password; the audit entry never holds the hash. */
export async function createUser({ ctx, actor, username, role, password }: CreateUserProps): Promise<User> {
  const name = usernameKey(username);
  if (!/^[a-z0-9._@-]{2,64}$/.test(name)) {
    throw invalid('the user name must be 2–64 letters, digits or . _ @ -', [
      { path: '/username', message: 'invalid' },
    ]);
  }
  if (!isRole(role))
    throw invalid(`role must be one of: ${ROLES.join(', ')}`, [{ path: '/role', message: 'unknown role' }]);
  assertStrongPassword(password, name);
  const passwordHash = await hashPassword(password, ctx.settings.password);
  return ctx.store.write(actor.id, async (writer) => {
    if (await findUserByName(writer.trx, name))
      throw new VigilError('conflict', 'a user with this name exists');
    const row = {
      id: newId(),
      username: name,
      role,
      password_hash: passwordHash,
      disabled: 0,
      created_at: writer.now,
      updated_at: writer.now,
    };
    await writer.trx.insertInto('users').values(row).execute();
    await writer.note({
      action: 'create',
      collection: 'users',
      recordId: row.id,
      before: undefined,
      after: { username: name, role },
    });
    return userOf(row);
  });
}
