import { invalid, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Actor, AppContext } from '../context.js';
import { digestOf, newSecret } from './secrets.js';

/** The longest expiry a token may be given, in days (ten years). */
export const MAX_TOKEN_DAYS = 3650;

/**
 * Creates an API token for scripts, acting as `userId`: each request takes that user's current
 * role and state, so the token never outlives a demotion or a disabled account. The token is
 * shown once; only the SHA-256 of its secret is stored. With `expiresInDays` it is refused after.
 */
export async function createApiToken({
  ctx,
  actor,
  userId,
  name,
  expiresInDays,
  now = new Date(),
}: {
  ctx: AppContext;
  actor: Actor;
  userId: string;
  name: string;
  expiresInDays?: number;
  now?: Date;
}): Promise<{ id: string; token: string; expiresAt: string | null }> {
  if (
    expiresInDays !== undefined &&
    !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= MAX_TOKEN_DAYS)
  ) {
    const message = `the expiry must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`;
    throw invalid(message, [{ path: '/expiresInDays', message }]);
  }
  const expiresAt =
    expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
  return ctx.store.write(actor.id, async (writer) => {
    const user = await writer.trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound('user');
    const id = newId();
    const secret = newSecret();
    await writer.trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: userId,
        name: name.slice(0, 200),
        secret_hash: digestOf(secret),
        created_at: writer.now,
        revoked_at: null,
        expires_at: expiresAt,
      })
      .execute();
    await writer.note({
      action: 'create',
      collection: 'api_tokens',
      recordId: id,
      before: undefined,
      after: { userId, name, expiresAt },
    });
    return { id, token: `vgt_${id}_${secret}`, expiresAt };
  });
}
