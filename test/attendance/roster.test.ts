import { describe, it, expect } from 'vitest';
import { rosterOn, quarterEnd, enrolmentStatusOn, personalReason, type RosterData } from '../../src/attendance/roster.js';
import { defaultSettings } from '../../src/office/settings.js';
import type { Exemption } from '../../src/attendance/types.js';
import { enrolment, family, openCase } from '../support/labour.js';

const labour = defaultSettings({ code: '430105003001', name: '东风社区' }).labour;

function due(data: RosterData, date: string): string[] {
  return rosterOn(data, date).map((r) => r.name).sort();
}

describe('who must attend (derived roster)', () => {
  it('drops a member on the day of the 60th birthday inside the month, and takes in one on the 18th', () => {
    const f = family([
      { name: '刘建国', birth: '1966-11-15' },
      { name: '刘小军', birth: '2008-11-20' },
    ]);
    const data: RosterData = { members: f.members, enrolments: [enrolment(f)], cases: [], exemptions: [], labour };
    expect(due(data, '2026-11-13')).toEqual(['刘建国']);
    expect(due(data, '2026-11-16')).toEqual([]);
    expect(due(data, '2026-11-20')).toEqual(['刘小军']);
    expect(personalReason(data, f.members[0]!, '2026-11-16')).toBe('已满 60 周岁');
  });

  it('puts a person back on the roster the day after an exemption ends mid-month', () => {
    const f = family([{ name: '周秀兰', birth: '1990-04-02' }]);
    const x: Exemption = { id: 'x1', idNumber: f.members[0]!.idNumber, kind: '怀孕', reason: '孕晚期', from: '2026-08-01', to: '2026-11-10', recordedOn: '2026-08-01' };
    const data: RosterData = { members: f.members, enrolments: [enrolment(f)], cases: [], exemptions: [x], labour };
    expect(due(data, '2026-11-09')).toEqual([]);
    expect(due(data, '2026-11-10')).toEqual([]);
    expect(due(data, '2026-11-11')).toEqual(['周秀兰']);
    expect(personalReason(data, f.members[0]!, '2026-11-09')).toBe('免于参加：怀孕（孕晚期），至 2026-11-10');
  });

  it('leaves out a household suspended by a benefit change from its effective month, but counts it before', () => {
    const f = family([{ name: '陈志强', birth: '1980-03-08' }]);
    const e = enrolment(f, {
      status: 'suspended',
      history: [
        { at: '2026-01-01T09:00:00+08:00', event: 'roster', month: '2026-01', source: 'local' },
        { at: '2026-10-21T10:00:00+08:00', event: 'suspended', month: '2026-11', date: '2026-10-20', source: 'file:abc', reason: '无故不参加公益劳动' },
      ],
    });
    const data: RosterData = { members: f.members, enrolments: [e], cases: [], exemptions: [], labour };
    expect(enrolmentStatusOn(e, '2026-10-30')).toBe('active');
    expect(due(data, '2026-10-30')).toEqual(['陈志强']);
    expect(due(data, '2026-11-02')).toEqual([]);
  });

  it('takes in applicants able to work from acceptance for one quarter, while the case is open', () => {
    const f = family([
      { name: '赵德明', birth: '1975-06-01' },
      { name: '王桂花', birth: '1950-02-01' },
      { name: '赵小红', birth: '1999-09-09', ability: '无' },
    ]);
    const c = openCase(f, '430105003001-2026-0003', '2026-08-17', 'submitted');
    const data: RosterData = { members: f.members, enrolments: [], cases: [c], exemptions: [], labour };
    expect(quarterEnd('2026-08-17')).toBe('2026-11-17');
    expect(due(data, '2026-08-16')).toEqual([]);
    expect(due(data, '2026-08-17')).toEqual(['赵德明']);
    expect(due(data, '2026-11-16')).toEqual(['赵德明']);
    expect(due(data, '2026-11-17')).toEqual([]);
    expect(rosterOn(data, '2026-09-01')[0]).toMatchObject({ basis: 'applicant', caseNo: '430105003001-2026-0003' });
    const withdrawn = { ...c, status: 'withdrawn' as const };
    expect(due({ ...data, cases: [withdrawn] }, '2026-09-01')).toEqual([]);
  });

  it('ends a quarter from the 30th of November on the last day of February', () => {
    expect(quarterEnd('2026-11-30')).toBe('2027-03-01');
    expect(quarterEnd('2026-12-31')).toBe('2027-03-31');
    expect(quarterEnd('2026-10-05')).toBe('2027-01-05');
  });

  it('counts only covered members of a single-person enrolment, and no one without work ability or with a disability', () => {
    const f = family([
      { name: '黄桂英', birth: '1970-05-05' },
      { name: '黄志伟', birth: '1995-01-01' },
      { name: '黄志华', birth: '1997-01-01', ability: '部分' },
      { name: '黄志明', birth: '1998-01-01', disability: '四级' },
    ]);
    const covered = [f.members[0]!.idNumber, f.members[2]!.idNumber, f.members[3]!.idNumber];
    const data: RosterData = { members: f.members, enrolments: [enrolment(f, { covered })], cases: [], exemptions: [], labour };
    expect(due(data, '2026-11-02')).toEqual(['黄志华', '黄桂英']);
  });
});
