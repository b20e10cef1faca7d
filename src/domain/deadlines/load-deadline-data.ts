import { readFileSync } from 'node:fs';
import { type DeadlineRulesData, validateDeadlineRules } from './deadline-rules.js';
import { type CalendarData, validateCalendarData } from './production-calendar.js';

// src/domain/deadlines and dist/domain/deadlines sit at the same depth below the repository root.
const CALENDAR_URL = new URL('../../../data/calendar/ru-non-working-days.json', import.meta.url);
const RULES_URL = new URL('../../../data/deadline-rules.json', import.meta.url);

/** Reads and validates the shipped calendar and rules; the only file access in this module. */
export function loadDeadlineData(): { calendar: CalendarData; rules: DeadlineRulesData } {
  return {
    calendar: validateCalendarData(JSON.parse(readFileSync(CALENDAR_URL, 'utf8'))),
    rules: validateDeadlineRules(JSON.parse(readFileSync(RULES_URL, 'utf8'))),
  };
}
