import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { planMonth } from '../../src/attendance/sessions.js';
import { addExemption } from '../../src/attendance/exemptions.js';
import { amendMark, closeMonth, markSession } from '../../src/attendance/marking.js';
import { monthSummary } from '../../src/attendance/summary.js';
import { openPending } from '../../src/office/pending.js';
import { enrolment, family, labourOffice, openCase } from '../support/labour.js';

const op = (action: string) => ({ operator: '王芳', source: 'local' as const, action });

describe('a month of labour: plan, mark, summary, close, amend', () => {
  it('gives the hand-computed summary, a recommendation at 3 absences, the outbound file, and a journaled correction', async () => {
    const a = family([{ name: '刘建国', birth: '1978-03-15' }]);
    const b = family([{ name: '周秀兰', birth: '1990-04-02' }]);
    const c = family([{ name: '陈志强', birth: '1980-03-08' }]);
    const d = family([{ name: '赵德明', birth: '1975-06-01' }]);
    const e = family([{ name: '黄桂英', birth: '1966-11-15' }]);
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-att-')), 'office');
    await labourOffice(dir, {
      families: [a, b, c, d, e],
      enrolments: [enrolment(a), enrolment(b), enrolment(c), enrolment(e)],
      cases: [openCase(d, '430105003001-2026-0003', '2026-08-17', 'submitted')],
    });
    const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: '2026-11-30T12:00:00+08:00' } });
    const id = (f: typeof a) => f.members[0]!.idNumber;

    const plan = (await office.transact(op('attendance.plan'), (tx) => planMonth(tx, '2026-11'))).result;
    expect(plan.created.map((x) => x.slice(8))).toEqual(['02', '04', '06', '09', '11', '13', '16', '18', '20', '23', '25', '27', '30']);
    await office.transact(op('attendance.exempt'), (tx) => addExemption(tx, { idNumber: id(b), kind: '怀孕', reason: '孕晚期', from: '2026-08-01', to: '2026-11-10' }));

    const exceptions: Record<string, { idNumber: string; status: 'late' | 'excused' | 'absent'; note?: string }[]> = {
      '2026-11-04': [{ idNumber: id(a), status: 'absent' }],
      '2026-11-06': [{ idNumber: id(c), status: 'absent' }],
      '2026-11-09': [{ idNumber: id(c), status: 'absent' }],
      '2026-11-11': [{ idNumber: id(a), status: 'absent' }],
      '2026-11-13': [{ idNumber: id(c), status: 'excused', note: '看病' }],
      '2026-11-16': [{ idNumber: id(d), status: 'absent' }],
      '2026-11-18': [{ idNumber: id(a), status: 'absent' }],
      '2026-11-25': [{ idNumber: id(a), status: 'late' }],
      '2026-11-30': [{ idNumber: id(a), status: 'excused', note: '照顾家人' }],
    };
    for (const date of plan.created) {
      await office.transact(op('attendance.mark'), (tx) => markSession(tx, date, exceptions[date] ?? [], { rest: 'present' }));
    }

    // Hand-computed: 13 sessions. 周秀兰 due from 11-11 (9); 赵德明's quarter ends 11-17 (7: 2…16);
    // 黄桂英 turns 60 on 11-15 (6: 2…13).
    const s = monthSummary(office.view, '2026-11', '2026-11-30');
    const table = s.people.map((p) => [p.name, p.due, p.attended, p.excused, p.absent, p.warning, p.recommendation]).sort();
    expect(table).toEqual([
      ['刘建国', 13, 9, 1, 3, true, true],
      ['周秀兰', 9, 9, 0, 0, false, false],
      ['赵德明', 7, 6, 0, 1, false, false],
      ['陈志强', 13, 10, 1, 2, true, false],
      ['黄桂英', 6, 6, 0, 0, false, false],
    ]);
    expect(s.people.find((p) => p.name === '刘建国')!.late).toBe(1);
    expect(s.unmarkedSessions).toEqual([]);

    const pending = openPending(office.view);
    expect(pending.map((p) => [p.kind, p.householderName, p.since])).toEqual([['attendance-recommendation', '刘建国', '2026-11-30']]);
    expect(pending[0]!.reason).toContain('无故缺勤 3 次');

    const closed = (await office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-11'))).result;
    expect(closed.closed).toBe(true);
    const out = office.view.all('outbound') as unknown as { kind: string; columns: string[]; rows: string[][] }[];
    expect(out).toHaveLength(1);
    expect(out[0]!.columns).toEqual(['年月', '身份证号', '姓名', '应参加次数', '实参加次数', '请假次数', '缺勤次数', '处理建议']);
    expect([...out[0]!.rows].sort((x, y) => x[2]!.localeCompare(y[2]!))).toEqual(
      [
        ['2026-11', id(a), '刘建国', '13', '9', '1', '3', '无故缺勤3次，建议按规定处理'],
        ['2026-11', id(b), '周秀兰', '9', '9', '0', '0', ''],
        ['2026-11', id(d), '赵德明', '7', '6', '0', '1', ''],
        ['2026-11', id(c), '陈志强', '13', '10', '1', '2', '无故缺勤2次，已提醒'],
        ['2026-11', id(e), '黄桂英', '6', '6', '0', '0', ''],
      ].sort((x, y) => x[2]!.localeCompare(y[2]!)),
    );

    // Closed: marking refuses; an amendment with a reason is journaled and re-sends the month.
    await expect(office.transact(op('attendance.mark'), (tx) => markSession(tx, '2026-11-18', [{ idNumber: id(a), status: 'excused', note: '看病' }]))).rejects.toThrow(/已结账/);
    await expect(office.transact(op('attendance.amend'), (tx) => amendMark(tx, '2026-11-18', { idNumber: id(a), status: 'excused', note: '看病' }, ' '))).rejects.toThrow(/原因/);
    const { seq } = await office.transact(op('attendance.amend'), (tx) => amendMark(tx, '2026-11-18', { idNumber: id(a), status: 'excused', note: '看病' }, '补交病假条'));
    expect(seq).not.toBeNull();
    const month = office.view.get('attendanceMonths', '2026-11')!;
    expect(month.amendments).toEqual([{ on: '2026-11-30', date: '2026-11-18', idNumber: id(a), from: { status: 'absent' }, to: { status: 'excused', note: '看病' }, reason: '补交病假条' }]);
    expect(month.outboundIds).toHaveLength(2);
    const again = (office.view.all('outbound') as unknown as { rows: string[][] }[]).at(-1)!;
    expect(again.rows.find((r) => r[2] === '刘建国')).toEqual(['2026-11', id(a), '刘建国', '13', '9', '2', '2', '无故缺勤2次，已提醒']);
    expect(openPending(office.view)).toEqual([]);
  });
});

