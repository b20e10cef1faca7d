import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

/** Acts that mean a person was held at the act's place. */
export const DETENTION_ACTS = ['arbitrary_detention', 'incommunicado_detention'] as const;

export interface SiteCount {
  placeId: string;
  name: string;
  kind: string;
  region?: string;
  country?: string;
  lat?: number;
  lon?: number;
  /** Month ("2022-10"), year, or "unknown" when the act has no date. */
  period: string;
  /** Distinct persons held there in the period; null when suppressed as too small to publish. */
  persons: number | null;
  suppressed: boolean;
  /** The cases the count comes from (only for internal readers). */
  caseIds?: string[];
}

export interface SiteCountOptions {
  /** Which cases count: only public ones, or those a scope may see. */
  cases: { publicOnly: true } | { scope: AccessScope };
  /** Counts below this are replaced by null (0 keeps everything). */
  minCount: number;
  /** One count per site over all periods (period "all"): distinct persons, not a sum of months. */
  allPeriods?: boolean;
  /** Which detention acts count beyond their case (an export's filters); all when absent. */
  acts?: (acts: StoredRecord[]) => Promise<StoredRecord[]>;
}

async function allActs(ctx: AppContext): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (const type of DETENTION_ACTS) {
    let after: string | undefined;
    for (;;) {
      const page = await ctx.store.list('acts', { filters: { type }, limit: 1000, after });
      out.push(...page);
      if (page.length < 1000) break;
      after = page[page.length - 1].id;
    }
  }
  return out;
}

/** The period an act counts in: its month (or year), or 'unknown' when undated. */
export function periodOf(act: StoredRecord): string {
  const date = typeof act.dateFrom === 'string' ? act.dateFrom : undefined;
  return date ? date.slice(0, 7) : 'unknown';
}

/**
 * Persons held per detention site and period, from detention acts of the cases that count.
 * Small counts are suppressed: a site with two named detainees identifies them.
 */
export async function countSites(ctx: AppContext, options: SiteCountOptions): Promise<SiteCount[]> {
  const placed = (await allActs(ctx)).filter(
    (a) => typeof a.placeId === 'string' && typeof a.caseId === 'string',
  );
  const acts = options.acts ? await options.acts(placed) : placed;
  const caseIds = [...new Set(acts.map((a) => String(a.caseId)))];
  let counted: Set<string>;
  if ('publicOnly' in options.cases) {
    const cases = await ctx.store.getMany('cases', caseIds);
    counted = new Set(cases.filter((c) => c.confidentiality === 'public').map((c) => c.id));
  } else {
    const access = await options.cases.scope.caseAccess(caseIds);
    counted = new Set(caseIds.filter((id) => access.get(id)?.visible));
  }
  const groups = new Map<
    string,
    { placeId: string; period: string; persons: Set<string>; cases: Set<string> }
  >();
  for (const act of acts) {
    if (!counted.has(String(act.caseId))) continue;
    const period = options.allPeriods ? 'all' : periodOf(act);
    const key = `${act.placeId}\u0000${period}`;
    const group = groups.get(key) ?? {
      placeId: String(act.placeId),
      period,
      persons: new Set(),
      cases: new Set(),
    };
    for (const victim of Array.isArray(act.victimIds) ? act.victimIds : []) group.persons.add(String(victim));
    group.cases.add(String(act.caseId));
    groups.set(key, group);
  }
  const places = new Map(
    (await ctx.store.getMany('places', [...new Set([...groups.values()].map((g) => g.placeId))])).map((p) => [
      p.id,
      p,
    ]),
  );
  const out: SiteCount[] = [];
  for (const group of groups.values()) {
    const place = places.get(group.placeId);
    if (!place) continue;
    const n = group.persons.size;
    const suppressed = n < options.minCount;
    out.push({
      placeId: place.id,
      name: String(place.name),
      kind: String(place.kind),
      ...(typeof place.region === 'string' ? { region: place.region } : {}),
      ...(typeof place.country === 'string' ? { country: place.country } : {}),
      ...(typeof place.lat === 'number' && typeof place.lon === 'number'
        ? { lat: place.lat, lon: place.lon }
        : {}),
      period: group.period,
      persons: suppressed ? null : n,
      suppressed,
      ...('scope' in options.cases ? { caseIds: [...group.cases].sort() } : {}),
    });
  }
  return out.sort((a, b) => a.placeId.localeCompare(b.placeId) || a.period.localeCompare(b.period));
}
