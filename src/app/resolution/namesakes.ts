import type { StoredRecord } from '../../domain/collections.js';
import { bestPlace, type Place } from '../../ingest/gazetteer.js';
import type { AppContext } from '../context.js';

/** A namesake this close to a place already recorded is taken to be that place's neighbourhood. */
const NEAR_KM = 100;
/** Places with coordinates read for the nearest-site rule: far more than a group records. */
const KNOWN_PLACES_READ = 5000;

/** The namesake kept among several gazetteer places of one name, and why, for the reviewer. */
export interface NamesakeChoice {
  place: Place;
  code: 'namesake_kept';
  detail: string;
}

export interface NamesakeContext {
  /** Regions named with the place (in the report, in the row): they settle it first. */
  named?: ReadonlySet<string>;
  /** Regions the rest of a list names, most often first (rank 0). */
  regions?: ReadonlyMap<string, number>;
  /** The stored places the actor may see, among these. */
  visible: (places: StoredRecord[]) => Promise<StoredRecord[]>;
}

function kilometres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const located = (r: StoredRecord) => typeof r.lat === 'number' && typeof r.lon === 'number';

/**
 * Which of several gazetteer places of one name is meant, from context, in this order: a region
 * named with it; a namesake already kept as a place (a group's records usually speak of the sites
 * it documents); the regions the rest of the list names; the namesake nearest a place already
 * recorded (within NEAR_KM); else the likeliest by kind, size and location. "Зайцево" in a report
 * from Luhansk is the Zaitseve of Luhansk Oblast, not the village of the same name 500 km away.
 */
export async function settleNamesake(
  ctx: AppContext,
  namesakes: Place[],
  context: NamesakeContext,
): Promise<NamesakeChoice | null> {
  const kept = (place: Place | null, detail: string) =>
    place ? { place, code: 'namesake_kept' as const, detail } : null;
  const inNamed = namesakes.filter((p) => context.named?.has(p.admin1));
  if (inNamed.length) {
    const place = bestPlace(inNamed, new Map());
    return kept(place, `in ${place?.admin1}, the region named with it`);
  }
  for (const p of namesakes) {
    const stored = await ctx.store.list('places', { filters: { gazetteerId: p.id }, limit: 10 });
    const seen = await context.visible(stored);
    // The stored place is not named: the note may reach readers who may not see it.
    if (seen.length) return kept(p, `in ${p.admin1}, where a place of this name is already recorded`);
  }
  const regions = context.regions ?? new Map<string, number>();
  if (namesakes.some((p) => regions.has(p.admin1))) {
    const place = bestPlace(namesakes, regions);
    return kept(place, `in ${place?.admin1}, the region the rest of the list names most`);
  }
  const sites = (await context.visible(await ctx.store.list('places', { limit: KNOWN_PLACES_READ }))).filter(
    located,
  );
  let nearest: { place: Place; km: number } | undefined;
  for (const p of namesakes) {
    if (p.lat === null || p.lon === null) continue;
    for (const site of sites) {
      const km = kilometres({ lat: p.lat, lon: p.lon }, { lat: Number(site.lat), lon: Number(site.lon) });
      if (km <= NEAR_KM && (!nearest || km < nearest.km)) nearest = { place: p, km };
    }
  }
  if (nearest)
    return kept(
      nearest.place,
      `in ${nearest.place.admin1}, ${Math.round(nearest.km)} km from a place already recorded`,
    );
  const place = bestPlace(namesakes, new Map());
  return kept(
    place,
    `in ${place?.admin1}: the likeliest by kind, size and location, as nothing around it settles it`,
  );
}
