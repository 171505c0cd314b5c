// The office clock's fixed +08:00 (src/office/clock.ts) against the zone
// database's Asia/Shanghai, through @date-fns/tz as the clock used before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { isoAt, now, nowFrom } from '../../src/office/clock.js';

const FROM = Date.UTC(1991, 8, 16); // the last daylight-saving period ended on 1991-09-15
const TO = Date.UTC(2100, 0, 1);

function byZone(ms: number): { date: string; iso: string } {
  const d = new TZDate(ms, 'Asia/Shanghai');
  return { date: format(d, 'yyyy-MM-dd'), iso: format(d, "yyyy-MM-dd'T'HH:mm:ssXXX") };
}

describe('office clock', () => {
  it('gives the date and ISO time Asia/Shanghai gives, for any moment since 1991-09-16', () => {
    fc.assert(fc.property(fc.integer({ min: FROM, max: TO }), (ms) => {
      const mine = nowFrom(ms);
      expect({ date: mine.date, iso: mine.iso }).toEqual(byZone(ms));
      expect(mine.ms).toBe(ms);
    }), { numRuns: 2000 });
  });

  it('turns the day at midnight in the office, whatever the machine zone', () => {
    expect(nowFrom(Date.UTC(2026, 10, 22, 15, 59, 59)).iso).toBe('2026-11-22T23:59:59+08:00');
    expect(nowFrom(Date.UTC(2026, 10, 22, 16, 0, 0)).date).toBe('2026-11-23');
    expect(isoAt(Date.UTC(2026, 11, 31, 16, 0, 0, 999))).toBe('2027-01-01T00:00:00+08:00');
  });

  it('reads JIUZHU_NOW as office wall time, with 09:00 for a bare date, as the zone did', () => {
    for (const v of ['2026-11-23', '2026-11-23T18:30', '2026-02-28 23:59:59', '2024-02-29T00:00:00', '2026-11-23T01:00:00Z', '2026-11-23T01:00:00+05:30']) {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
      const expected = m
        ? new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), m[4] ? Number(m[4]) : 9, Number(m[5] ?? 0), Number(m[6] ?? 0), 'Asia/Shanghai').getTime()
        : Date.parse(v);
      expect(now({ JIUZHU_NOW: v }).ms).toBe(expected);
    }
    expect(now({ JIUZHU_NOW: '2026-11-23' }).iso).toBe('2026-11-23T09:00:00+08:00');
  });

  it('refuses a JIUZHU_NOW it cannot read', () => {
    expect(() => now({ JIUZHU_NOW: 'tomorrow' })).toThrow();
  });
});
