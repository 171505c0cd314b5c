import { describe, it, expect } from 'vitest';
import { defaultSettings, settingsSchema } from '../src/office/settings.js';
import { now, nowFrom } from '../src/office/clock.js';

describe('settings', () => {
  it('start with the defaults table of product.md', () => {
    const s = defaultSettings({ code: '430105003001', name: '东风社区' });
    expect(settingsSchema().parse(s)).toEqual(s);
    expect(s.deadlines).toMatchObject({ communityWorkingDays: 15, investigationWorkingDays: 3, noticeCalendarDays: 7, warnWorkingDays: 3 });
    expect(s.reviewMonths).toEqual({ A: 6, B: 3, C: 1 });
    expect(s.gradualExitMonths).toBe(3);
    expect(s.labour).toMatchObject({ minAge: 18, maxAge: 60, warnAbsences: 2, recommendAbsences: 3, weekdays: [1, 3, 5], start: '10:00', end: '11:00', groups: 6 });
    expect(s.nearPovertyPercent).toBe(150);
    expect(s.excludedIncomeKinds).toEqual(expect.arrayContaining(['优抚金', '计划生育奖励扶助金', '奖学金', '见义勇为奖金']));
    expect(s.office.area).toBe('城市');
  });

  it('refuses an office code that is not 12 digits', () => {
    expect(settingsSchema().safeParse(defaultSettings({ code: '43010500300', name: 'x' })).success).toBe(false);
  });
});

describe('the clock', () => {
  it('reads JIUZHU_NOW as a date (09:00 Beijing time) or a timestamp', () => {
    expect(now({ JIUZHU_NOW: '2026-11-23' })).toMatchObject({ date: '2026-11-23', iso: '2026-11-23T09:00:00+08:00' });
    expect(now({ JIUZHU_NOW: '2026-11-22T23:30:00Z' })).toMatchObject({ date: '2026-11-23', iso: '2026-11-23T07:30:00+08:00' });
    expect(now({ JIUZHU_NOW: '2026-12-31T23:59:59' }).date).toBe('2026-12-31');
    expect(() => now({ JIUZHU_NOW: '下周一' })).toThrow(/JIUZHU_NOW/);
  });

  it('gives the office date in Beijing time whatever the machine zone', () => {
    // 2026-11-22 16:30 UTC is already 00:30 on the 23rd in Beijing.
    expect(nowFrom(Date.UTC(2026, 10, 22, 16, 30)).date).toBe('2026-11-23');
  });
});
