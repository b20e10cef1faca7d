import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, weekday } from './iso-date.js';
import { loadDeadlineData } from './load-deadline-data.js';
import { ProductionCalendar, validateCalendarData } from './production-calendar.js';

const { calendar: data } = loadDeadlineData();

describe('the Russian production calendar', () => {
  test('covers every year from 2020 to 2027 and cites a decree for each', () => {
    const calendar = new ProductionCalendar(data);
    assert.deepEqual(calendar.coveredYears, [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const year of calendar.coveredYears)
      assert.match(calendar.basisOf(year) ?? '', /Постановление Правительства РФ/);
  });

  test('has the number of working days of the official calendar of each year', () => {
    const calendar = new ProductionCalendar(data);
    for (const [year, entry] of Object.entries(data.years)) {
      let working = 0;
      for (let d = `${year}-01-01`; d.startsWith(year); d = addDays(d, 1))
        if (!calendar.isNonWorkingDay(d)) working += 1;
      assert.equal(working, entry.expectedWorkingDays, `working days in ${year}`);
    }
  });

  test('lists transferred days off only on weekdays and working days only on weekends', () => {
    for (const entry of Object.values(data.years)) {
      for (const d of entry.extraDaysOff) assert.ok(weekday(d) >= 1 && weekday(d) <= 5, `${d} is a weekday`);
      for (const d of entry.workingWeekendDays)
        assert.ok(weekday(d) === 0 || weekday(d) === 6, `${d} is a weekend day`);
    }
  });

  test('classifies holidays, transfers, weekends and working Saturdays', () => {
    const calendar = new ProductionCalendar(data);
    assert.equal(calendar.kindOf('2025-01-07'), 'holiday');
    assert.equal(calendar.holidayName('2025-01-07'), 'Рождество Христово');
    assert.equal(calendar.kindOf('2025-12-31'), 'transferred_day_off');
    assert.equal(calendar.kindOf('2025-11-01'), 'working_weekend');
    assert.equal(calendar.kindOf('2025-11-08'), 'weekend');
    assert.equal(calendar.kindOf('2025-11-05'), 'working');
    assert.equal(calendar.isNonWorkingDay('2024-12-28'), false);
  });

  test('does not treat the 2020 presidential non-working days as days off', () => {
    assert.equal(new ProductionCalendar(data).isNonWorkingDay('2020-04-15'), false);
  });

  test('throws for a date outside the data by default, naming the missing year', () => {
    assert.throws(() => new ProductionCalendar(data).isNonWorkingDay('2019-05-06'), /no data for 2019/);
  });

  test('falls back to weekends and art. 112 holidays only when asked, and records the guessed year', () => {
    const calendar = new ProductionCalendar(data, 'fallback');
    assert.equal(calendar.isNonWorkingDay('2028-01-03'), true);
    assert.equal(calendar.isNonWorkingDay('2028-01-10'), false);
    assert.deepEqual([...calendar.fallbackYears], [2028]);
  });

  test('rejects a year without its decree or with a date from another year', () => {
    const bad = structuredClone(data);
    bad.years['2025'].basis = '';
    bad.years['2026'].extraDaysOff.push('2025-01-01');
    assert.throws(() => validateCalendarData(bad), /calendar data is invalid/);
  });
});
