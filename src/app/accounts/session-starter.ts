import { VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { AppContext } from '../context.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { digestOf, newSecret } from './secrets.js';
import { findUserByName, type User, usernameKey, userOf } from './users.js';

export interface StartedSession {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

let dummyHash: Promise<string> | undefined;

/** Failed sign-ins for the account since its last success, within the lockout window. */
async function recentFailures(ctx: AppContext, key: string, since: string): Promise<number> {
  const rows = await ctx.store.handle.db
    .selectFrom('login_attempts')
    .select(['at', 'ok'])
    .where('username_key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(ctx.settings.lockoutThreshold + 1)
    .execute();
  let failures = 0;
  for (const row of rows) {
    if (Number(row.ok) === 1) break;
    failures++;
  }
  return failures;
}

/**
 * Signs in with a user name and password. After `lockoutThreshold` failures within the window the
 * account is locked for the window, even for the right password. Unknown users, disabled users and
 * wrong passwords get the same answer after the same work, so nothing tells which it was.
 */
export async function startSession({
  ctx,
  username,
  password,
  now = new Date(),
}: {
  ctx: AppContext;
  username: string;
  password: string;
  now?: Date;
}): Promise<StartedSession> {
  const key = usernameKey(username).slice(0, 200);
  const since = new Date(now.getTime() - ctx.settings.lockoutWindowMs).toISOString();
  if ((await recentFailures(ctx, key, since)) >= ctx.settings.lockoutThreshold) {
    throw new VigilError('rate_limited', 'too many failed sign-ins for this account; try again later');
  }
  const row = await findUserByName(ctx.store.handle.db, key);
  dummyHash ??= hashPassword('a password nobody has', ctx.settings.password);
  const matches = await verifyPassword(row?.password_hash ?? (await dummyHash), password);
  const ok = Boolean(row && matches && Number(row.disabled) === 0);
  const at = now.toISOString();
  await ctx.store.handle.db
    .insertInto('login_attempts')
    .values({ id: newId(), username_key: key, at, ok: ok ? 1 : 0 })
    .execute();
  if (!ok || !row) throw new VigilError('unauthenticated', 'wrong user name or password');

  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionTtlMs).toISOString();
  await ctx.store.handle.db
    .insertInto('sessions')
    .values({
      id: digestOf(token),
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: at,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt, user: userOf(row) };
}

/** Ends a session (sign-out). */
export async function endSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.store.handle.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
