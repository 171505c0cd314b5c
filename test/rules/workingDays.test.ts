import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CalendarGapError, WorkingCalendar, type HolidayEntry } from '../../src/rules/workingDays.ts';

// The eleven rows of shared/fixtures/inbox/02-holidays.csv, the county's 2027 arrangement.
const COUNTY_2027: HolidayEntry[] = [
  { date: '2027-01-01', type: '休息', name: '元旦' },
  { date: '2027-01-31', type: '上班', name: '春节调休' },
  { date: '2027-02-05', type: '休息', name: '春节' },
  { date: '2027-02-06', type: '休息', name: '春节' },
  { date: '2027-02-07', type: '休息', name: '春节' },
  { date: '2027-02-08', type: '休息', name: '春节' },
  { date: '2027-02-09', type: '休息', name: '春节' },
  { date: '2027-02-10', type: '休息', name: '春节' },
  { date: '2027-02-11', type: '休息', name: '春节' },
  { date: '2027-02-12', type: '休息', name: '春节' },
  { date: '2027-02-20', type: '上班', name: '春节调休' },
];

/** The 1st … n-th working days after `start`, as the calendar answers them one by one. */
function successiveWorkdays(cal: WorkingCalendar, start: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => cal.addWorkingDays(start, i + 1).date);
}

