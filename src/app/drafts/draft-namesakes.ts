import type { DraftItem } from '../../domain/schemas/draft.js';
import { bestPlace, gazetteerPlace, type Place, placesNamed } from '../../ingest/gazetteer.js';
import { regionOfText, regionsOfText } from '../../ingest/places.js';
import type { AppContext } from '../context.js';
import { settleNamesake } from '../resolution/namesakes.js';

/** The fields of a place item that come from its gazetteer entry. */
function gazetteerFields(p: Place) {
  return {
    canonical: p.nameEn,
    region: p.admin1,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    gazetteerId: p.id,
  };
}

/** Every gazetteer place a place item's name (as written, or its canonical form) may be. */
function namesakesOf(v: Record<string, unknown>): Place[] {
  const out = new Map<string, Place>();
  for (const name of [v.name, v.canonical])
    if (typeof name === 'string' && name) for (const p of placesNamed(name).places) out.set(p.id, p);
  return [...out.values()];
}

/**
 * Settles, for each place of a new draft whose name several gazetteer places bear, which one is
 * meant — by the regions the report names, the places already recorded, the nearest recorded
 * site (see settleNamesake) — and notes the choice and its reason on the item (`namesake`), so
 * that the reviewer sees why "Зайцево" is the one in Luhansk Oblast and can correct it. A place
 * the extractor put in a region the report names keeps it: the extractor weighed the nearest mention.
 */
export async function settleDraftNamesakes(ctx: AppContext, items: DraftItem[], text: string): Promise<void> {
  const named = new Set(regionsOfText(text));
  for (const item of items) {
    if (item.kind !== 'place' || typeof item.proposed.gazetteerId !== 'string') continue;
    const namesakes = namesakesOf(item.proposed);
    if (namesakes.length < 2) continue;
    const current = gazetteerPlace(item.proposed.gazetteerId);
    const choice = await settleNamesake(ctx, namesakes, {
      named: current && named.has(current.admin1) ? new Set([current.admin1]) : named,
      // A job acts for no reader; the note it leaves names no stored record.
      visible: async (places) => places,
    });
    if (!choice) continue;
    Object.assign(item.proposed, gazetteerFields(choice.place), {
      namesake: { code: choice.code, detail: choice.detail, namesakes: namesakes.length },
    });
  }
}

/**
 * The gazetteer fields of a place item as applied: when the reviewer changed its region to one
 * where a namesake lies, that namesake's (not the coordinates of the village first proposed);
 * when no namesake lies there, none (the region typed is kept, without a gazetteer entry).
 */
export function placeAsReviewed(
  proposed: Record<string, unknown>,
  value: Record<string, unknown> | undefined,
) {
  const v = { ...proposed, ...(value ?? {}) };
  if (typeof value?.region !== 'string' || value.region === proposed.region) return v;
  const region = regionOfText(value.region);
  const there = region ? namesakesOf({ ...proposed, name: v.name }).filter((p) => p.admin1 === region) : [];
  if (there.length === 0)
    return {
      ...v,
      canonical: undefined,
      country: undefined,
      lat: undefined,
      lon: undefined,
      gazetteerId: undefined,
    };
  const place = bestPlace(there, new Map());
  return place ? { ...v, ...gazetteerFields(place) } : v;
}
