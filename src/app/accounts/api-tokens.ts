import type { Kysely, Transaction } from 'kysely';
import type { ApiTokenRow, Database } from '../../store/schema.js';

/** An API token as it is listed: never its secret, which is shown once, at creation. */
export interface ApiTokenView {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Whether the token would be accepted now. */
  active: boolean;
}

/** The listed view of a stored token. */
export function apiTokenOf(row: ApiTokenRow, now = new Date()): ApiTokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    active: row.revoked_at === null && !isExpired(row, now),
  };
}

/** Has the token's expiry passed? Tokens without one never expire. */
export function isExpired(row: Pick<ApiTokenRow, 'expires_at'>, now = new Date()): boolean {
  return row.expires_at !== null && row.expires_at <= now.toISOString();
}

/** Every token of one user, newest first. */
export async function listApiTokens(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const now = new Date();
  return rows.map((row) => apiTokenOf(row, now));
}
