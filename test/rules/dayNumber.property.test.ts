// monthEnd and addMonthsToDate by arithmetic (no round trip through day
// numbers, they run for every enrolment in `status`) against Date.UTC.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonthsToDate, monthEnd } from '../../src/rules/dayNumber.js';

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const date = fc.record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });

describe('month arithmetic', () => {
  it('monthEnd is the day before the next month’s first', () => {
    fc.assert(
      fc.property(date, ({ y, m }) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(monthEnd(month)).toBe(iso(Date.UTC(y, m, 1) - 86400000));
      }),
    );
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2000-02')).toBe('2000-02-29');
  });

  it('addMonthsToDate keeps the day, or the month’s last where it has none', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40, max: 40 }), ({ y, m, d }, n) => {
        const lastOfStart = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const day = Math.min(d, lastOfStart);
        const start = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
        expect(addMonthsToDate(start, n)).toBe(iso(Date.UTC(y, m - 1 + n, Math.min(day, last))));
      }),
    );
    expect(addMonthsToDate('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-01-15', -1)).toBe('2025-12-15');
  });
});
