import type { StoredRecord } from '../../domain/collections.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Actor, AppContext } from '../context.js';
import { insertValidRecord } from '../records/record-creator.js';
import { patchInTransaction } from '../records/record-updater.js';

export interface SplitPersonProps {
  ctx: AppContext;
  actor: Actor;
  personId: string;
  /** Claims about the person that are really about someone else. */
  claimIds: string[];
  /** That someone else's names (taken off the person when it has them). */
  names: string[];
}

/**
 * Splits a person wrongly taken as one: a new person gets the given names and the given claims
 * move to it, in one audited transaction; nothing is deleted.
 */
export async function splitPerson({ ctx, actor, personId, claimIds, names }: SplitPersonProps) {
  if (names.length === 0)
    throw invalid('give the new person at least one name', [{ path: '/names', message: 'is empty' }]);
  return ctx.store.write(actor.id, async (writer) => {
    const person = await writer.get('persons', personId);
    if (!person) throw notFound('person');
    const claims: StoredRecord[] = [];
    for (const id of claimIds) {
      const claim = await writer.get('claims', id);
      if (claim?.subjectType !== 'person' || claim.subjectId !== personId)
        throw invalid('every claim must be a claim about this person', [
          { path: '/claimIds', message: 'holds another claim' },
        ]);
      claims.push(claim);
    }
    const created = await insertValidRecord(
      writer,
      'persons',
      { names: names.map((value) => ({ value })) },
      'split',
    );
    for (const claim of claims)
      await patchInTransaction(writer, 'claims', claim, { subjectId: created.id }, actor.id, 'split-move');
    const kept = (person.names as Array<{ value: string }>).filter((n) => !names.includes(n.value));
    let original = person;
    if (kept.length > 0 && kept.length !== (person.names as unknown[]).length)
      original = await patchInTransaction(writer, 'persons', person, { names: kept }, actor.id, 'split');
    await writer.note({
      action: 'split',
      collection: 'persons',
      recordId: personId,
      before: undefined,
      after: { newPersonId: created.id, claimIds },
    });
    return { original, created };
  });
}
