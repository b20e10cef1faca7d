import type { AppContext } from '../context.js';
import type { Principal } from '../policies/principal.js';
import { isExpired } from './api-tokens.js';
import { digestOf, sameSecret } from './secrets.js';
import { userOf } from './users.js';

async function groupIdsOf(ctx: AppContext, userId: string): Promise<string[]> {
  const rows = await ctx.store.handle.db
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.group_id);
}

/** The principal of a session cookie, or undefined when it is unknown, expired or its user disabled. */
export async function authenticateSession(ctx: AppContext, token: string): Promise<Principal | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const db = ctx.store.handle.db;
  const id = digestOf(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return undefined;
  if (session.expires_at <= new Date().toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  return principalOfUser(ctx, session.user_id, (userId) => ({
    actor: { id: `user:${userId}` },
    via: 'session',
    csrfToken: session.csrf_token,
    sessionId: id,
  }));
}

/** API tokens look like "vgt_<token id>_<secret>". */
const TOKEN_PATTERN = /^vgt_([0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{20,100})$/;

/**
 * The principal of an `Authorization: Bearer` API token, or undefined for an unknown, revoked or
 * expired one. The role and groups are read from the user on every request, never stored with the
 * token, so a role change takes effect at once and a disabled or deleted user's tokens stop.
 */
export async function authenticateToken(ctx: AppContext, bearer: string): Promise<Principal | undefined> {
  const match = TOKEN_PATTERN.exec(bearer);
  if (!match) return undefined;
  const [, tokenId, secret] = match;
  const db = ctx.store.handle.db;
  const token = await db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
  if (!token || !sameSecret(token.secret_hash, digestOf(secret))) return undefined;
  if (token.revoked_at !== null || isExpired(token)) return undefined;
  return principalOfUser(ctx, token.user_id, () => ({ actor: { id: `token:${token.id}` }, via: 'token' }));
}

/** The principal of an enabled user, with how it signed in; undefined for a missing or disabled user. */
async function principalOfUser(
  ctx: AppContext,
  userId: string,
  credential: (userId: string) => Pick<Principal, 'actor' | 'via' | 'csrfToken' | 'sessionId'>,
): Promise<Principal | undefined> {
  const row = await ctx.store.handle.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || Number(row.disabled) === 1) return undefined;
  const user = userOf(row);
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    groupIds: await groupIdsOf(ctx, user.id),
    ...credential(user.id),
  };
}
