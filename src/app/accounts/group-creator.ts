import { invalid, notFound, VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Actor, AppContext } from '../context.js';

/** Creates a group of users, to which cases can be granted together. */
export async function createGroup({ ctx, actor, name }: { ctx: AppContext; actor: Actor; name: string }) {
  if (!/^[\p{L}\p{N} ._-]{2,100}$/u.test(name))
    throw invalid('invalid group name', [{ path: '/name', message: 'invalid' }]);
  return ctx.store.write(actor.id, async (writer) => {
    const exists = await writer.trx
      .selectFrom('groups')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (exists) throw new VigilError('conflict', 'a group with this name exists');
    const row = { id: newId(), name, created_at: writer.now };
    await writer.trx.insertInto('groups').values(row).execute();
    await writer.note({
      action: 'create',
      collection: 'groups',
      recordId: row.id,
      before: undefined,
      after: { name },
    });
    return { id: row.id, name, createdAt: row.created_at };
  });
}

/** Adds a user to a group or removes it. */
export async function setGroupMember({
  ctx,
  actor,
  groupId,
  userId,
  member,
}: {
  ctx: AppContext;
  actor: Actor;
  groupId: string;
  userId: string;
  member: boolean;
}): Promise<void> {
  await ctx.store.write(actor.id, async (writer) => {
    const group = await writer.trx
      .selectFrom('groups')
      .select('id')
      .where('id', '=', groupId)
      .executeTakeFirst();
    const user = await writer.trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!group) throw notFound('group');
    if (!user) throw notFound('user');
    await writer.trx
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .execute();
    if (member)
      await writer.trx.insertInto('group_members').values({ group_id: groupId, user_id: userId }).execute();
    await writer.note({
      action: member ? 'add_member' : 'remove_member',
      collection: 'groups',
      recordId: groupId,
      before: undefined,
      after: { userId },
    });
  });
}
