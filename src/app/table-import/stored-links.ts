import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { StoredLinks } from './person-changes.js';

/**
 * What stored persons are already linked to, read in batches: the cases they are victims in and
 * the detentions (acts) naming them. Acts are read once per case for the whole import.
 */
export class StoredLinksReader {
  private readonly actsOfCase = new Map<string, StoredRecord[]>();

  constructor(private readonly ctx: AppContext) {}

  async of(personIds: string[]): Promise<Map<string, StoredLinks>> {
    const out = new Map<string, StoredLinks>(
      personIds.map((id) => [id, { victimOf: new Set<string>(), detainedAt: new Set<string>() }]),
    );
    if (personIds.length === 0) return out;
    const links = await this.ctx.store.listWhereIn('involvements', 'personId', personIds, { role: 'victim' });
    for (const link of links) out.get(String(link.personId))?.victimOf.add(String(link.caseId));
    const caseIds = [...new Set(links.map((l) => String(l.caseId)))].filter((c) => !this.actsOfCase.has(c));
    for (const c of caseIds) this.actsOfCase.set(c, []);
    for (const act of await this.ctx.store.listWhereIn('acts', 'caseId', caseIds, {
      type: 'arbitrary_detention',
    }))
      this.actsOfCase.get(String(act.caseId))?.push(act);
    for (const [personId, known] of out)
      for (const caseId of known.victimOf)
        for (const act of this.actsOfCase.get(caseId) ?? [])
          if (
            typeof act.placeId === 'string' &&
            ((act.victimIds as string[] | undefined) ?? []).includes(personId)
          )
            known.detainedAt.add(`${caseId} ${act.placeId}`);
    return out;
  }
}
