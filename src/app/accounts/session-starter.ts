import { VigilError } from '../../domain/errors.js';
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

// One per process, harmlessly: the hash of a fixed password that unknown users are checked
// against, so that they cost the same work as known ones.
let dummyHash: Promise<string> | undefined;

/**
 * Counts one sign-in attempt for the account and returns how many it has made in its window,
 * this one included. One statement both reads and moves the counter, so parallel requests (on one
 * server or several over the same database) each get a distinct number and no more than the
 * threshold ever reach the password check. A window older than `lockoutWindowMs` starts again.
 */
async function countAttempt(ctx: AppContext, key: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - ctx.settings.lockoutWindowMs).toISOString();
  const row = await ctx.store.handle.db
    .insertInto('login_counters')
    .values({ username_key: key, attempts: 1, window_start: at })
    .onConflict((oc) =>
      oc.column('username_key').doUpdateSet((eb) => ({
        attempts: eb
          .case()
          .when('login_counters.window_start', '<=', since)
          .then(1)
          .else(eb('login_counters.attempts', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('login_counters.window_start', '<=', since)
          .then(at)
          .else(eb.ref('login_counters.window_start'))
          .end(),
      })),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return Number(row.attempts);
}

/**
 * Signs in with a user name and password. Every attempt is counted first; past `lockoutThreshold`
 * attempts without a success within the window the account is locked until the window ends, even
 * for the right password, and no password is checked. Unknown users, disabled users and wrong
 * passwords get the same answer after the same work, so nothing tells which it was.
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
  if ((await countAttempt(ctx, key, now)) > ctx.settings.lockoutThreshold) {
    throw new VigilError('rate_limited', 'too many failed sign-ins for this account; try again later');
  }
  const row = await findUserByName(ctx.store.handle.db, key);
  dummyHash ??= hashPassword('a password nobody has', ctx.settings.password);
  const matches = await verifyPassword(row?.password_hash ?? (await dummyHash), password);
  const ok = Boolean(row && matches && Number(row.disabled) === 0);
  if (!ok || !row) throw new VigilError('unauthenticated', 'wrong user name or password');
  // A success ends the window: earlier failures no longer count towards a lockout.
  await ctx.store.handle.db.deleteFrom('login_counters').where('username_key', '=', key).execute();
  const at = now.toISOString();

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
