import type { Kysely } from 'kysely';
import { isRole } from '../../domain/roles.js';
import type { Database } from '../../store/schema.js';
import type { AppContext } from '../context.js';
import type { Principal } from '../policies/principal.js';
import { isExpired } from './api-tokens.js';
import { digestOf, sameSecret } from './secrets.js';

/** The user columns a principal is made of, one row per group membership (group_id null without any). */
interface UserGroupRow {
  user_id: string;
  username: string;
  role: string;
  disabled: number;
  group_id: string | null;
}

/**
 * The credential's row joined with its user and the user's groups: authenticating is one round
 * trip, which on PostgreSQL is most of the cost of a small read.
 */
function withUserAndGroups(db: Kysely<Database>) {
  return {
    session: (id: string) =>
      db
        .selectFrom('sessions as c')
        .innerJoin('users as u', 'u.id', 'c.user_id')
        .leftJoin('group_members as g', 'g.user_id', 'c.user_id')
        .select([
          'c.user_id',
          'c.csrf_token',
          'c.expires_at',
          'u.username',
          'u.role',
          'u.disabled',
          'g.group_id',
        ])
        .where('c.id', '=', id)
        .execute(),
    token: (id: string) =>
      db
        .selectFrom('api_tokens as c')
        .innerJoin('users as u', 'u.id', 'c.user_id')
        .leftJoin('group_members as g', 'g.user_id', 'c.user_id')
        .select([
          'c.user_id',
          'c.secret_hash',
          'c.revoked_at',
          'c.expires_at',
          'u.username',
          'u.role',
          'u.disabled',
          'g.group_id',
        ])
        .where('c.id', '=', id)
        .execute(),
  };
}

/** The principal of the rows of one enabled user, with how it signed in; undefined for a disabled one. */
function principalFromRows(
  rows: UserGroupRow[],
  credential: Pick<Principal, 'actor' | 'via' | 'csrfToken' | 'sessionId'>,
): Principal | undefined {
  const [user] = rows;
  if (Number(user.disabled) === 1) return undefined;
  if (!isRole(user.role)) throw new Error('stored user has an unknown role');
  return {
    userId: user.user_id,
    username: user.username,
    role: user.role,
    groupIds: rows.flatMap((r) => (r.group_id === null ? [] : [r.group_id])),
    ...credential,
  };
}

/**
 * The principal of a session cookie, or undefined when it is unknown, expired or its user disabled
 * or deleted. Read from the database on every request, never cached: several processes share the
 * sessions, and signing out or disabling a user must hold in all of them at once.
 */
export async function authenticateSession(ctx: AppContext, token: string): Promise<Principal | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const db = ctx.store.handle.db;
  const id = digestOf(token);
  const rows = await withUserAndGroups(db).session(id);
  if (rows.length === 0) return undefined;
  if (rows[0].expires_at <= new Date().toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  return principalFromRows(rows, {
    actor: { id: `user:${rows[0].user_id}` },
    via: 'session',
    csrfToken: rows[0].csrf_token,
    sessionId: id,
  });
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
  const rows = await withUserAndGroups(ctx.store.handle.db).token(tokenId);
  if (rows.length === 0) return undefined;
  const token = rows[0];
  if (!sameSecret(token.secret_hash, digestOf(secret))) return undefined;
  if (token.revoked_at !== null || isExpired(token)) return undefined;
  return principalFromRows(rows, { actor: { id: `token:${tokenId}` }, via: 'token' });
}
