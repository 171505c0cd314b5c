// The labour rules the marking and summary screens used to hold, tested as
// functions of src/attendance, without rendering.
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { cancelSession, heldSessionDates, planMonth, sessionToOpen } from '../../src/attendance/sessions.js';
import { closeMonth, closeRefusal, markingLock, markSession } from '../../src/attendance/marking.js';
import { adviceIn, flagCounts } from '../../src/attendance/summary.js';
import { weekdayWord } from '../../src/attendance/schedule.js';
import { setLang } from '../../src/i18n/index.js';
import { enrolment, family, labourOffice } from '../support/labour.js';

const op = (action: string) => ({ operator: '王芳', source: 'local' as const, action });

async function october(now: string): Promise<{ office: Office; id: string }> {
  const a = family([{ name: '刘建国', birth: '1978-03-15' }]);
  const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rules-')), 'office');
  await labourOffice(dir, { families: [a], enrolments: [enrolment(a)] }, now);
  const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: now } });
  await office.transact(op('attendance.plan'), (tx) => planMonth(tx, '2026-10'));
  return { office, id: a.members[0]!.idNumber };
}

describe('which session opens to mark', () => {
  it('is the one asked for, else the latest up to today, else the first to come, and never a cancelled one', async () => {
    const { office } = await october('2026-10-20T09:00:00+08:00');
    await office.transact(op('attendance.session.cancel'), (tx) => cancelSession(tx, '2026-10-19', '暴雨'));
    const dates = heldSessionDates(office.view);
    expect(dates).not.toContain('2026-10-19');
    expect(sessionToOpen(dates, '2026-10-20', '2026-10-23')).toBe('2026-10-23');
    expect(sessionToOpen(dates, '2026-10-20', '2026-10-19')).toBe('2026-10-16'); // cancelled: the latest before today instead
    expect(sessionToOpen(dates, '2026-10-20')).toBe('2026-10-16');
    expect(sessionToOpen(dates, '2026-09-01')).toBe('2026-10-09');
    expect(sessionToOpen([], '2026-10-20')).toBeNull();
  });
});

describe('the marking lock', () => {
  it('lets today and past sessions of an open month be marked, and says why a future or closed one cannot', async () => {
    const { office } = await october('2026-10-20T09:00:00+08:00');
    expect(markingLock(office.view, '2026-10-16', '2026-10-20')).toEqual({ closed: false, future: false, readOnly: false, refusal: null });
    const future = markingLock(office.view, '2026-10-21', '2026-10-20');
    expect([future.readOnly, future.refusal]).toEqual([true, '2026-10-21 的公益劳动还没到，不能提前签到']);
  });

  it('locks a closed month, and markSession refuses with the same words', async () => {
    const { office } = await october('2026-10-31T17:00:00+08:00');
    for (const d of heldSessionDates(office.view)) await office.transact(op('attendance.mark'), (tx) => markSession(tx, d, [], { rest: 'present' }));
    await office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-10'));
    const lock = markingLock(office.view, '2026-10-30', '2026-10-31');
    expect([lock.closed, lock.readOnly]).toEqual([true, true]);
    expect(lock.refusal).toContain('2026-10 的考勤已结账');
    await expect(office.transact(op('attendance.mark'), (tx) => markSession(tx, '2026-10-30', [], { rest: 'present' }))).rejects.toThrow(lock.refusal!);
  });
});

describe('whether a month can close', () => {
  it('refuses before its end, with a session not fully marked, and once closed; closeMonth refuses alike', async () => {
    const early = await october('2026-10-20T09:00:00+08:00');
    expect(closeRefusal(early.office.view, '2026-11', '2026-10-20')).toBe('2026-11 还没开始，不能结账');
    expect(closeRefusal(early.office.view, '2026-10', '2026-10-20')).toMatch(/^2026-10 还有 5 次公益劳动没到（2026-10-21、/);

    const { office, id } = await october('2026-10-31T17:00:00+08:00');
    const dates = heldSessionDates(office.view);
    for (const d of dates.slice(1)) await office.transact(op('attendance.mark'), (tx) => markSession(tx, d, [], { rest: 'present' }));
    expect(closeRefusal(office.view, '2026-10', '2026-10-31')).toBe(`2026-10 还有场次没签完：${dates[0]}。请先补签（jiuzhu attendance mark --date 日期 …，或 --rest present 把其余的人记为到）`);
    await office.transact(op('attendance.mark'), (tx) => markSession(tx, dates[0]!, [{ idNumber: id, status: 'absent' }]));
    expect(closeRefusal(office.view, '2026-10', '2026-10-31')).toBeNull();
    await office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-10'));
    const again = closeRefusal(office.view, '2026-10', '2026-10-31');
    expect(again).toBe('2026-10 的考勤已经结账了：更正请用 jiuzhu attendance amend');
    await expect(office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-10'))).rejects.toThrow(again!);
  });
});

describe('the flags of a month', () => {
  it('counts the warned apart from the recommended, and says the advice in Chinese for the township and in the clerk\'s language on screen', () => {
    const people = [
      { absent: 3, warning: true, recommendation: true },
      { absent: 2, warning: true, recommendation: false },
      { absent: 0, warning: false, recommendation: false },
    ];
    expect(flagCounts({ people } as never)).toEqual({ warned: 1, recommended: 1 });
    expect(people.map((p) => adviceIn('zh', p))).toEqual(['无故缺勤3次，建议按规定处理', '无故缺勤2次，已提醒', '']);
    expect(adviceIn('en', people[0]!)).toBe('3 absences without leave: action recommended');
    setLang('en');
    try {
      expect(weekdayWord('2026-11-23')).toBe('Monday');
      expect(weekdayWord('2026-11-23', 'zh')).toBe('星期一');
    } finally {
      setLang('zh');
    }
  });
});
