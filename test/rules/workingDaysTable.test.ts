// The working-day calendar reads chinese-days' data file instead of running
// its code (start-up): for every day the package covers and beyond, both give
// the same named day, the same working or not.
import { describe, expect, it } from 'vitest';
import cd from 'chinese-days';
import { builtinEntry, WorkingCalendar } from '../../src/rules/workingDays.js';
import { dateOf, dayNo } from '../../src/rules/dayNumber.js';

/** The entry as read through the package's code before. */
function throughCode(date: string): { work: boolean; name: string } | null {
  const detail = cd.getDayDetail(date);
  const zh = detail.name.split(',')[1];
  return zh === undefined ? null : { work: detail.work, name: zh };
}

describe('chinese-days tables read from its data file', () => {
  it('name the same days, working or not, as the package code, 1990 to 2100', () => {
    const mismatches: string[] = [];
    let named = 0;
    for (let n = dayNo('1990-01-01'), end = dayNo('2100-12-31'); n <= end; n++) {
      const date = dateOf(n);
      const a = builtinEntry(date);
      const b = throughCode(date);
      if (a) named++;
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${date}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(named).toBeGreaterThan(500);
  });

  it('cover the years the package ships', () => {
    const { first, last } = WorkingCalendar.builtinYears;
    expect(first).toBeLessThanOrEqual(2026);
    expect(last).toBeGreaterThanOrEqual(2026);
  });
});
