import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { listAllRecords } from '../records/record-lister.js';
import { periodOf } from './site-counter.js';

/**
 * The types of act recorded at each site per period ("placeId\0period" → types), from cases the
 * reader may see: what lets the map show the sites where, say, food was withheld in a month.
 */
export async function siteActTypes(
  ctx: AppContext,
  scope: AccessScope,
  placeIds: string[],
  allPeriods = false,
): Promise<Map<string, string[]>> {
  const acts = [];
  for (const placeId of new Set(placeIds)) acts.push(...(await listAllRecords(ctx, 'acts', { placeId })));
  const access = await scope.caseAccess([...new Set(acts.map((a) => String(a.caseId)))]);
  const out = new Map<string, Set<string>>();
  for (const act of acts) {
    if (!access.get(String(act.caseId))?.visible) continue;
    const key = `${act.placeId}\u0000${allPeriods ? 'all' : periodOf(act)}`;
    out.set(key, (out.get(key) ?? new Set()).add(String(act.type)));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
