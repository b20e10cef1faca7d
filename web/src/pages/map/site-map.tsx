import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { SiteFeature } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { loadBaseMap } from '../../lib/place-names';

/** From this zoom on, regions are named on the map itself. */
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
    markers.current = L.layerGroup().addTo(m);
    map.current = m;
    // Region names are written on the map once it is close enough for them not to overlap.
    const showLabels = () => host.current?.classList.toggle('labels-shown', m.getZoom() >= LABEL_ZOOM);
    m.on('zoomend', showLabels);
    showLabels();
    let cancelled = false;
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
      labels.current = L.layerGroup().addTo(m);
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

  // Region names follow the interface language, on hover and as labels at their centres (made
  // again once the outlines arrive).
  // biome-ignore lint/correctness/useExhaustiveDependencies: regionsVersion says the outlines arrived
  useEffect(() => {
    const layer = regions.current;
    const written = labels.current;
    if (!layer || !written) return;
    written.clearLayers();
    layer.eachLayer((l) => {
      const props = (l as L.GeoJSON & { feature?: { properties?: Record<string, string> } }).feature
        ?.properties;
      if (!props) return;
      const name = props[lang] ?? props.en;
      (l as L.Path).bindTooltip(name, { sticky: true, className: 'region-tip' });
      const text = document.createElement('span');
      text.textContent = name;
      L.marker((l as L.Polygon).getBounds().getCenter(), {
        icon: L.divIcon({ className: 'region-label', html: text, iconSize: undefined }),
        interactive: false,
        keyboard: false,
      }).addTo(written);
    });
  }, [lang, regionsVersion]);

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
      // A count withheld from the public (too small to publish) shows as a dash, not as 0.
      const count = site.properties.persons;
      const size = Math.round(26 + Math.min(28, Math.sqrt(count ?? 0) * 4));
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: 'site-marker',
          html: `<span class="site-count">${count ?? '–'}</span>`,
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
