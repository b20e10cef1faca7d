import type { StoredRecord } from '../../domain/collections.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Actor, AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { updateValidRecord } from '../records/record-updater.js';

/** Whom an appeal is about: named persons and groups of unnamed people. */
export interface ConcernedChange {
  personIds?: string[];
  groupIds?: string[];
}

export interface ConcernedProps extends ConcernedChange {
  ctx: AppContext;
  actor: Actor;
  id: string;
  /** The version the client last read (optimistic concurrency). */
  version: number;
  /** Added persons and groups must be visible to whoever adds them. */
  scope: AccessScope;
}

/**
 * Adds persons or groups to an existing appeal, or removes them, in one transaction with its
 * audit entry (a stale version is a conflict). Adding one already there or removing one not there
 * changes nothing else; an unknown or hidden record is refused and nothing changes.
 */
export async function editConcerned(props: ConcernedProps, mode: 'add' | 'remove'): Promise<StoredRecord> {
  const personIds = [...new Set(props.personIds ?? [])];
  const groupIds = [...new Set(props.groupIds ?? [])];
  if (personIds.length + groupIds.length === 0)
    throw invalid('name at least one person or group', [{ path: '/personIds', message: 'empty' }]);
  if (mode === 'add') {
    for (const id of personIds) await props.scope.assertVisible('persons', id);
    for (const id of groupIds) await props.scope.assertVisible('person_groups', id);
  }
  return props.ctx.store.write(props.actor.id, async (writer) => {
    const before = await writer.get('interventions', props.id);
    if (!before) throw notFound('intervention');
    const merged = (field: 'personIds' | 'groupIds', given: string[]) => {
      const stored = (before[field] as string[] | undefined) ?? [];
      const next =
        mode === 'add' ? [...new Set([...stored, ...given])] : stored.filter((id) => !given.includes(id));
      return next.length ? next : null;
    };
    return updateValidRecord(
      writer,
      'interventions',
      props.id,
      props.version,
      { personIds: merged('personIds', personIds), groupIds: merged('groupIds', groupIds) },
      mode === 'add' ? 'add-concerned' : 'remove-concerned',
    );
  });
}
