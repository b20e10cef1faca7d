import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { SiteFeature } from '../api/types';
import { DataCredits } from '../components/data-credits';
import { PublicShell } from '../components/layout';
import { Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { usePlaceNames } from '../lib/place-names';
import { useLoad } from '../lib/use-api';
import { PeriodSlider, periodStops, usePeriodLabel } from './map/period-slider';
import { SiteMap } from './map/site-map';

/** A feature of GET /api/public/sites: what the public export shows of a site in one period. */
interface PublicSite {
  id: string;
  geometry: SiteFeature['geometry'];
  properties: Omit<SiteFeature['properties'], 'caseIds' | 'actTypes'>;
}

interface PublicSites {
  minCount: number;
  features: PublicSite[];
}

/**
 * The public page: the redacted public dataset for anyone, without an account — sites of public
 * cases with how many people were held there in each period (small counts suppressed, as in the
 * public export), the licences of the shipped data, and the files to download. It reads only the
 * public API, so it cannot show more than the public export.
 */
export function PublicDataPage() {
  const { t, number } = useI18n();
  const names = usePlaceNames();
  useEffect(() => {
    document.title = `${t('public.title')} — Vigil`;
  }, [t]);
  const load = useLoad((signal) => api<PublicSites>('GET', '/api/public/sites', { signal }), []);
  const periods = useMemo(
    () =>
      periodStops(
        (load.data?.features ?? []).map((f) => f.properties.period),
        false,
      ),
    [load.data],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // The latest dated period first: what a reader coming to the page most likely wants to see.
  const period = chosen ?? periods.filter((p) => p !== 'unknown').at(-1) ?? periods[0];
  const periodLabel = usePeriodLabel();
  const held = useCallback(
    (s: PublicSite) =>
      s.properties.persons === null
        ? t('public.suppressed', { n: load.data?.minCount ?? 0 })
        : number(s.properties.persons),
    [t, number, load.data],
  );
  const onMap = useMemo(
    (): SiteFeature[] =>
      (load.data?.features ?? [])
        .filter((f) => f.properties.period === period)
        .map((f) => ({
          type: 'Feature',
          ...f,
          properties: { ...f.properties, caseIds: [], caseTitles: [], actTypes: [] },
        })),
    [load.data, period],
  );
  const labelOf = useCallback(
    (site: SiteFeature) =>
      site.properties.persons === null
        ? `${names.site(site.properties)}: ${t('public.suppressed', { n: load.data?.minCount ?? 0 })}`
        : t('map.markerLabel', { name: names.site(site.properties), n: site.properties.persons }),
    [t, load.data, names],
  );
  return (
    <PublicShell>
      <main id="main" className="public-data">
        <h1>{t('public.title')}</h1>
        <p>{t('public.intro')}</p>
        <Loaded load={load}>
          {(data) => (
            <>
              {/* No "all periods" stop: the public export has no count over all periods, and the
                  page shows nothing the export does not. */}
              <div className="toolbar">
                <PeriodSlider
                  id="public-period"
                  periods={periods}
                  withAll={false}
                  value={period}
                  onChange={setChosen}
                />
              </div>
              <SiteMap sites={onMap} focused={undefined} labelOf={labelOf} />
              <Section title={t('map.sites')} id="sites">
                {data.features.length === 0 ? (
                  <Empty>{t('map.none')}</Empty>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('map.site')}</th>
                        <th scope="col">{t('public.region')}</th>
                        <th scope="col">{t('map.period')}</th>
                        <th scope="col">{t('map.held')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.features.map((s) => (
                        <tr key={s.id}>
                          <td>{names.site(s.properties)}</td>
                          <td>{names.region(s.properties.region)}</td>
                          <td>{periodLabel(s.properties.period)}</td>
                          <td className="num">{held(s)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Section>
            </>
          )}
        </Loaded>
        <Section title={t('public.download')} id="download">
          <ul>
            <li>
              <a href="/api/public/sites.csv" download>
                {t('public.csv')}
              </a>
            </li>
            <li>
              <a href="/api/public/sites" download="vigil-public-sites.geojson">
                {t('public.geojson')}
              </a>
            </li>
            <li>
              <a href="/api/public/dataset" download="vigil-public-dataset.json">
                {t('public.json')}
              </a>
            </li>
          </ul>
        </Section>
        <Section title={t('about.licences')} id="licences">
          <p>{t('public.licence')}</p>
          <DataCredits />
        </Section>
      </main>
    </PublicShell>
  );
}
