import { useEffect, useMemo, useState } from 'react';
import type { GeometryCollection, Topology } from 'topojson-specification';
import baseMapUrl from '../../../data/map/base-map.topo.json?url';
import { type Lang, useI18n } from '../i18n/i18n';

let baseMap: Promise<Topology> | undefined;
/** The shipped base layer, fetched once (a hashed asset, cached by the browser). */
export function loadBaseMap(): Promise<Topology> {
  baseMap ??= fetch(baseMapUrl).then((r) => r.json() as Promise<Topology>);
  return baseMap;
}

type Names = Partial<Record<Lang, string>>;

/** The base layer's regions by their English names, with and without "Oblast" as records write them. */
function regionIndex(topo: Topology): Map<string, Names> {
  const index = new Map<string, Names>();
  for (const g of (topo.objects.regions as GeometryCollection<Names>).geometries) {
    const names: Names = g.properties ?? {};
    if (!names.en) continue;
    index.set(names.en, names);
    index.set(`${names.en} Oblast`, names);
  }
  return index;
}

/**
 * Names of places and regions in the interface language: a site by the gazetteer's form in that
 * language when the record has one, a region by the base layer's names (records keep regions in
 * English, as the gazetteer does). Anything unknown keeps the name it was stored with.
 */
export function usePlaceNames() {
  const { lang } = useI18n();
  const [regions, setRegions] = useState<Map<string, Names> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadBaseMap().then((topo) => {
      if (live) setRegions(regionIndex(topo));
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => ({
      site: (p: { name: string; names?: Names }) => p.names?.[lang] || p.name,
      region: (region: string | null) => (region ? regions?.get(region)?.[lang] || region : ''),
    }),
    [lang, regions],
  );
}
