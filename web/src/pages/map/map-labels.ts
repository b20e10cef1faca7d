import type L from 'leaflet';
import townsUrl from '../../../../data/map/towns.json?url';
import type { Lang } from '../../i18n/i18n';

/** A town of data/map/towns.json (built from the gazetteer by scripts/build-town-labels.mjs). */
export interface Town {
  id: string;
  names: Partial<Record<Lang, string>>;
  lat: number;
  lon: number;
  /** The zoom from which the town is written on the map. */
  minZoom: number;
}

let towns: Promise<Town[]> | undefined;
/** The shipped town labels, largest first, fetched once (a hashed asset, cached by the browser). */
export function loadTowns(): Promise<Town[]> {
  towns ??= fetch(townsUrl)
    .then((r) => r.json() as Promise<{ towns: Town[] }>)
    .then((file) => file.towns);
  return towns;
}

/**
 * A town's name in the interface language. The gazetteer has no Ukrainian form of Russian towns:
 * their Russian name, in the same script, reads better to a Ukrainian reader than the English.
 */
export function townName(town: Town, lang: Lang): string {
  return town.names[lang] ?? town.names.ru ?? town.names.en ?? '';
}

/** A name to write on the map: a region's at its middle, a town's beside its dot. */
export interface MapLabel {
  kind: 'region' | 'town';
  text: string;
  at: L.LatLng;
}

// The labels' type, as app.css sets it for .region-label and .town-label.
const FONT = '12px system-ui, sans-serif';
const HEIGHT = 16;
const DOT = 8;

let canvas: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7;
  canvas.font = FONT;
  return canvas.measureText(text).width;
}

/**
 * The labels that can be written without overlapping, taken in the order given (the most
 * important first): a label whose box meets one already kept is left out, as are those not
 * wholly on the visible map.
 */
export function fittingLabels(map: L.Map, labels: readonly MapLabel[]): MapLabel[] {
  const size = map.getSize();
  const kept: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  const out: MapLabel[] = [];
  for (const label of labels) {
    const p = map.latLngToContainerPoint(label.at);
    const w = textWidth(label.text) + 4;
    const box =
      label.kind === 'region'
        ? { x0: p.x - w / 2, y0: p.y - HEIGHT / 2, x1: p.x + w / 2, y1: p.y + HEIGHT / 2 }
        : { x0: p.x - DOT / 2, y0: p.y - HEIGHT / 2, x1: p.x + DOT + w, y1: p.y + HEIGHT / 2 };
    // A name cut by the map's edge is no help: it is written once the map shows it whole.
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > size.x || box.y1 > size.y) continue;
    if (kept.some((k) => box.x0 < k.x1 && k.x0 < box.x1 && box.y0 < k.y1 && k.y0 < box.y1)) continue;
    kept.push(box);
    out.push(label);
  }
  return out;
}
