import { invalid, notFound } from '../../domain/errors.js';
import { isRole, type Role } from '../../domain/roles.js';
import type { Actor, AppContext } from '../context.js';
import { assertStrongPassword, hashPassword } from './password-hasher.js';
import { findUserByName, type User, userOf } from './users.js';

export interface UpdateUserProps {
  ctx: AppContext;
  actor: Actor;
  username: string;
  /** Disable (true) or enable (false) the account; disabling ends its sessions and tokens. */
  disabled?: boolean;
  role?: Role | string;
  /** A new password; ends the account's sessions and revokes its API tokens. */
  password?: string;
}

/** Changes an account's role, state or password, ending its sessions when access is reduced. */
export async function updateUser({
  ctx,
  actor,
  username,
  disabled,
  role,
  password,
}: UpdateUserProps): Promise<User> {
  if (role !== undefined && !isRole(role))
    throw invalid('unknown role', [{ path: '/role', message: 'unknown role' }]);
  if (password !== undefined) assertStrongPassword(password, username);
  const passwordHash =
    password === undefined ? undefined : await hashPassword(password, ctx.settings.password);
  return ctx.store.write(actor.id, async (writer) => {
    const before = await findUserByName(writer.trx, username);
    if (!before) throw notFound('user');
    const changes = {
      updated_at: writer.now,
      ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }),
      ...(role === undefined ? {} : { role }),
      ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
    };
    await writer.trx.updateTable('users').set(changes).where('id', '=', before.id).execute();
    if (disabled || password !== undefined || role !== undefined) {
      await writer.trx.deleteFrom('sessions').where('user_id', '=', before.id).execute();
    }
    // A reset by an administrator lifts a lockout.
    if (password !== undefined) {
      await writer.trx.deleteFrom('login_counters').where('username_key', '=', before.username).execute();
    }
    // A reset answers a suspected compromise: a token made with the old password goes too.
    if (disabled || password !== undefined) {
      await writer.trx
        .updateTable('api_tokens')
        .set({ revoked_at: writer.now })
        .where('user_id', '=', before.id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await writer.note({
      action: password !== undefined ? 'reset_password' : 'update',
      collection: 'users',
      recordId: before.id,
      before: { role: before.role, disabled: Number(before.disabled) === 1 },
      after: { role: role ?? before.role, disabled: disabled ?? Number(before.disabled) === 1 },
    });
    return userOf({ ...before, ...changes });
  });
}
