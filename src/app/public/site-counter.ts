import type { StoredRecord } from '../../domain/collections.js';
import { type CountedGroup, countPeople } from '../../domain/people-count.js';
import { DETENTION_ACTS } from '../../domain/vocabularies.js';
import { type LocalNames, localNamesOf } from '../../ingest/gazetteer.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

export interface SiteCount {
  placeId: string;
  name: string;
  /** The place's name in each interface language, where the shipped gazetteer has it. */
  names?: LocalNames;
  kind: string;
  region?: string;
  country?: string;
  lat?: number;
  lon?: number;
  /** Month ("2022-10"), year, or "unknown" when the act has no date. */
  period: string;
  /**
   * People held there in the period, named persons and groups together with nobody counted twice
   * (see countPeople); null when suppressed as too small to publish.
   */
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

/** The groups acts name as victims, ready for counting. */
async function groupsOf(ctx: AppContext, acts: StoredRecord[]): Promise<Map<string, CountedGroup>> {
  const ids = [...new Set(acts.flatMap((a) => (Array.isArray(a.victimGroupIds) ? a.victimGroupIds : [])))];
  const out = new Map<string, CountedGroup>();
  for (const g of await ctx.store.getMany('person_groups', ids.map(String)))
    out.set(g.id, {
      id: g.id,
      ...(typeof g.count === 'number' ? { count: g.count } : {}),
      ...(Array.isArray(g.memberPersonIds) ? { memberPersonIds: g.memberPersonIds.map(String) } : {}),
      ...(typeof g.parentGroupId === 'string' ? { parentGroupId: g.parentGroupId } : {}),
    });
  return out;
}

/**
 * People held per detention site and period, from detention acts of the cases that count: their
 * named victims and victim groups, a named member of a group counted once. Small counts are
 * suppressed: a site with two named detainees identifies them.
 */
/**
 * The place's names in the interface languages, when it is the gazetteer's settlement itself: a
 * site inside a village (a school's basement) keeps its own name, though it points to the village.
 */
function withNames(place: StoredRecord): { names?: LocalNames } {
  const names = typeof place.gazetteerId === 'string' ? localNamesOf(place.gazetteerId) : null;
  return names && Object.values(names).includes(String(place.name)) ? { names } : {};
}

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
  const tallies = new Map<
    string,
    { placeId: string; period: string; persons: Set<string>; groups: Set<string>; cases: Set<string> }
  >();
  for (const act of acts) {
    if (!counted.has(String(act.caseId))) continue;
    const period = options.allPeriods ? 'all' : periodOf(act);
    const key = `${act.placeId}\u0000${period}`;
    const tally = tallies.get(key) ?? {
      placeId: String(act.placeId),
      period,
      persons: new Set(),
      groups: new Set(),
      cases: new Set(),
    };
    for (const victim of Array.isArray(act.victimIds) ? act.victimIds : []) tally.persons.add(String(victim));
    for (const victims of Array.isArray(act.victimGroupIds) ? act.victimGroupIds : [])
      tally.groups.add(String(victims));
    tally.cases.add(String(act.caseId));
    tallies.set(key, tally);
  }
  const victimGroups = await groupsOf(
    ctx,
    acts.filter((a) => counted.has(String(a.caseId))),
  );
  const places = new Map(
    (await ctx.store.getMany('places', [...new Set([...tallies.values()].map((t) => t.placeId))])).map(
      (p) => [p.id, p],
    ),
  );
  const out: SiteCount[] = [];
  for (const tally of tallies.values()) {
    const place = places.get(tally.placeId);
    if (!place) continue;
    const n = countPeople(
      tally.persons,
      [...tally.groups].flatMap((id) => victimGroups.get(id) ?? []),
    );
    const suppressed = n < options.minCount;
    out.push({
      placeId: place.id,
      name: String(place.name),
      ...withNames(place),
      kind: String(place.kind),
      ...(typeof place.region === 'string' ? { region: place.region } : {}),
      ...(typeof place.country === 'string' ? { country: place.country } : {}),
      ...(typeof place.lat === 'number' && typeof place.lon === 'number'
        ? { lat: place.lat, lon: place.lon }
        : {}),
      period: tally.period,
      persons: suppressed ? null : n,
      suppressed,
      ...('scope' in options.cases ? { caseIds: [...tally.cases].sort() } : {}),
    });
  }
  return out.sort((a, b) => a.placeId.localeCompare(b.placeId) || a.period.localeCompare(b.period));
}
