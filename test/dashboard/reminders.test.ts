// The reminders of product.md "What the dashboard reminds of" that were
// missing (issue 15 item 5): an overdue investigation start, a refusal notice
// owed after a county refusal, the end of a gradual exit (and the employed
// member off the labour roster), and an inbound file with rejected rows read
// by `sync once`; in `status` as in the dashboard's rows.
import { describe, it, expect } from 'vitest';
import { CASE, CHEN, ZHAO, csv, drop, makeOffice, sync } from '../support/office.js';
import { dashboard, dashboardText } from '../../src/dashboard/dashboard.js';
import { daemonLines, reminders, RECEIPTS_SEEN } from '../../src/dashboard/reminders.js';
import { recordGradualExit } from '../../src/recipients/gradualExit.js';
import { rosterDataOf, rosterOn } from '../../src/attendance/roster.js';
import { settingsOf } from '../../src/office/context.js';
import { dashboardRows } from '../../src/ui/screens/dashboard/rows.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];
const LI_MEI = '430105198405061666';

describe('the dashboard reminds of', () => {
  it('an investigation start that is overdue', async () => {
    const t = await makeOffice({ now: '2026-11-10' });
    const r = reminders(t.office.view, '2026-11-10');
    // Accepted 2026-11-02: the investigation was to start within 3 working days.
    expect(r.investigations.map((x) => [x.caseNo, x.overdue])).toContainEqual([CASE(1), true]);
    const text = dashboardText(dashboard(t.office.view, '2026-11-10'));
    expect(text).toContain('入户调查待开始');
    expect(text).toMatch(new RegExp(`${CASE(1)}.*已超期`));
    // The dashboard's rows show the case's short number, as its other case lines do.
    expect(dashboardRows(dashboard(t.office.view, '2026-11-10')).rows.some((x) => x.text.includes('入户调查') && x.text.includes(CASE(1).slice(-9)))).toBe(true);
    // Not on the day of acceptance minus the warning window: a fresh case a week before is not yet shown.
    expect(reminders(t.office.view, '2026-10-20').investigations).toEqual([]);
  });

  it('a refusal notice owed after a county refusal, and a file with rejected rows read by sync once', async () => {
    const t = await makeOffice({ now: '2026-11-26' });
    drop(t, 'd.csv', csv(DECISION, [
      [CASE(4), ZHAO, '赵德明', '不予批准', '2026-11-25', '', '', '', '', '', '存款超标', '430105'],
      [CASE(3), CHEN, '陈志强', '批准', '2026-13-45', '低保', '2', '900', '2026-12', 'A', '', '430105'],
    ]));
    const run = await sync(t);
    expect(run.files[0]!.outcome).toBe('partial');
    const r = reminders(t.office.view, '2026-11-26');
    expect(r.refusalNotices.map((x) => [x.caseNo, x.due, x.overdue])).toEqual([[CASE(4), '2026-11-30', false]]);
    expect(r.rejectedFiles.map((x) => [x.name, x.rejected])).toEqual([['d.csv', 1]]);
    const text = dashboardText(dashboard(t.office.view, '2026-11-26'));
    expect(text).toContain('不予批准通知书');
    expect(text).toMatch(/d\.csv\s+拒收 1 行/);
    expect(reminders(t.office.view, '2026-12-02').refusalNotices[0]?.overdue).toBe(true);
    // Once the clerk has looked at the receipts, the file is no longer reminded of.
    await t.office.transact({ operator: '王芳', source: 'local', action: 'receipts.seen' }, (tx) => tx.put('meta', RECEIPTS_SEEN, { id: RECEIPTS_SEEN, at: tx.now.iso }));
    expect(reminders(t.office.view, '2026-11-26').rejectedFiles).toEqual([]);
  });

  it('the end of a gradual exit, with the employed member off the labour roster', async () => {
    const t = await makeOffice({ now: '2026-11-26' });
    drop(t, 'd.csv', csv(DECISION, [[CASE(3), CHEN, '陈志强', '批准', '2026-11-25', '低保', '4', '900', '2026-12', 'A', '', '430105']]));
    await sync(t);
    const roster = (date: string) => rosterOn(rosterDataOf(t.office.view, settingsOf(t.office.view).labour), date).map((x) => x.idNumber);
    expect(roster('2026-12-10')).toContain(LI_MEI);
    await t.office.transact({ operator: '王芳', source: 'local', action: 'exit' }, (tx) =>
      recordGradualExit(tx, { enrolmentId: `h${CHEN}:低保`, memberId: LI_MEI, work: '某物业公司保洁', wageFen: 200000, from: '2026-12' }),
    );
    expect(roster('2026-12-10')).not.toContain(LI_MEI);
    const until = t.office.view.all('gradualExits')[0]!.until;
    expect(reminders(t.office.view, '2026-12-10').gradualExits).toEqual([]);
    const r = reminders(t.office.view, `${until}-05`).gradualExits;
    expect(r.map((x) => [x.memberName, x.ended])).toEqual([['李梅', false]]);
    expect(dashboardText(dashboard(t.office.view, `${until}-05`))).toContain('渐退期');
  });

  it('the daemon in two lines, so that 80 columns do not cut its counts', () => {
    const lines = daemonLines({ running: false, pid: null, lastRunAt: '2026-11-26T09:00:00+08:00', counts: { files: 3, applied: 12, rejected: 1 }, lastError: null } as never);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('应用 12 行');
  });
});
