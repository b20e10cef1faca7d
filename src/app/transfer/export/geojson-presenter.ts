import { DATA_ATTRIBUTIONS } from '../../../domain/attribution.js';
import type { AppContext } from '../../context.js';
import { sitesGeoJson } from '../../public/public-dataset.js';
import { siteActTypes } from '../../public/site-act-types.js';
import { countSites } from '../../public/site-counter.js';
import type { ExportPresenter } from './export-presenter.js';
import type { Selection } from './export-selection.js';

/**
 * Detention sites as GeoJSON for internal readers: persons held per place and period, counted as
 * the public map counts them (src/app/public/site-counter.ts) but from the cases the reader may
 * see, with nothing suppressed and the cases each count comes from. The acts counted follow the
 * filters (case, dates, act filters); the places shown follow the place filters and the search.
 * Each feature also lists the types of act recorded at the site then, for the map's act filter;
 * `allPeriods` gives one feature per site counting distinct persons over all periods.
 */
export async function internalSitesGeoJson(
  ctx: AppContext,
  selection: Selection,
  now: Date,
  { allPeriods = false }: { allPeriods?: boolean } = {},
) {
  const acts = await selection.derive({ q: undefined, types: ['acts'] });
  const places = await selection.derive({ types: ['places'] });
  const sites = await countSites(ctx, {
    cases: { scope: selection.scope },
    minCount: 0,
    allPeriods,
    acts: async (list) => {
      const kept = await acts.contains(
        'acts',
        list.map((a) => a.id),
      );
      return list.filter((a) => kept.has(a.id));
    },
  });
  const shownPlaces = await places.contains(
    'places',
    sites.map((s) => s.placeId),
  );
  const shown = sites.filter((s) => shownPlaces.has(s.placeId));
  const actTypes = await siteActTypes(
    ctx,
    selection.scope,
    shown.map((s) => s.placeId),
    allPeriods,
  );
  // The reader may see these cases (countSites kept only those): the map names them by title.
  const titles = new Map(
    (await ctx.store.getMany('cases', [...new Set(shown.flatMap((s) => s.caseIds ?? []))])).map((c) => [
      c.id,
      String(c.title),
    ]),
  );
  const collection = sitesGeoJson({
    sites: shown,
    attribution: DATA_ATTRIBUTIONS,
    minCount: 0,
    generatedAt: now.toISOString(),
  });
  return {
    ...collection,
    selection: selection.info(),
    features: collection.features.map((f, i) => ({
      ...f,
      properties: {
        ...f.properties,
        caseIds: shown[i].caseIds ?? [],
        caseTitles: (shown[i].caseIds ?? []).map((id) => titles.get(id) ?? ''),
        actTypes: actTypes.get(`${shown[i].placeId}\u0000${shown[i].period}`) ?? [],
      },
    })),
  };
}

/** The GeoJSON of detention sites with counts, unredacted for the reader's own cases. */
export const geojsonPresenter: ExportPresenter = {
  files: 'one',
  contentType: 'application/geo+json',
  filename: 'vigil-sites.geojson',
  sensitiveFields: 'by-role',
  async write(ctx, selection, sink, now) {
    const geo = await internalSitesGeoJson(ctx, selection, now);
    const file = sink.open('vigil-sites.geojson');
    await file.write(`${JSON.stringify(geo)}\n`);
    await file.end();
    return { items: geo.features.length, files: ['vigil-sites.geojson'] };
  },
};
