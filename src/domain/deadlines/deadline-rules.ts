import { invalid } from '../errors.js';

/** The event a term is counted from. */
export const START_EVENTS = ['received', 'registered', 'sent'] as const;
export type StartEvent = (typeof START_EVENTS)[number];

export const DEADLINE_UNITS = ['calendar_days', 'working_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const END_POLICIES = ['next_working_day_upk_128', 'next_working_day_gk_193', 'none'] as const;
/** How a term that ends on a non-working day is treated; each policy cites its rule in the data. */
export type EndPolicy = (typeof END_POLICIES)[number];

export interface Bilingual {
  ru: string;
  en: string;
}

/** A lawful extension of a term: 'add' extends by up to maxDays, 'total' sets the whole term to at most maxDays. */
export interface DeadlineExtension {
  id: string;
  label: Bilingual;
  citation: string;
  kind: 'add' | 'total';
  maxDays: number;
  condition: string;
}

/** One legal term, as data/deadline-rules.json states it. */
export interface DeadlineRule {
  id: string;
  label: Bilingual;
  citation: string;
  text: string;
  startEvent: StartEvent;
  amount: number;
  unit: DeadlineUnit;
  endOnNonWorkingDay: EndPolicy;
  extensions: DeadlineExtension[];
  note?: string;
}

export interface DeadlineRulesData {
  endOnNonWorkingDayPolicies: Record<EndPolicy, { citation: string; ru: string; en: string }>;
  rules: DeadlineRule[];
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Validates the rules file so a bad edit is reported with its path instead of producing wrong dates. */
export function validateDeadlineRules(value: unknown): DeadlineRulesData {
  const data = value as DeadlineRulesData;
  if (!data || !Array.isArray(data.rules) || !data.endOnNonWorkingDayPolicies) {
    throw invalid('deadline rules are malformed', [
      { path: '/', message: 'needs rules and endOnNonWorkingDayPolicies' },
    ]);
  }
  const problems: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  data.rules.forEach((rule, i) => {
    const at = (field: string) => `/rules/${i}/${field}`;
    if (!rule.id || ids.has(rule.id)) problems.push({ path: at('id'), message: 'missing or duplicate id' });
    ids.add(rule.id);
    if (!rule.citation) problems.push({ path: at('citation'), message: 'every rule must cite the law' });
    if (!rule.label?.ru || !rule.label?.en)
      problems.push({ path: at('label'), message: 'needs ru and en labels' });
    if (!oneOf(START_EVENTS, rule.startEvent))
      problems.push({ path: at('startEvent'), message: 'unknown start event' });
    if (!oneOf(DEADLINE_UNITS, rule.unit)) problems.push({ path: at('unit'), message: 'unknown unit' });
    if (!oneOf(END_POLICIES, rule.endOnNonWorkingDay)) {
      problems.push({ path: at('endOnNonWorkingDay'), message: 'unknown policy' });
    }
    if (!Number.isInteger(rule.amount) || rule.amount < 1)
      problems.push({ path: at('amount'), message: 'positive integer' });
    (rule.extensions ?? []).forEach((ext, j) => {
      if (!ext.id || ids.has(ext.id))
        problems.push({ path: at(`extensions/${j}/id`), message: 'missing or duplicate id' });
      ids.add(ext.id);
      if (!ext.citation)
        problems.push({ path: at(`extensions/${j}/citation`), message: 'must cite the law' });
      if (ext.kind !== 'add' && ext.kind !== 'total')
        problems.push({ path: at(`extensions/${j}/kind`), message: 'add or total' });
      if (!Number.isInteger(ext.maxDays) || ext.maxDays < 1) {
        problems.push({ path: at(`extensions/${j}/maxDays`), message: 'positive integer' });
      }
    });
  });
  if (problems.length) throw invalid('deadline rules are invalid', problems);
  return data;
}
