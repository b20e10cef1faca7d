import { placesNamed } from '../../ingest/gazetteer.js';
import { regionOfText } from '../../ingest/places.js';
import type { RowValues } from './row-reader.js';

/**
 * The regions a table speaks of: those its region column names, and those of the places it names
 * that have no namesake elsewhere. A list kept by a hotline is usually about one front or one
 * oblast, so they settle which of several villages called "Зайцево" a row without a region means.
 */
export class TableRegions {
  private readonly counts = new Map<string, number>();
  private readonly regionOfPlace = new Map<string, string | null>();

  add(values: RowValues): void {
    const region = values.detentionRegion ? regionOfText(values.detentionRegion) : null;
    const place = values.detentionPlace ? this.unambiguousRegion(values.detentionPlace) : null;
    for (const r of new Set([region, place])) if (r) this.counts.set(r, (this.counts.get(r) ?? 0) + 1);
  }

  /** Each region with its rank, the most often named first (rank 0), as bestPlace weighs them. */
  ranks(): Map<string, number> {
    const ordered = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return new Map(ordered.map(([region], rank) => [region, rank]));
  }

  private unambiguousRegion(text: string): string | null {
    let region = this.regionOfPlace.get(text);
    if (region === undefined) {
      const regions = new Set(placesNamed(text).places.map((p) => p.admin1));
      region = regions.size === 1 ? [...regions][0] || null : null;
      this.regionOfPlace.set(text, region);
    }
    return region;
  }
}