describe('planning a month the built-in calendar does not cover', () => {
  it('uses the county holidays kept in the store for February 2027, and says so when they are missing', async () => {
    const f = family([{ name: '刘建国', birth: '1978-03-15' }]);
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-att-')), 'office');
    const office = await labourOffice(dir, { families: [f], enrolments: [enrolment(f)] }, '2027-01-20');
    const bare = (await office.transact(op('attendance.plan'), (tx) => planMonth(tx, '2027-03'))).result;
    expect(bare.covered).toBe(false);
    // The rows of shared/fixtures/inbox/02-holidays.csv, as the sync run stores them.
    await office.transact(op('test.holidays'), (tx) => {
      const rows: [string, '休息' | '上班', string][] = [
        ['2027-01-01', '休息', '元旦'], ['2027-01-31', '上班', '春节调休'],
        ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => [`2027-02-${d}`, '休息', '春节'] as [string, '休息', string]),
        ['2027-02-20', '上班', '春节调休'],
      ];
      for (const [date, type, name] of rows) tx.put('holidays', date, { id: date, date, type, name });
    });
    const feb = (await office.transact(op('attendance.plan'), (tx) => planMonth(tx, '2027-02'))).result;
    expect(feb.covered).toBe(true);
    expect(feb.created.map((d) => d.slice(8))).toEqual(['01', '03', '15', '17', '19', '22', '24', '26']);
    expect(feb.skipped.map((s) => `${s.date.slice(8)} ${s.name}`)).toEqual(['05 春节', '08 春节', '10 春节', '12 春节']);
  });
});

describe('closing a month', () => {
  it('refuses to mark a session whose day has not come', async () => {
    const f = family([{ name: '刘建国', birth: '1978-03-15' }]);
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-att-')), 'office');
    const office = await labourOffice(dir, { families: [f], enrolments: [enrolment(f)] }, '2026-11-25T12:00:00+08:00');
    await office.transact(op('attendance.plan'), (tx) => planMonth(tx, '2026-11'));
    await expect(office.transact(op('attendance.mark'), (tx) => markSession(tx, '2026-11-27', [], { rest: 'present' }))).rejects.toThrow('2026-11-27 的公益劳动还没到，不能提前签到');
    expect(office.view.get('sessions', '2026-11-27')?.marks).toEqual({});
  });

  it('refuses a month not begun, and one with sessions still to come, planned or only scheduled', async () => {
    const f = family([{ name: '刘建国', birth: '1978-03-15' }]);
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-att-')), 'office');
    const office = await labourOffice(dir, { families: [f], enrolments: [enrolment(f)] }, '2026-11-25T12:00:00+08:00');
    await expect(office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-12'))).rejects.toThrow('2026-12 还没开始，不能结账');
    // November not even planned: its 27th and 30th are still to come.
    await expect(office.transact(op('attendance.close'), (tx) => closeMonth(tx, '2026-11'))).rejects.toThrow('2026-11 还有 2 次公益劳动没到（2026-11-27、2026-11-30）');
    expect(office.view.get('attendanceMonths', '2026-11')).toBeUndefined();
  });
});
