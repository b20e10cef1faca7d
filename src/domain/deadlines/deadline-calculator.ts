import { invalid, notFound } from '../errors.js';
import type { DeadlineExtension, DeadlineRule, DeadlineRulesData } from './deadline-rules.js';
import { addDays, formatRuDate, type IsoDate, parseIsoDate, yearOf } from './iso-date.js';
import type { ProductionCalendar } from './production-calendar.js';

/** A lawful extension the authority announced; `days` defaults to the most the law allows. */
export interface ExtensionInput {
  id: string;
  days?: number;
}

export interface DeadlineOptions {
  extension?: ExtensionInput;
}

/** A computed deadline with everything needed to explain and cite it. */
export interface DeadlineResult {
  /** Last day of the term (the authority is overdue from the next day on). */
  due: IsoDate;
  rule: DeadlineRule;
  citation: string;
  start: IsoDate;
  /** Length of the term in the rule's unit, after any extension. */
  termDays: number;
  /** The end before moving it off a non-working day. */
  nominalEnd: IsoDate;
  extension?: DeadlineExtension & { days: number };
  /** True when a year outside the calendar data had to be guessed (weekends + TK art. 112 only). */
  approximate: boolean;
  explanation: string;
  explanationRu: string;
}

/** Computes legal deadlines from the rules and the production calendar; pure given its inputs. */
export class DeadlineCalculator {
  private readonly byId: Map<string, DeadlineRule>;

  constructor(
    readonly rules: DeadlineRulesData,
    readonly calendar: ProductionCalendar,
  ) {
    this.byId = new Map(rules.rules.map((r) => [r.id, r]));
  }

  /** The rule with this id, or a not_found error. */
  rule(ruleId: string): DeadlineRule {
    const rule = this.byId.get(ruleId);
    if (!rule) throw notFound(`deadline rule "${ruleId}"`);
    return rule;
  }

  /** Last day of the term that starts with `startDate` under `ruleId`, with its explanation. */
  computeDeadline(ruleId: string, startDate: string, options: DeadlineOptions = {}): DeadlineResult {
    const rule = this.rule(ruleId);
    const start = parseIsoDate(startDate, 'startDate');
    const fallbackBefore = this.calendar.fallbackYears.size;
    const extension = options.extension ? this.resolveExtension(rule, options.extension) : undefined;
    const termDays = !extension
      ? rule.amount
      : extension.kind === 'add'
        ? rule.amount + extension.days
        : extension.days;

    let nominalEnd: IsoDate;
    let due: IsoDate;
    if (rule.unit === 'working_days') {
      nominalEnd = this.addWorkingDays(start, termDays);
      due = nominalEnd;
    } else {
      // The start day is not counted (GK art. 191, UPK art. 128): day 1 is the day after.
      nominalEnd = addDays(start, termDays);
      due = rule.endOnNonWorkingDay === 'none' ? nominalEnd : this.nextWorkingDay(nominalEnd);
    }
    const approximate =
      this.calendar.fallbackYears.size > fallbackBefore ||
      [start, due].some((d) => this.calendar.fallbackYears.has(yearOf(d)));
    return {
      due,
      rule,
      citation: extension ? `${rule.citation}; ${extension.citation}` : rule.citation,
      start,
      termDays,
      nominalEnd,
      extension,
      approximate,
      ...this.explain(rule, start, termDays, nominalEnd, due, extension, approximate),
    };
  }

  /** Counts `days` working days after `start` (the start day itself is not counted). */
  addWorkingDays(start: IsoDate, days: number): IsoDate {
    let date = start;
    let left = days;
    while (left > 0) {
      date = addDays(date, 1);
      if (!this.calendar.isNonWorkingDay(date)) left -= 1;
    }
    return date;
  }

  /** The date itself if it is a working day, else the first working day after it. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    while (this.calendar.isNonWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  private resolveExtension(rule: DeadlineRule, input: ExtensionInput): DeadlineExtension & { days: number } {
    const ext = rule.extensions.find((e) => e.id === input.id);
    if (!ext) {
      const allowed = rule.extensions.map((e) => e.id).join(', ') || 'none';
      throw invalid(`rule ${rule.id} has no extension "${input.id}" (allowed: ${allowed})`, [
        { path: '/extension/id', message: 'unknown extension' },
      ]);
    }
    const days = input.days ?? ext.maxDays;
    const min = ext.kind === 'add' ? 1 : rule.amount + 1;
    if (!Number.isInteger(days) || days < min || days > ext.maxDays) {
      throw invalid(`extension ${ext.id} must be between ${min} and ${ext.maxDays} days (${ext.citation})`, [
        { path: '/extension/days', message: `out of range: ${days}` },
      ]);
    }
    return { ...ext, days };
  }

  private explain(
    rule: DeadlineRule,
    start: IsoDate,
    termDays: number,
    nominalEnd: IsoDate,
    due: IsoDate,
    extension: (DeadlineExtension & { days: number }) | undefined,
    approximate: boolean,
  ): { explanation: string; explanationRu: string } {
    const unitEn = rule.unit === 'working_days' ? 'working days' : 'days';
    const unitRu = rule.unit === 'working_days' ? 'рабочих дн.' : 'дн.';
    const en = [
      `${rule.label.en}: ${termDays} ${unitEn} from ${rule.startEvent} on ${start} (${rule.citation})`,
    ];
    const ru = [`${rule.label.ru}: ${termDays} ${unitRu} с ${formatRuDate(start)} (${rule.citation})`];
    if (extension) {
      const how =
        extension.kind === 'add'
          ? `extended by ${extension.days} days`
          : `extended to ${extension.days} days`;
      en.push(`${how} (${extension.citation})`);
      ru.push(
        `срок продлён ${extension.kind === 'add' ? 'на' : 'до'} ${extension.days} дн. (${extension.citation})`,
      );
    }
    if (due !== nominalEnd) {
      const policy = this.rules.endOnNonWorkingDayPolicies[rule.endOnNonWorkingDay];
      en.push(
        `the term ends on ${nominalEnd}, a non-working day, so it moves to ${due} (${policy.citation})`,
      );
      ru.push(
        `окончание срока ${formatRuDate(nominalEnd)} — нерабочий день, срок переносится на ${formatRuDate(due)} (${policy.citation})`,
      );
    }
    en.push(`due ${due}`);
    ru.push(`последний день срока ${formatRuDate(due)}`);
    if (approximate) {
      en.push(
        'APPROXIMATE: the production calendar has no data for this year; only weekends and Labour Code art. 112 holidays were used',
      );
      ru.push(
        'ПРИБЛИЗИТЕЛЬНО: нет производственного календаря на этот год; учтены только выходные и праздники ст. 112 ТК РФ',
      );
    }
    return { explanation: `${en.join('; ')}.`, explanationRu: `${ru.join('; ')}.` };
  }
}
