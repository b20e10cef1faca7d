import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { SiteFeature } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { loadBaseMap } from '../../lib/place-names';
import { fittingLabels, loadTowns, type MapLabel, type Town, townName } from './map-labels';

/** From this zoom on, regions are named on the map itself (towns each from their own zoom). */
const LABEL_ZOOM = 6;

/** Where the shipped base layer puts Ukraine and western Russia, when no site has coordinates. */
const DEFAULT_BOUNDS: L.LatLngBoundsExpression = [
  [44, 22],
  [58, 50],
];

function metaContent(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

export interface SiteMapProps {
  sites: SiteFeature[];
  /** The site to centre on and open, when chosen from the list. */
  focused: string | undefined;
  labelOf: (site: SiteFeature) => string;
}

/**
 * Leaflet over the shipped outlines (no network needed); a configured tile server's tiles are
 * added beneath the markers. Each site is a marker showing its count, reachable with Tab.
 */
export function SiteMap({ sites, focused, labelOf }: SiteMapProps) {
  const { t, lang } = useI18n();
  const [regionsVersion, setRegionsVersion] = useState(0);
  const [towns, setTowns] = useState<Town[]>([]);
  const zoomLabels = { in: t('map.zoomIn'), out: t('map.zoomOut') };
  const host = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const byId = useRef(new Map<string, L.Marker>());
  const framed = useRef(false);
  const regions = useRef<L.GeoJSON | null>(null);
  const labels = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const m = L.map(host.current, {
      zoomSnap: 0.5,
      worldCopyJump: false,
      attributionControl: true,
      zoomControl: false,
    });
    m.attributionControl.setPrefix(false);
    m.fitBounds(DEFAULT_BOUNDS);
    const tiles = metaContent('vigil-tile-url');
    if (tiles) L.tileLayer(tiles, { attribution: metaContent('vigil-tile-attribution') ?? '' }).addTo(m);
    m.attributionControl.addAttribution('Natural Earth');
    m.attributionControl.addAttribution('GeoNames, HFLabs (CC BY-SA 4.0)');
    // Names lie above the outlines and below the sites' markers, and never catch the pointer.
    m.createPane('labels').style.zIndex = '450';
    labels.current = L.layerGroup().addTo(m);
    markers.current = L.layerGroup().addTo(m);
    map.current = m;
    let cancelled = false;
    void loadTowns().then((list) => {
      if (!cancelled) setTowns(list);
    });
    void loadBaseMap().then((topo) => {
      if (cancelled) return;
      const countries = feature(topo, topo.objects.countries as GeometryCollection);
      const regionShapes = feature(topo, topo.objects.regions as GeometryCollection);
      L.geoJSON(countries, { style: { className: 'base-country', weight: 0.6 }, interactive: false }).addTo(
        m,
      );
      regions.current = L.geoJSON(regionShapes, { style: { className: 'base-region', weight: 0.7 } }).addTo(
        m,
      );
      regions.current.bringToBack();
      setRegionsVersion((v) => v + 1);
      markers.current?.eachLayer((l) => (l as L.Marker).setZIndexOffset(1000));
    });
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
    };
  }, []);

  // Leaflet names its zoom buttons in English; the control is made anew in the interface language.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const control = L.control.zoom({ zoomInTitle: zoomLabels.in, zoomOutTitle: zoomLabels.out }).addTo(m);
    return () => {
      control.remove();
    };
  }, [zoomLabels.in, zoomLabels.out]);

  // Region names follow the interface language on hover (bound again once the outlines arrive).
  // biome-ignore lint/correctness/useExhaustiveDependencies: regionsVersion says the outlines arrived
  useEffect(() => {
    regions.current?.eachLayer((l) => {
      const name = regionName(l, lang);
      if (name) (l as L.Path).bindTooltip(name, { sticky: true, className: 'region-tip' });
    });
  }, [lang, regionsVersion]);

  // Region and town names written on the map, in the interface language: regions from
  // LABEL_ZOOM, each town from its own zoom, larger towns first; a name that would overlap one
  // already written is left out. Written again whenever the view moves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: regionsVersion says the outlines arrived
  useEffect(() => {
    const m = map.current;
    const written = labels.current;
    if (!m || !written) return;
    const draw = () => {
      const zoom = m.getZoom();
      const wanted: MapLabel[] = [];
      if (zoom >= LABEL_ZOOM)
        regions.current?.eachLayer((l) => {
          const name = regionName(l, lang);
          if (name) wanted.push({ kind: 'region', text: name, at: (l as L.Polygon).getBounds().getCenter() });
        });
      for (const town of towns)
        if (town.minZoom <= zoom)
          wanted.push({ kind: 'town', text: townName(town, lang), at: L.latLng(town.lat, town.lon) });
      written.clearLayers();
      for (const label of fittingLabels(m, wanted)) {
        const text = document.createElement('span');
        text.textContent = label.text;
        L.marker(label.at, {
          pane: 'labels',
          icon: L.divIcon({ className: `${label.kind}-label`, html: text, iconSize: undefined }),
          interactive: false,
          keyboard: false,
        }).addTo(written);
      }
      // Says which zoom the names are written for: what tests and screenshots wait for.
      if (host.current) host.current.dataset.labelsZoom = String(zoom);
    };
    draw();
    m.on('zoomend moveend resize', draw);
    return () => {
      m.off('zoomend moveend resize', draw);
    };
  }, [lang, regionsVersion, towns]);

  useEffect(() => {
    const group = markers.current;
    const m = map.current;
    if (!group || !m) return;
    group.clearLayers();
    byId.current.clear();
    const points: L.LatLng[] = [];
    for (const site of sites) {
      if (!site.geometry) continue;
      const [lon, lat] = site.geometry.coordinates;
      // A count withheld from the public (too small to publish) shows as a dash, and a site whose
      // acts name only groups of unknown size as a question mark: neither is 0.
      const count = site.properties.persons;
      const shown = count === null ? '–' : count === 0 ? '?' : count;
      const size = Math.round(26 + Math.min(28, Math.sqrt(count ?? 0) * 4));
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: 'site-marker',
          html: `<span class="site-count">${shown}</span>`,
          iconSize: [size, size],
        }),
        title: labelOf(site),
        alt: labelOf(site),
        keyboard: true,
        riseOnHover: true,
      });
      // Text, never HTML: names and titles come from reports and may hold markup.
      const popup = document.createElement('div');
      popup.textContent = labelOf(site);
      marker.bindPopup(popup);
      marker.addTo(group);
      byId.current.set(site.properties.placeId, marker);
      points.push(L.latLng(lat, lon));
    }
    // Without tiles only the outlines orient the reader: never zoom in past the oblasts around a site.
    // Only the first sites frame the map: moving the period slider must not make the map jump.
    if (points.length && !framed.current) {
      m.fitBounds(L.latLngBounds(points).pad(0.6), { maxZoom: 5.5 });
      framed.current = true;
    }
    regions.current?.bringToBack();
  }, [sites, labelOf]);

  useEffect(() => {
    const marker = focused ? byId.current.get(focused) : undefined;
    if (!marker || !map.current) return;
    map.current.setView(marker.getLatLng(), Math.max(map.current.getZoom(), 7));
    marker.openPopup();
  }, [focused]);

  return <section ref={host} className="site-map" aria-label={t('map.region')} />;
}

/** A base-map region's name in the interface language (English where the map has no other). */
function regionName(layer: L.Layer, lang: string): string | undefined {
  const props = (layer as L.GeoJSON & { feature?: { properties?: Record<string, string> } }).feature
    ?.properties;
  return props ? (props[lang] ?? props.en) : undefined;
}
