import type { RecordWriter } from '../../store/record-store.js';
import { patchInTransaction } from '../records/record-updater.js';
import { corroborationOf } from './corroboration-counter.js';

/** The actor (and so the statusSetBy) of a status Vigil set by counting sources. */
export const CORROBORATION_ACTOR = 'system:corroboration';
/** Independent sources from which an alleged act counts as corroborated. */
export const CORROBORATED_AT = 2;

/**
 * Moves acts between alleged and corroborated by their count of independent sources, inside
 * the caller's transaction. A status a person set is never touched.
 */
export async function updateActStatuses(writer: RecordWriter, actIds: string[]): Promise<void> {
  const counts = await corroborationOf(writer.trx, 'act', actIds);
  for (const id of actIds) {
    const act = await writer.get('acts', id);
    if (!act) continue;
    const setBy = typeof act.statusSetBy === 'string' ? act.statusSetBy : undefined;
    if (setBy && setBy !== CORROBORATION_ACTOR) continue;
    const independent = counts.get(id)?.independentSources ?? 0;
    let status: string | undefined;
    if (act.status === 'alleged' && independent >= CORROBORATED_AT) status = 'corroborated';
    if (act.status === 'corroborated' && setBy === CORROBORATION_ACTOR && independent < CORROBORATED_AT)
      status = 'alleged';
    if (status) await patchInTransaction(writer, 'acts', act, { status }, CORROBORATION_ACTOR, 'corroborate');
  }
}
