import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { SiteCollection, SiteFeature } from '../api/types';
import { Page, Section } from '../components/page';
import { Empty, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { usePlaceNames } from '../lib/place-names';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';
import { ALL_PERIODS, PeriodSlider, periodStops, usePeriodLabel } from './map/period-slider';
import { SiteMap } from './map/site-map';

/** Detention sites and how many people were held there, by period and act, on an offline map. */
export function MapPage() {
  const { t, label, number } = useI18n();
  const names = usePlaceNames();
  const load = useLoad(async (signal) => {
    const [each, all] = await Promise.all([
      api<SiteCollection>('GET', '/api/map/sites', { signal }),
      api<SiteCollection>('GET', '/api/map/sites', { query: { periods: 'all' }, signal }),
    ]);
    return { each: each.features, all: all.features };
  }, []);
  const [period, setPeriod] = useState(ALL_PERIODS);
  const [act, setAct] = useState('');
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const periods = useMemo(() => (load.data?.each ?? []).map((f) => f.properties.period), [load.data]);
  const acts = useMemo(
    () => [...new Set((load.data?.each ?? []).flatMap((f) => f.properties.actTypes))].sort(),
    [load.data],
  );
  const sites = useMemo(() => {
    const pool =
      period === ALL_PERIODS
        ? (load.data?.all ?? [])
        : (load.data?.each ?? []).filter((f) => f.properties.period === period);
    return pool.filter((f) => !act || f.properties.actTypes.includes(act));
  }, [load.data, period, act]);
  const periodLabel = usePeriodLabel();
  // Each site's count in every period, in time order: the list shows them under "all periods".
  const overTime = useMemo(() => {
    const out = new Map<string, SiteFeature[]>();
    const each = (load.data?.each ?? []).filter((f) => !act || f.properties.actTypes.includes(act));
    const order = periodStops(periods, false);
    for (const f of [...each].sort(
      (a, b) => order.indexOf(a.properties.period) - order.indexOf(b.properties.period),
    ))
      out.set(f.properties.placeId, [...(out.get(f.properties.placeId) ?? []), f]);
    return out;
  }, [load.data, act, periods]);
  // A count of 0 means the acts name only groups whose size no report gives: "not known", never
  // "0 held"; a count withheld as too small to publish (null) is a dash.
  const held = useCallback(
    (persons: number | null) =>
      persons === null ? '–' : persons === 0 ? t('map.heldUnknown') : number(persons),
    [t, number],
  );
  const labelOf = useCallback(
    (site: SiteFeature) => {
      const name = names.site(site.properties);
      const persons = site.properties.persons ?? 0;
      return [
        persons === 0 ? t('map.markerUnknown', { name }) : t('map.markerLabel', { name, n: persons }),
        ...site.properties.caseTitles.filter(Boolean),
      ].join(' — ');
    },
    [t, names],
  );
  return (
    <Page title={t('map.title')}>
      <div className="toolbar">
        <PeriodSlider id="map-period" periods={periods} withAll value={period} onChange={setPeriod} />
        <div className="field">
          <label htmlFor="map-act">{t('map.act')}</label>
          <select id="map-act" value={act} onChange={(e) => setAct(e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {acts.map((a) => (
              <option key={a} value={a}>
                {label('act', a)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded load={load}>
        {() => (
          <div className="map-layout">
            <SiteMap sites={sites} focused={focused} labelOf={labelOf} />
            <Section title={t('map.sites')} id="sites">
              {sites.length === 0 ? (
                <Empty>{t('map.none')}</Empty>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('map.site')}</th>
                      <th scope="col">{t('map.held')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sites.map((s) => (
                      <tr key={s.id}>
                        <td>
                          {s.geometry ? (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => setFocused(s.properties.placeId)}
                            >
                              {names.site(s.properties)}
                            </button>
                          ) : (
                            <>
                              {names.site(s.properties)}{' '}
                              <span className="muted">({t('map.noCoordinates')})</span>
                            </>
                          )}
                          <div className="muted">
                            {[
                              names.region(s.properties.region),
                              period === ALL_PERIODS ? '' : periodLabel(s.properties.period),
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </div>
                          {period === ALL_PERIODS && (
                            <div className="muted site-over-time">
                              {t('map.byPeriod')}:{' '}
                              {(overTime.get(s.properties.placeId) ?? [])
                                .map(
                                  (f) =>
                                    `${periodLabel(f.properties.period)} — ${held(f.properties.persons)}`,
                                )
                                .join(' · ')}
                            </div>
                          )}
                          <div className="muted">
                            {s.properties.caseIds.map((c, i) => (
                              <Link key={c} to={`/cases/${c}`}>
                                {s.properties.caseTitles[i] || t('map.caseN', { n: i + 1 })}
                                {i < s.properties.caseIds.length - 1 ? ', ' : ''}
                              </Link>
                            ))}
                          </div>
                        </td>
                        <td className="num">{held(s.properties.persons)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </div>
        )}
      </Loaded>
    </Page>
  );
}
