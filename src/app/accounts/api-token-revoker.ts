import { notFound } from '../../domain/errors.js';
import type { Actor, AppContext } from '../context.js';
import { type ApiTokenView, apiTokenOf } from './api-tokens.js';

/**
 * Revokes one API token. With `ownerId`, only a token of that user is found: anyone else's
 * answers 404, as a token that does not exist does. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken({
  ctx,
  actor,
  tokenId,
  ownerId,
}: {
  ctx: AppContext;
  actor: Actor;
  tokenId: string;
  ownerId?: string;
}): Promise<ApiTokenView> {
  return ctx.store.write(actor.id, async (writer) => {
    const row = await writer.trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirst();
    if (!row || (ownerId !== undefined && row.user_id !== ownerId)) throw notFound('API token');
    if (row.revoked_at !== null) return apiTokenOf(row);
    await writer.trx
      .updateTable('api_tokens')
      .set({ revoked_at: writer.now })
      .where('id', '=', row.id)
      .execute();
    await writer.note({
      action: 'revoke',
      collection: 'api_tokens',
      recordId: row.id,
      before: undefined,
      after: { userId: row.user_id },
    });
    return apiTokenOf({ ...row, revoked_at: writer.now });
  });
}
