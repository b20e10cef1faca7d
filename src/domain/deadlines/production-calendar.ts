import { invalid, VigilError } from '../errors.js';
import { type IsoDate, weekday, yearOf } from './iso-date.js';

/** One year of the production calendar as the data file gives it. */
export interface CalendarYear {
  basis: string;
  basisVerified: string;
  /** Weekdays that are days off: holidays moved off a weekend (TK art. 112 p. 2) and decree transfers. */
  extraDaysOff: IsoDate[];
  /** Saturdays and Sundays that a decree made working days. */
  workingWeekendDays: IsoDate[];
  presidentialNonWorkingDays?: { applied: boolean; note: string; days: IsoDate[] };
  expectedWorkingDays?: number;
  sources: string[];
}

/** The whole calendar data file (data/calendar/ru-non-working-days.json). */
export interface CalendarData {
  country: string;
  weekendDays: number[];
  holidays: { citation: string; days: { monthDay: string; ru: string; en: string }[] };
  years: Record<string, CalendarYear>;
}

/**
 * What to do with a date in a year the data does not cover. 'error' refuses (the default:
 * a wrong deadline is worse than none); 'fallback' uses weekends and the fixed holidays of
 * TK art. 112 only, and reports every year it had to guess so the answer can be flagged.
 */
export type MissingYearPolicy = 'error' | 'fallback';

/** Why a date is or is not a working day, for explanations. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'transferred_day_off' | 'working_weekend';

/** Answers "is this a working day in Russia?" from the data, never silently for unknown years. */
export class ProductionCalendar {
  private readonly holidayNames = new Map<string, string>();
  private readonly extraOff = new Set<IsoDate>();
  private readonly workingWeekend = new Set<IsoDate>();
  private readonly weekend: Set<number>;
  readonly coveredYears: number[];
  /** Years for which the fallback was used, so callers can flag a result as approximate. */
  readonly fallbackYears = new Set<number>();

  constructor(
    readonly data: CalendarData,
    readonly missingYear: MissingYearPolicy = 'error',
  ) {
    this.weekend = new Set(data.weekendDays);
    for (const h of data.holidays.days) this.holidayNames.set(h.monthDay, h.ru);
    for (const year of Object.values(data.years)) {
      for (const d of year.extraDaysOff) this.extraOff.add(d);
      for (const d of year.workingWeekendDays) this.workingWeekend.add(d);
    }
    this.coveredYears = Object.keys(data.years)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** Classifies one date; throws for a year outside the data unless the fallback is allowed. */
  kindOf(date: IsoDate): DayKind {
    this.checkYear(yearOf(date));
    if (this.holidayNames.has(date.slice(5))) return 'holiday';
    if (this.extraOff.has(date)) return 'transferred_day_off';
    if (this.weekend.has(weekday(date))) return this.workingWeekend.has(date) ? 'working_weekend' : 'weekend';
    return 'working';
  }

  /** True for weekends, public holidays and transferred days off. */
  isNonWorkingDay(date: IsoDate): boolean {
    const kind = this.kindOf(date);
    return kind !== 'working' && kind !== 'working_weekend';
  }

  /** Name of the public holiday on this date, if any (Russian). */
  holidayName(date: IsoDate): string | undefined {
    return this.holidayNames.get(date.slice(5));
  }

  /** The decree and sources behind a year, for citing in explanations. */
  basisOf(year: number): string | undefined {
    return this.data.years[String(year)]?.basis;
  }

  private checkYear(year: number): void {
    if (this.data.years[String(year)]) return;
    if (this.missingYear === 'fallback') {
      this.fallbackYears.add(year);
      return;
    }
    const covered = `${this.coveredYears[0]}–${this.coveredYears[this.coveredYears.length - 1]}`;
    throw new VigilError(
      'invalid_input',
      `the production calendar has no data for ${year} (covered: ${covered}); add the year's decree to data/calendar/ru-non-working-days.json`,
      { year },
    );
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates the calendar file's shape so a bad edit fails loudly at load, not in a deadline. */
export function validateCalendarData(value: unknown): CalendarData {
  const problems: { path: string; message: string }[] = [];
  const data = value as CalendarData;
  if (
    !data ||
    typeof data !== 'object' ||
    !data.years ||
    !data.holidays?.days ||
    !Array.isArray(data.weekendDays)
  ) {
    throw invalid('calendar data is malformed', [
      { path: '/', message: 'needs weekendDays, holidays.days and years' },
    ]);
  }
  for (const [year, entry] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(year)) problems.push({ path: `/years/${year}`, message: 'year must be four digits' });
    if (!entry.basis)
      problems.push({ path: `/years/${year}/basis`, message: 'each year must cite its decree' });
    for (const key of ['extraDaysOff', 'workingWeekendDays'] as const) {
      if (!Array.isArray(entry[key])) {
        problems.push({ path: `/years/${year}/${key}`, message: 'must be a list of dates' });
        continue;
      }
      for (const d of entry[key]) {
        if (!DATE.test(d) || !d.startsWith(year)) {
          problems.push({ path: `/years/${year}/${key}`, message: `${d} is not a date in ${year}` });
        }
      }
    }
  }
  if (problems.length) throw invalid('calendar data is invalid', problems);
  return data;
}
