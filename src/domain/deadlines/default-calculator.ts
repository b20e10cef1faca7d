import { DeadlineCalculator, type DeadlineOptions, type DeadlineResult } from './deadline-calculator.js';
import { loadDeadlineData } from './load-deadline-data.js';
import { type MissingYearPolicy, ProductionCalendar } from './production-calendar.js';

const cache = new Map<MissingYearPolicy, DeadlineCalculator>();

/** The calculator over the shipped rules and calendar, loaded once per missing-year policy. */
export function defaultCalculator(missingYear: MissingYearPolicy = 'error'): DeadlineCalculator {
  let calculator = cache.get(missingYear);
  if (!calculator) {
    const { calendar, rules } = loadDeadlineData();
    calculator = new DeadlineCalculator(rules, new ProductionCalendar(calendar, missingYear));
    cache.set(missingYear, calculator);
  }
  return calculator;
}

/** Computes a deadline with the shipped data: computeDeadline('upk144_crime_report', '2025-03-03'). */
export function computeDeadline(
  ruleId: string,
  startDate: string,
  options: DeadlineOptions = {},
): DeadlineResult {
  return defaultCalculator().computeDeadline(ruleId, startDate, options);
}
