import { useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The stop that shows every period at once: one count per site, each person once. */
export const ALL_PERIODS = 'all';

export interface PeriodSliderProps {
  id: string;
  /** The periods the counts come in: months ("2022-10"), years, or "unknown" for undated acts. */
  periods: readonly string[];
  /** Whether the first stop is "all periods" (only where a count over all periods exists). */
  withAll: boolean;
  value: string;
  onChange: (period: string) => void;
}

/**
 * The periods in time order on a slider: all periods first (when offered), then each month or
 * year, the undated last. Arrow keys step through time; the chosen period is read out by name.
 */
export function PeriodSlider({ id, periods, withAll, value, onChange }: PeriodSliderProps) {
  const { t } = useI18n();
  const labelOf = usePeriodLabel();
  const stops = useMemo(() => periodStops(periods, withAll), [periods, withAll]);
  const at = Math.max(0, stops.indexOf(value));
  if (stops.length === 0) return null;
  return (
    <div className="field period-slider">
      <label htmlFor={id}>{t('map.period')}</label>
      <div className="period-slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={stops.length - 1}
          step={1}
          value={at}
          disabled={stops.length < 2}
          aria-valuetext={labelOf(stops[at])}
          onChange={(e) => onChange(stops[Number(e.target.value)])}
        />
        <output htmlFor={id} aria-live="polite">
          {labelOf(stops[at])}
        </output>
      </div>
      {stops.length > 1 && (
        <div className="period-slider-ends muted" aria-hidden="true">
          <span>{labelOf(stops[0])}</span>
          <span>{labelOf(stops[stops.length - 1])}</span>
        </div>
      )}
    </div>
  );
}

/** The slider's stops: "all" (when offered), the dated periods in time order, then the undated. */
export function periodStops(periods: readonly string[], withAll: boolean): string[] {
  const unique = [...new Set(periods)].filter((p) => p !== ALL_PERIODS);
  const dated = unique.filter((p) => p !== 'unknown').sort();
  return [...(withAll ? [ALL_PERIODS] : []), ...dated, ...(unique.includes('unknown') ? ['unknown'] : [])];
}

/** A period's name in the interface language: a month or a year, "undated", or "all periods". */
export function usePeriodLabel(): (period: string) => string {
  const { t, date } = useI18n();
  return useCallback(
    (p: string) => (p === ALL_PERIODS ? t('map.allPeriods') : p === 'unknown' ? t('map.undated') : date(p)),
    [t, date],
  );
}
