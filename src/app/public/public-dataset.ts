import { DATA_ATTRIBUTIONS } from '../../domain/attribution.js';
import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import { csvCell } from '../transfer/csv/csv-writer.js';
import { countSites, type SiteCount } from './site-counter.js';

export const PUBLIC_FORMATS = ['public-geojson', 'public-csv', 'public-json'] as const;
export type PublicFormat = (typeof PUBLIC_FORMATS)[number];

/** A public case: structured fields only (no title, summary or any free text). */
export interface PublicCase {
  id: string;
  status: string;
  periodStart?: string;
  periodEnd?: string;
  /** Names of involved persons who are marked public; everyone else is left out. */
  publicPersons: string[];
}

export interface PublicDataset {
  generatedAt: string;
  attribution: typeof DATA_ATTRIBUTIONS;
  minCount: number;
  sites: SiteCount[];
  cases: PublicCase[];
}

async function listAll(
  ctx: AppContext,
  collection: 'cases' | 'involvements',
  filters: Record<string, string>,
) {
  const out: StoredRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.list(collection, { filters, limit: 1000, after });
    out.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1].id;
  }
  return out;
}

/**
 * The redacted public dataset: public cases only, persons held per site and period with small
 * counts suppressed, names only of persons marked public, no contacts and no free text.
 */
export async function buildPublicDataset(ctx: AppContext, now = new Date()): Promise<PublicDataset> {
  const minCount = ctx.settings.publicMinCount;
  const sites = await countSites(ctx, { cases: { publicOnly: true }, minCount });
  const cases: PublicCase[] = [];
  for (const kase of await listAll(ctx, 'cases', { confidentiality: 'public' })) {
    const links = await listAll(ctx, 'involvements', { caseId: kase.id });
    const personIds = links.map((l) => l.personId).filter((id): id is string => typeof id === 'string');
    const persons = await ctx.store.getMany('persons', [...new Set(personIds)]);
    const publicPersons = persons
      .filter((p) => p.isPublic === true)
      .map((p) => String((p.names as Array<{ value: string }>)[0]?.value ?? ''))
      .filter(Boolean)
      .sort();
    cases.push({
      id: kase.id,
      status: String(kase.status),
      ...(typeof kase.periodStart === 'string' ? { periodStart: kase.periodStart } : {}),
      ...(typeof kase.periodEnd === 'string' ? { periodEnd: kase.periodEnd } : {}),
      publicPersons,
    });
  }
  return { generatedAt: now.toISOString(), attribution: DATA_ATTRIBUTIONS, minCount, sites, cases };
}

/** Detention sites as GeoJSON features (sites without coordinates have a null geometry). */
export function sitesGeoJson(
  dataset: Pick<PublicDataset, 'sites' | 'attribution' | 'minCount' | 'generatedAt'>,
) {
  return {
    type: 'FeatureCollection' as const,
    generatedAt: dataset.generatedAt,
    attribution: dataset.attribution,
    minCount: dataset.minCount,
    features: dataset.sites.map((s) => ({
      type: 'Feature' as const,
      id: `${s.placeId}/${s.period}`,
      geometry:
        s.lat !== undefined && s.lon !== undefined
          ? { type: 'Point' as const, coordinates: [s.lon, s.lat] }
          : null,
      properties: {
        placeId: s.placeId,
        name: s.name,
        names: s.names ?? {},
        kind: s.kind,
        region: s.region ?? null,
        country: s.country ?? null,
        period: s.period,
        persons: s.persons,
        suppressed: s.suppressed,
      },
    })),
  };
}

/** The public sites as CSV, with the attribution in comment lines above the header. */
export function sitesCsv(dataset: PublicDataset): string {
  const header = [
    'place_id',
    'name',
    'kind',
    'region',
    'country',
    'lat',
    'lon',
    'period',
    'persons',
    'suppressed',
  ];
  const rows = dataset.sites.map((s) =>
    [s.placeId, s.name, s.kind, s.region, s.country, s.lat, s.lon, s.period, s.persons, s.suppressed]
      .map((v) => csvCell(v))
      .join(','),
  );
  const credits = dataset.attribution.map((a) => `# ${a.data} (${a.licence}): ${a.text}`);
  return `${[...credits, header.join(','), ...rows].join('\n')}\n`;
}

/** The public dataset rendered in one of the public formats. */
export async function renderPublic(ctx: AppContext, format: PublicFormat): Promise<string> {
  const dataset = await buildPublicDataset(ctx);
  if (format === 'public-csv') return sitesCsv(dataset);
  if (format === 'public-geojson') return `${JSON.stringify(sitesGeoJson(dataset))}\n`;
  return `${JSON.stringify(dataset)}\n`;
}
