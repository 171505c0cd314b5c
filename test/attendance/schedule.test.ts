import { describe, it, expect } from 'vitest';
import { scheduledDays, tasksForWeek } from '../../src/attendance/schedule.js';
import { WorkingCalendar, type HolidayEntry } from '../../src/rules/workingDays.js';
import { defaultSettings } from '../../src/office/settings.js';

const labour = defaultSettings({ code: '430105003001', name: '东风社区' }).labour;

function sessions(month: string, cal: WorkingCalendar, makeUp = false): string[] {
  return scheduledDays(month, { ...labour, sessionsOnMakeUpDays: makeUp }, cal)
    .filter((d) => d.skipped === undefined)
    .map((d) => d.date.slice(8));
}

// 2027 is beyond chinese-days: the county's holidays file (the shape of
// shared/fixtures/inbox/02-holidays.csv) plus a National Day block.
const COUNTY_2027: HolidayEntry[] = [
  { date: '2027-01-01', type: '休息', name: '元旦' },
  { date: '2027-01-31', type: '上班', name: '春节调休' },
  ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, type: '休息' as const, name: '春节' })),
  { date: '2027-02-20', type: '上班', name: '春节调休' },
  { date: '2027-09-26', type: '上班', name: '国庆节调休' },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2027-10-${d}`, type: '休息' as const, name: '国庆节' })),
  { date: '2027-10-09', type: '上班', name: '国庆节调休' },
];

describe('sessions from the weekly schedule (Mon/Wed/Fri)', () => {
  const cal2026 = new WorkingCalendar();
  const cal2027 = new WorkingCalendar(COUNTY_2027);

  it('skips the Spring Festival week of 2026 (15–23 February)', () => {
    // Hand-made: Mon/Wed/Fri of February 2026 are 2 4 6 9 11 13 16 18 20 23 25 27; 16–23 are 春节.
    expect(sessions('2026-02', cal2026)).toEqual(['02', '04', '06', '09', '11', '13', '25', '27']);
    const skipped = scheduledDays('2026-02', labour, cal2026).filter((d) => d.skipped);
    expect(skipped).toEqual(['16', '18', '20', '23'].map((d) => ({ date: `2026-02-${d}`, skipped: '春节' })));
  });

  it('skips 中秋 and National Day of 2026, and adds the make-up Sunday and Saturday only when the office says so', () => {
    // September: 2 4 7 9 11 14 16 18 21 23 25(中秋) 28 30; October: 2 5 7 (国庆) 9 12 14 16 19 21 23 26 28 30.
    expect(sessions('2026-09', cal2026)).toEqual(['02', '04', '07', '09', '11', '14', '16', '18', '21', '23', '28', '30']);
    expect(sessions('2026-10', cal2026)).toEqual(['09', '12', '14', '16', '19', '21', '23', '26', '28', '30']);
    expect(sessions('2026-09', cal2026, true)).toContain('20');
    expect(sessions('2026-10', cal2026, true)).toEqual(['09', '10', '12', '14', '16', '19', '21', '23', '26', '28', '30']);
  });

  it('uses the county holidays for 2027: the Spring Festival and National Day weeks', () => {
    // February 2027: Mon/Wed/Fri 1 3 5 8 10 12 15 17 19 22 24 26; 5–12 are 春节; 20 is a working Saturday.
    expect(sessions('2027-02', cal2027)).toEqual(['01', '03', '15', '17', '19', '22', '24', '26']);
    expect(sessions('2027-02', cal2027, true)).toEqual(['01', '03', '15', '17', '19', '20', '22', '24', '26']);
    expect(sessions('2027-01', cal2027, true)).toContain('31');
    // October 2027: Mon/Wed/Fri 1 4 6 8 11 …; 1–7 are 国庆节.
    expect(sessions('2027-10', cal2027)).toEqual(['08', '11', '13', '15', '18', '20', '22', '25', '27', '29']);
    expect(cal2027.covers(2027)).toBe(true);
    // Without the county file the year is not covered, and National Day would wrongly have sessions.
    expect(new WorkingCalendar().covers(2027)).toBe(false);
    expect(sessions('2027-10', new WorkingCalendar())[0]).toBe('01');
  });

  it('rotates six groups through the six tasks week by week, each group meeting every task', () => {
    const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'].map((d) => tasksForWeek(d, labour));
    for (const w of weeks) expect(new Set(w).size).toBe(6);
    for (let g = 0; g < 6; g++) expect(new Set(weeks.map((w) => w[g])).size).toBe(6);
    expect(tasksForWeek('2026-11-04', labour)).toEqual(tasksForWeek('2026-11-02', labour)); // same week, same tasks
    expect(weeks[1]![0]).toBe(weeks[0]![1]); // next week group 1 takes what group 2 did
  });
});
