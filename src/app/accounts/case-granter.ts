import { invalid, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Actor, AppContext } from '../context.js';

export const GRANT_ACCESS = ['read', 'edit'] as const;
export type GrantAccess = (typeof GRANT_ACCESS)[number];

export interface GrantProps {
  ctx: AppContext;
  actor: Actor;
  caseId: string;
  subject: { kind: 'user' | 'group'; id: string };
  /** The access to give, or null to take the grant away. */
  access: GrantAccess | null;
}

/**
 * Opens one case to a user or a group (read, or read and edit for roles that write), or closes
 * it again. Records linked to the case follow it (see AccessScope).
 */
export async function setCaseGrant({ ctx, actor, caseId, subject, access }: GrantProps): Promise<void> {
  if (access !== null && !GRANT_ACCESS.includes(access)) throw invalid('access must be read or edit');
  await ctx.store.write(actor.id, async (writer) => {
    if (!(await writer.get('cases', caseId))) throw notFound('case');
    const table = subject.kind === 'user' ? 'users' : 'groups';
    const found = await writer.trx
      .selectFrom(table)
      .select('id')
      .where('id', '=', subject.id)
      .executeTakeFirst();
    if (!found) throw notFound(subject.kind);
    await writer.trx
      .deleteFrom('grants')
      .where('case_id', '=', caseId)
      .where('subject_kind', '=', subject.kind)
      .where('subject_id', '=', subject.id)
      .execute();
    if (access) {
      await writer.trx
        .insertInto('grants')
        .values({
          id: newId(),
          case_id: caseId,
          subject_kind: subject.kind,
          subject_id: subject.id,
          access,
          created_at: writer.now,
        })
        .execute();
    }
    await writer.note({
      action: access ? 'grant' : 'revoke',
      collection: 'grants',
      recordId: caseId,
      before: undefined,
      after: { subject, access },
    });
  });
}
