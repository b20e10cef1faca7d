import type { StoredRecord } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import type { Actor, AppContext } from '../context.js';
import { insertValidRecord } from '../records/record-creator.js';

export interface InvolveProps {
  ctx: AppContext;
  actor: Actor;
  caseId: string;
  /** The involvement's fields (role, note, and personId or organizationId unless `newPerson`). */
  input: Record<string, unknown>;
  /** A person to create and link in the same step, for someone not yet recorded. */
  newPerson?: Record<string, unknown>;
}

/**
 * Links a person or an organization to a case with a role; with `newPerson`, creates the person
 * first, in the same transaction, so a failed link never leaves a stray person behind.
 */
export async function involveInCase(props: InvolveProps): Promise<StoredRecord> {
  const { ctx, actor, caseId, input, newPerson } = props;
  if (newPerson && (input.personId !== undefined || input.organizationId !== undefined)) {
    throw invalid('give a new person or the id of one already recorded, not both', [
      { path: '/person', message: 'leave out personId and organizationId' },
    ]);
  }
  return ctx.store.write(actor.id, async (writer) => {
    const person = newPerson ? await insertValidRecord(writer, 'persons', newPerson) : undefined;
    return insertValidRecord(writer, 'involvements', {
      ...input,
      caseId,
      ...(person ? { personId: person.id } : {}),
    });
  });
}