describe('WorkingCalendar with the built-in State Council tables', () => {
  const cal = new WorkingCalendar();

  it('ships holiday data for 2004 to 2026', () => {
    expect(WorkingCalendar.builtinYears).toEqual({ first: 2004, last: 2026 });
    expect(cal.covers(2004)).toBe(true);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2003)).toBe(false);
    expect(cal.covers(2027)).toBe(false);
  });

  it('puts the deadline of a case accepted on Monday 2026-11-02 on 2026-11-23, 15 working days later', () => {
    expect(cal.addWorkingDays('2026-11-02', 15)).toEqual({ date: '2026-11-23', covered: true, uncoveredYears: [] });
    expect(cal.workingDaysBetween('2026-11-02', '2026-11-23')).toEqual({ days: 15, covered: true, uncoveredYears: [] });
  });

  // 2026: 中秋 09-25 (Fri) to 09-27 off; 国庆 10-01 (Thu) to 10-07 off; make-up
  // working days Sunday 09-20 and Saturday 10-10.
  it('counts 15 working days from 2026-09-25 (中秋) across the National Day week and its make-up Saturday', () => {
    expect(successiveWorkdays(cal, '2026-09-25', 15)).toEqual([
      '2026-09-28', '2026-09-29', '2026-09-30',
      '2026-10-08', '2026-10-09', '2026-10-10',
      '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16',
      '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22',
    ]);
  });

  it('counts 15 working days from 2026-09-30, the last day before National Day', () => {
    expect(successiveWorkdays(cal, '2026-09-30', 15)).toEqual([
      '2026-10-08', '2026-10-09', '2026-10-10',
      '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16',
      '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23',
      '2026-10-26', '2026-10-27',
    ]);
  });

  it('counts the make-up Sunday 2026-09-20 as a working day', () => {
    expect(cal.addWorkingDays('2026-09-18', 1).date).toBe('2026-09-20');
    expect(cal.addWorkingDays('2026-09-18', 15).date).toBe('2026-10-15');
    expect(cal.day('2026-09-20')).toEqual({ date: '2026-09-20', work: true, covered: true, name: '国庆节', makeUp: true });
  });

  it('describes holidays, make-up days and ordinary days', () => {
    expect(cal.day('2026-10-01')).toEqual({ date: '2026-10-01', work: false, covered: true, name: '国庆节' });
    expect(cal.day('2026-10-03')).toEqual({ date: '2026-10-03', work: false, covered: true, name: '国庆节' });
    expect(cal.day('2026-09-26')).toEqual({ date: '2026-09-26', work: false, covered: true, name: '中秋' });
    expect(cal.day('2026-10-10')).toEqual({ date: '2026-10-10', work: true, covered: true, name: '国庆节', makeUp: true });
    expect(cal.day('2026-10-12')).toEqual({ date: '2026-10-12', work: true, covered: true });
    expect(cal.day('2026-10-11')).toEqual({ date: '2026-10-11', work: false, covered: true });
    expect(cal.isWorkday('2026-10-07')).toBe(false);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
  });

  // 2026 春节: 02-15 (Sun) to 02-23 (Mon) off; Saturdays 02-14 and 02-28 are working days.
  it('skips the 2026 Spring Festival and counts both make-up Saturdays', () => {
    expect(successiveWorkdays(cal, '2026-02-12', 15)).toEqual([
      '2026-02-13', '2026-02-14',
      '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28',
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06',
      '2026-03-09', '2026-03-10', '2026-03-11',
    ]);
  });

  it('lists the working days of February 2026', () => {
    expect(cal.workingDaysOfMonth('2026-02')).toEqual({
      dates: [
        '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06',
        '2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14',
        '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28',
      ],
      covered: true,
    });
  });

  it('lists the nine Spring Festival days off of 2026 by name, without ordinary weekends', () => {
    const days = cal.holidaysBetween('2026-02-01', '2026-03-01');
    expect(days.map((d) => d.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(new Set(days.map((d) => d.name))).toEqual(new Set(['春节']));
    expect(days.every((d) => !d.work && d.covered)).toBe(true);
  });

  it('lists 中秋 and 国庆节 separately in autumn 2026', () => {
    expect(cal.holidaysBetween('2026-09-20', '2026-10-11').map((d) => `${d.date} ${d.name}`)).toEqual([
      '2026-09-25 中秋', '2026-09-26 中秋', '2026-09-27 中秋',
      '2026-10-01 国庆节', '2026-10-02 国庆节', '2026-10-03 国庆节', '2026-10-04 国庆节',
      '2026-10-05 国庆节', '2026-10-06 国庆节', '2026-10-07 国庆节',
    ]);
    expect(cal.holidaysBetween('2026-10-11', '2026-10-01')).toEqual([]);
  });

  it('counts working days between two dates as (from, to], negative when to is earlier', () => {
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-08').days).toBe(1);
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07').days).toBe(0);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-07').days).toBe(0);
    expect(cal.workingDaysBetween('2026-10-27', '2026-09-30').days).toBe(-15);
    expect(cal.workingDaysBetween('2026-11-02', '2026-11-02').days).toBe(0);
  });

  it('returns the date itself for n = 0 and counts backwards for negative n', () => {
    expect(cal.addWorkingDays('2026-10-03', 0).date).toBe('2026-10-03');
    expect(cal.addWorkingDays('2026-10-12', -1).date).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-08', -1).date).toBe('2026-09-30');
  });

  it('rejects malformed dates, impossible dates and months', () => {
    expect(() => cal.day('2026-2-3')).toThrow(RangeError);
    expect(() => cal.day('2026-02-30')).toThrow(RangeError);
    expect(() => cal.workingDaysOfMonth('2026-13')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-02', 1.5)).toThrow(RangeError);
  });

  it('answers the same for a date asked again, past the bound of the dates it keeps numbered, and still rejects a bad one', () => {
    // 6,000 days (more than the 4,096 dates kept), each counted against the day before.
    let prev = '2008-01-01';
    for (let i = 1; i <= 6000; i++) {
      const next = new Date(Date.UTC(2008, 0, 1 + i)).toISOString().slice(0, 10);
      expect(cal.addWorkingDays(next, 0).date).toBe(next);
      expect(cal.workingDaysBetween(prev, next).days).toBe(cal.day(next).work ? 1 : 0);
      prev = next;
    }
    // January 2008: 23 weekdays, New Year's Day off.
    expect(cal.workingDaysBetween('2007-12-31', '2008-01-31').days).toBe(22);
    expect(cal.addWorkingDays('2007-12-31', 22).date).toBe('2008-01-31');
    expect(() => cal.day('2026-02-30')).toThrow(RangeError);
    expect(() => cal.day('2026-02-30')).toThrow(RangeError);
  });

  it('agrees with itself: the n-th working day after d is n working days after d', () => {
    const first = Date.UTC(2024, 0, 1);
    const days = (Date.UTC(2026, 11, 31) - first) / 86_400_000;
    const dateArb = fc.integer({ min: 0, max: days }).map((i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const result = cal.addWorkingDays(d, n);
        expect(cal.workingDaysBetween(d, result.date).days).toBe(n);
        if (n > 0) expect(cal.day(result.date).work).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('WorkingCalendar in a year the built-in tables lack', () => {
  it('answers 2027 from weekends alone and says it is not covered', () => {
    const cal = new WorkingCalendar();
    expect(cal.day('2027-01-01')).toEqual({ date: '2027-01-01', work: true, covered: false });
    // 12-29, 12-30, 12-31, then 2027-01-01 (a Friday, no 元旦 known) and Monday 01-04.
    expect(cal.addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-04', covered: false, uncoveredYears: [2027] });
    expect(cal.workingDaysOfMonth('2027-02').covered).toBe(false);
  });

  it('refuses isWorkday for 2027 with an error that names the year', () => {
    const cal = new WorkingCalendar();
    let caught: unknown;
    try {
      cal.isWorkday('2027-03-01');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarGapError);
    expect((caught as CalendarGapError).year).toBe(2027);
    expect((caught as CalendarGapError).message).toContain('2027 年');
    expect(() => cal.isWorkday('2003-10-08')).toThrow(CalendarGapError);
  });

  it('reports 2027 as uncovered for a range from December 2026 into January 2027', () => {
    const cal = new WorkingCalendar();
    // (12-25, 01-08]: 12-28 … 12-31, 01-01 (Friday), 01-04 … 01-08.
    expect(cal.workingDaysBetween('2026-12-25', '2027-01-08')).toEqual({ days: 10, covered: false, uncoveredYears: [2027] });
    expect(cal.workingDaysBetween('2027-01-08', '2026-12-25')).toEqual({ days: -10, covered: false, uncoveredYears: [2027] });
  });

  it('covers 2027 once the county has sent its holidays file', () => {
    const cal = new WorkingCalendar(COUNTY_2027);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.covers(2028)).toBe(false);
    expect(cal.isWorkday('2027-01-31')).toBe(true);
    expect(cal.day('2027-01-31')).toEqual({ date: '2027-01-31', work: true, covered: true, name: '春节调休', makeUp: true });
    expect(cal.isWorkday('2027-02-08')).toBe(false);
    expect(cal.day('2027-02-08')).toEqual({ date: '2027-02-08', work: false, covered: true, name: '春节' });
    expect(cal.isWorkday('2027-03-01')).toBe(true);
    // 12-29, 12-30, 12-31, then 元旦 off, so 01-04 and 01-05.
    expect(cal.addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', covered: true, uncoveredYears: [] });
    expect(cal.workingDaysBetween('2026-12-25', '2027-01-08')).toEqual({ days: 9, covered: true, uncoveredYears: [] });
  });

  it('counts a deadline across the county 2027 Spring Festival', () => {
    const cal = new WorkingCalendar(COUNTY_2027);
    // 02-05 … 02-12 off (02-06/07 are the weekend anyway); Saturday 02-20 works.
    expect(successiveWorkdays(cal, '2027-02-03', 8)).toEqual([
      '2027-02-04', '2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19', '2027-02-20', '2027-02-22',
    ]);
    expect(cal.holidaysBetween('2027-02-01', '2027-02-28').map((d) => d.date)).toEqual([
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12',
    ]);
  });
});

describe('WorkingCalendar with county entries for a built-in year', () => {
  const cal = new WorkingCalendar([
    { date: '2026-10-10', type: '休息', name: '国庆节（本县调整）' },
    { date: '2026-10-07', type: '上班' },
  ]);

  it('lets the county entry win over the built-in day', () => {
    expect(cal.day('2026-10-10')).toEqual({ date: '2026-10-10', work: false, covered: true, name: '国庆节（本县调整）' });
    expect(cal.day('2026-10-07')).toEqual({ date: '2026-10-07', work: true, covered: true });
    expect(cal.day('2026-10-06').work).toBe(false);
  });

  it('moves deadlines and holiday lists with the override', () => {
    // From 09-30: 10-07, 10-08, 10-09, then 10-12 … (10-10 is now off).
    expect(successiveWorkdays(cal, '2026-09-30', 4)).toEqual(['2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12']);
    expect(cal.holidaysBetween('2026-10-06', '2026-10-11').map((d) => d.date)).toEqual(['2026-10-06', '2026-10-10']);
  });

  it('takes the later of two county entries for the same date', () => {
    const corrected = new WorkingCalendar([
      { date: '2027-01-02', type: '上班', name: '元旦调休' },
      { date: '2027-01-02', type: '休息', name: '元旦' },
    ]);
    expect(corrected.day('2027-01-02')).toEqual({ date: '2027-01-02', work: false, covered: true, name: '元旦' });
  });
});
