import { notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Actor, AppContext } from '../context.js';
import { digestOf, newSecret } from './secrets.js';

/**
 * Creates an API token for scripts, acting as `userId` with that user's role. The token is shown
 * once; only the SHA-256 of its secret is stored.
 */
export async function createApiToken({
  ctx,
  actor,
  userId,
  name,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: string;
  name: string;
}): Promise<{ id: string; token: string }> {
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
      })
      .execute();
    await writer.note({
      action: 'create',
      collection: 'api_tokens',
      recordId: id,
      before: undefined,
      after: { userId, name },
    });
    return { id, token: `vgt_${id}_${secret}` };
  });
}
