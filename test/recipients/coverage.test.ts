// Single-person coverage (单人保, issue 15 item 2): a county approval for fewer
// persons than the household has covers the members its 原因 names, waits for
// the clerk's choice on the pending list, and the choice is kept across later
// files; the labour roster and the payroll follow exactly the covered members.
import { describe, it, expect } from 'vitest';
import { CASE, CHEN, csv, drop, makeOffice, sync, type TestOffice } from '../support/office.js';
import { openPending } from '../../src/office/pending.js';
import type { Enrolment } from '../../src/office/model.js';
import { coverageQuestion, coverMembers, namedInReason } from '../../src/recipients/coverage.js';
import { enrolmentRows } from '../../src/recipients/enrolmentList.js';
import { rosterDataOf, rosterOn } from '../../src/attendance/roster.js';
import { settingsOf } from '../../src/office/context.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];
const LI_MEI = '430105198405061666';
const CHEN_HAORAN = '430105201209014170';
const WANG = '430105195502172081';

const approve = (persons: string, reason: string, date = '2026-11-25') =>
  DECISION.map((h) => ({ 申请编号: CASE(3), 身份证号: CHEN, 审批结果: '批准', 审批日期: date, 救助类别: '低保', 保障人数: persons, '月保障金额(元)': '900', 起始年月: '2026-12', 分类: 'A', 原因: reason, 发送单位代码: '430105' })[h] ?? '');

const enrolment = (t: TestOffice) => t.office.view.get('enrolments', `h${CHEN}:低保`) as Enrolment;

async function decide(t: TestOffice, name: string, row: string[]) {
  drop(t, name, csv(DECISION, [row]));
  const r = await sync(t);
  expect(r.files.map((f) => f.outcome)).toEqual(['applied']);
}

describe('single-person coverage', () => {
  it('reads the names of the reason', () => {
    const members = [{ idNumber: 'a', name: '李梅' }, { idNumber: 'b', name: '李梅梅' }, { idNumber: 'c', name: '陈浩然' }];
    expect(namedInReason('仅保障李梅梅、陈浩然', members)).toEqual(['b', 'c']);
    expect(namedInReason('仅保障李梅、陈浩然', members)).toEqual(['a', 'c']);
    expect(namedInReason('', members)).toEqual([]);
  });

  it('covers the members the reason names, asks the clerk, and keeps the choice', async () => {
    const t = await makeOffice({ now: '2026-11-26' });
    await decide(t, 'd1.csv', approve('2', '仅保障李梅、陈浩然'));
    // Before the fix the householder and the first ID numbers were covered (陈志强, 王淑珍).
    expect([...enrolment(t).covered].sort()).toEqual([LI_MEI, CHEN_HAORAN].sort());
    const pending = openPending(t.office.view).filter((p) => p.kind === 'coverage-unchosen');
    expect(pending.map((p) => p.caseNo)).toEqual([CASE(3)]);
    expect(pending[0]!.reason).toContain('李梅、陈浩然');
    const q = coverageQuestion(t.office.view, CASE(3))!;
    expect(q.persons).toBe(2);
    expect(q.suggested?.sort()).toEqual([LI_MEI, CHEN_HAORAN].sort());
    expect(q.chosen).toBe(false);

    // A wrong count is refused with the numbers.
    await expect(t.office.transact({ operator: '王芳', source: 'local', action: 'enrolment.cover' }, (tx) => coverMembers(tx, CASE(3), [LI_MEI], '王芳'))).rejects.toThrow(/2 人.*1 人/);
    await t.office.transact({ operator: '王芳', source: 'local', action: 'enrolment.cover' }, (tx) => coverMembers(tx, CASE(3), [LI_MEI, WANG], '王芳'));
    expect([...enrolment(t).covered].sort()).toEqual([LI_MEI, WANG].sort());
    expect(openPending(t.office.view).filter((p) => p.kind === 'coverage-unchosen')).toEqual([]);
    expect([...(enrolmentRows(t.office.view, '2026-12-01').find((r) => r.caseNo === CASE(3))?.covered ?? [])].sort()).toEqual([LI_MEI, WANG].sort());

    // The labour roster follows the covered members only.
    const roster = rosterOn(rosterDataOf(t.office.view, settingsOf(t.office.view).labour), '2026-12-10');
    const chenHousehold = roster.filter((r) => r.householdId === `h${CHEN}`).map((r) => r.idNumber);
    expect(chenHousehold).not.toContain(CHEN);
    expect(chenHousehold.every((id) => id === LI_MEI || id === WANG)).toBe(true);

    // A later decision of the same size keeps the clerk's choice; one of another size asks again.
    await decide(t, 'd2.csv', approve('2', '仅保障李梅、陈浩然', '2026-11-27'));
    expect([...enrolment(t).covered].sort()).toEqual([LI_MEI, WANG].sort());
    await decide(t, 'd3.csv', approve('3', '', '2026-11-28'));
    expect(enrolment(t).covered).toHaveLength(3);
    expect(openPending(t.office.view).filter((p) => p.kind === 'coverage-unchosen').map((p) => p.reason)[0]).toContain('请选择');
    await decide(t, 'd4.csv', approve('4', '', '2026-11-29'));
    expect(enrolment(t).covered).toHaveLength(4);
    expect(openPending(t.office.view).filter((p) => p.kind === 'coverage-unchosen')).toEqual([]);
  });

  it('takes the reason default when no members are given, and refuses when there is none', async () => {
    const t = await makeOffice({ now: '2026-11-26' });
    await decide(t, 'd1.csv', approve('2', '仅保障李梅、陈浩然'));
    const covered = (await t.office.transact({ operator: '王芳', source: 'local', action: 'enrolment.cover' }, (tx) => coverMembers(tx, CASE(3), null, '王芳'))).result;
    expect(covered.sort()).toEqual([LI_MEI, CHEN_HAORAN].sort());
    expect(coverageQuestion(t.office.view, CASE(3))?.chosen).toBe(true);
    const u = await makeOffice({ now: '2026-11-26' });
    await decide(u, 'd1.csv', approve('2', '部分成员不符合条件'));
    await expect(u.office.transact({ operator: '王芳', source: 'local', action: 'enrolment.cover' }, (tx) => coverMembers(tx, CASE(3), null, '王芳'))).rejects.toThrow(/--members/);
  });
});
