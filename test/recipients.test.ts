import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Office } from '../src/store/office.js';
import { dashboard, dashboardText } from '../src/dashboard/dashboard.js';
import { readDaemonStatus } from '../src/sync/daemonStatus.js';
import { addReview } from '../src/recipients/reviews.js';
import { nextReview, reviewMonthsOf, reviewsDue } from '../src/recipients/reviewsDue.js';
import { cancellationRegister, registerCancellation } from '../src/recipients/cancellations.js';
import { enrolmentRows } from '../src/recipients/enrolmentList.js';
import { recordGradualExit } from '../src/recipients/gradualExit.js';
import { rosterReconciliation } from '../src/recipients/reconciliation.js';
import { searchHouseholds } from '../src/household/search.js';
import { householdArchive } from '../src/household/archive.js';
import { readHouseholdHistory } from '../src/household/history.js';
import { addHouseholdNote } from '../src/household/notes.js';
import { addMonthsToDate } from '../src/rules/dayNumber.js';
import { jiuzhu } from './support/cli.js';
import type { Enrolment } from '../src/office/model.js';
import type { Review } from '../src/recipients/reviews.js';
import { CASE_NO, FILE_SHA, H, handBuiltOffice, ID, TODAY } from './support/handBuilt.js';

const NOW = { JIUZHU_NOW: TODAY };

describe('the dashboard of a hand-built office on 2026-11-19', () => {
  let office: Office;
  let dir: string;
  beforeAll(async () => {
    ({ office, dir } = await handBuiltOffice());
  });

  it('lists the overdue and near cases, the notice ending today, and the reviews due by month end, most urgent first', () => {
    const d = dashboard(office.view, TODAY);
    expect(d.overdue.map((r) => [r.caseNo, r.householderName, r.daysLeft])).toEqual([[CASE_NO(1), '欧阳建国', -3]]);
    expect(d.nearDeadline.map((r) => [r.caseNo, r.householderName, r.daysLeft])).toEqual([[CASE_NO(2), '张三丰', 2]]);
    expect(d.noticesEnding).toEqual([{ caseNo: CASE_NO(3), householderName: '单田芳', householdId: H[2], end: TODAY, openObjections: 1 }]);
    expect(d.reviewsDue.map((r) => [r.householderName, r.program, r.category, r.due, r.daysLeft, r.overdue])).toEqual([
      ['司马光明', '低保', 'B', '2026-11-01', -18, true],
      ['王翠兰', '低保', 'C', '2026-11-10', -9, true],
      ['张三丰', '特困', 'B', '2026-11-25', 6, false],
    ]);
    expect(d.session).toEqual({ id: TODAY, date: TODAY, start: '10:00', end: '11:00', task: '环境卫生清扫', marked: 2 });
    expect(d.pending.map((p) => [p.kind, p.householderName])).toEqual([['roster-unlisted', '黎明']]);
    // No form was ever filled here: each form's latest open period is due. By hand, the
    // quarterly form for 2026-Q3 is due on the 5th working day after the quarter: National
    // Day is 10-01…10-07, so 10-08, 10-09, 10-10 (a make-up Saturday), 10-12, 10-13.
    expect(d.reportsDue).toContainEqual({ id: 'dibao-quarterly', title: '城乡低保季度统计表', period: '2026-Q3', due: '2026-10-13', overdue: true });
    for (const f of d.reportsDue) expect(f.overdue, f.id).toBe(f.due < '2026-11-19');
    expect(d.calendar).toEqual({ year: 2026, covered: true, message: null });
    expect(d.counts).toEqual({ households: 7, activeEnrolments: 4, suspendedEnrolments: 0, openCases: 3, pending: 1 });
  });

  it('orders one household’s programmes due the same day as the catalogue does, whatever the locale', async () => {
    const { office } = await handBuiltOffice();
    const base = office.view.get('enrolments', `${H[1]}:特困`)!;
    await office.transact({ operator: '李娜', source: 'local', action: 'test.setup' }, (tx) => {
      for (const program of ['医疗救助', '低保'] as const) {
        tx.put('enrolments', `${H[1]}:${program}`, { ...(structuredClone(base) as Enrolment), id: `${H[1]}:${program}`, program });
        tx.put('reviews', `${H[1]}:${program}@2026-08-25`, { ...(structuredClone(office.view.get('reviews', `${H[1]}:特困@2026-08-25`)!) as Review), id: `${H[1]}:${program}@2026-08-25`, enrolmentId: `${H[1]}:${program}` });
      }
    });
    const due = reviewsDue(office.view, TODAY).filter((r) => r.due === '2026-11-25');
    expect(due.map((r) => [r.householderName, r.program])).toEqual([
      ['张三丰', '低保'],
      ['张三丰', '特困'],
      ['张三丰', '医疗救助'],
    ]);
  });

  it('warns when the holiday calendar does not cover the year, and has no session on another day', () => {
    const d = dashboard(office.view, '2031-01-06');
    expect(d.calendar.covered).toBe(false);
    expect(d.calendar.message).toContain('2031');
    expect(d.session).toBeNull();
  });

  it('reads the daemon: no status file is not running; a live pid is running; a dead pid is stopped', async () => {
    expect(readDaemonStatus(dir)).toMatchObject({ running: false, pid: null, lastRunAt: null });
    mkdirSync(join(dir, 'daemon'), { recursive: true });
    const status = (pid: number) =>
      writeFileSync(join(dir, 'daemon', 'status.json'), JSON.stringify({ pid, startedAt: '2026-11-19T08:00:00+08:00', lastRunAt: '2026-11-19T09:15:00+08:00', lastError: null, counts: { files: 4, applied: 37, rejected: 2 } }));
    status(process.pid);
    const live = readDaemonStatus(dir);
    expect(live).toMatchObject({ running: true, pid: process.pid, counts: { files: 4, applied: 37, rejected: 2 } });
    expect(dashboardText(dashboard(office.view, TODAY, { daemon: live }))).toContain(`同步守护进程运行中（pid ${process.pid}），上次同步 2026-11-19 09:15，收到 4 个文件，应用 37 行，有拒收行的文件 2 个`);
    // A clean stop is a stop, even when its pid now belongs to another program.
    writeFileSync(join(dir, 'daemon', 'status.json'), JSON.stringify({ pid: process.pid, running: false, startedAt: '2026-11-19T08:00:00+08:00', lastRunAt: null, lastError: null, counts: {} }));
    expect(readDaemonStatus(dir).running).toBe(false);
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    status(child.pid!);
    expect(readDaemonStatus(dir).running).toBe(false);
    const text = jiuzhu(['status', '--data', dir], NOW).stdout;
    expect(text).toContain('同步守护进程已停止');
  });

  it('jiuzhu status prints the same lists', () => {
    const r = jiuzhu(['status', '--data', dir], NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已超期 1 件');
    expect(r.stdout).toContain('到期复核 3 户');
    expect(r.stdout).toContain('司马光明  低保  B类  应于 2026-11-01 复核，已过 18 天');
    expect(r.stdout).toContain('今天 10:00–11:00 公益劳动：环境卫生清扫，已点名 2 人');
    expect(r.stdout).toContain('花名册未列入  黎明');
    const json = jiuzhu(['status', '--json', '--data', dir], NOW).json<{ reviewsDue: unknown[]; reportsDue: unknown[]; daemon: unknown }>();
    expect(json.reviewsDue).toHaveLength(3);
    expect(json.reportsDue).toEqual(dashboard(office.view, '2026-11-19').reportsDue);
    expect(json.daemon).toMatchObject({ running: false });
  });
});

describe('recipients and dynamic management', () => {
  it('lists enrolments current first with program, amount, persons, category and since', async () => {
    const { office } = await handBuiltOffice();
    const rows = enrolmentRows(office.view, TODAY);
    expect(rows.map((r) => [r.householderName, r.program, r.status, r.persons, r.category, r.since])).toEqual([
      ['黎明', '低保', 'active', 1, 'A', '2026-01'],
      ['司马光明', '低保', 'active', 1, 'B', '2026-08'],
      ['王翠兰', '低保', 'active', 2, 'C', '2026-09'],
      ['张三丰', '特困', 'active', 1, 'B', '2026-05'],
      ['赵钱孙', '低保', 'terminated', 1, 'B', '2025-03'],
    ]);
  });

  it('a review recommending adjustment raises one pending item for the county; a later keep resolves it', async () => {
    const { office } = await handBuiltOffice();
    const enrolmentId = `${H[3]}:低保`;
    const meta = { operator: '李娜', source: 'local' as const, action: 'review.add' };
    const { result } = await office.transact(meta, (tx) =>
      addReview(tx, { enrolmentId, date: TODAY, findings: '户主在超市打零工，月收入约1500元', incomeRechecked: true, perCapitaIncomeFen: 75000, recommendation: 'adjust' }),
    );
    expect(result).toMatchObject({ id: `${enrolmentId}@${TODAY}`, by: '李娜', recommendation: 'adjust' });
    const open = office.view.all('pending').filter((p) => p.kind === 'review-recommendation' && !p.resolvedOn);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ householderName: '王翠兰', householderId: ID(3), source: 'local' });
    expect(open[0]!.reason).toContain('建议调整');
    // The enrolment itself is the county's: a review never changes it.
    expect(office.view.get('enrolments', enrolmentId)!.monthlyAmountFen).toBe(65000);
    // Reviewed today: no longer due this month (C: monthly → next 2026-12-19).
    expect(reviewsDue(office.view, TODAY).map((r) => r.householderName)).not.toContain('王翠兰');
    await office.transact(meta, (tx) => addReview(tx, { enrolmentId, date: TODAY, findings: '复查后收入已不稳定', incomeRechecked: true, recommendation: 'keep' }));
    expect(office.view.get('reviews', `${enrolmentId}@${TODAY}#2`)).toBeDefined();
    expect(office.view.all('pending').filter((p) => p.kind === 'review-recommendation' && !p.resolvedOn)).toHaveLength(0);
    expect(office.view.all('pending').filter((p) => p.kind === 'review-recommendation')).toHaveLength(1);
  });

  it('refuses a review with every problem named by its field, and saves nothing', async () => {
    const { office } = await handBuiltOffice();
    const before = office.journalHead.seq;
    await expect(
      office.transact({ operator: '王芳', source: 'local', action: 'review.add' }, (tx) =>
        addReview(tx, { enrolmentId: `${H[6]}:低保`, date: '2026-13-01', findings: ' ', incomeRechecked: false, recommendation: 'keep' }),
      ),
    ).rejects.toThrow(/保障对象：该户已退出保障.*复核日期：「2026-13-01」不是日期.*复核情况：请写明/);
    expect(office.journalHead.seq).toBe(before);
  });

  it('the review rhythm follows the category settings, month ends clamped', () => {
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-11-19', 1)).toBe('2026-12-19');
    // product.md's defaults: A every 6 months, B every 3, C every month; no category reads as B.
    const settings = { reviewMonths: { A: 6, B: 3, C: 1 } };
    expect((['A', 'B', 'C', null] as const).map((c) => reviewMonthsOf(settings, c))).toEqual([6, 3, 1, 3]);
    const e = { since: '2026-05' } as Parameters<typeof nextReview>[0];
    expect(nextReview(e, null, reviewMonthsOf(settings, 'A'))).toBe('2026-11-01');
    expect(nextReview(e, '2026-08-31', reviewMonthsOf(settings, 'C'))).toBe('2026-09-30');
  });

  it('records a gradual exit for the settings months and shows it on the enrolment list', async () => {
    const { office } = await handBuiltOffice();
    const { result } = await office.transact({ operator: '王芳', source: 'local', action: 'recipient.exit' }, (tx) =>
      recordGradualExit(tx, { enrolmentId: `${H[5]}:低保`, memberId: ID(5), work: '东风物业 保洁员', wageFen: 180000, from: '2026-11' }),
    );
    expect(result).toMatchObject({ from: '2026-11', until: '2027-01', memberName: '司马光明' });
    expect(enrolmentRows(office.view, TODAY).find((r) => r.householderName === '司马光明')!.gradualExitUntil).toBe('2027-01');
    await expect(
      office.transact({ operator: '王芳', source: 'local', action: 'recipient.exit' }, (tx) =>
        recordGradualExit(tx, { enrolmentId: `${H[5]}:低保`, memberId: ID(0), work: 'x', wageFen: null, from: '2026-11' }),
      ),
    ).rejects.toThrow(/就业成员：不是该户的成员/);
  });

  it('the cancellation register lists a stopped benefit as waiting until the clerk enters who decided it', async () => {
    const { office } = await handBuiltOffice();
    expect(cancellationRegister(office.view)).toEqual([
      expect.objectContaining({ householderName: '赵钱孙', registered: false, effectiveMonth: '2026-12', reason: '家庭收入超过保障标准', decisionDate: '2026-11-10', source: `file:${FILE_SHA}` }),
    ]);
    await office.transact({ operator: '王芳', source: 'local', action: 'recipient.cancel' }, (tx) =>
      registerCancellation(tx, { enrolmentId: `${H[6]}:低保`, effectiveMonth: '2026-12', reason: '家庭收入超过保障标准', decidedBy: '开福区民政局 开民发〔2026〕31号', decisionDate: '2026-11-10' }),
    );
    expect(cancellationRegister(office.view)).toEqual([expect.objectContaining({ registered: true, decidedBy: '开福区民政局 开民发〔2026〕31号', by: '王芳' })]);
  });

  it('the roster reconciliation list holds the roster mismatches only', async () => {
    const { office } = await handBuiltOffice();
    expect(rosterReconciliation(office.view).map((p) => p.householderName)).toEqual(['黎明']);
  });
});

describe('finding a household and its archive', () => {
  it('finds by name, pinyin initials (compound and polyphone surnames), part of an ID number, case number and address', async () => {
    const { office } = await handBuiltOffice();
    const v = office.view;
    const names = (q: string) => searchHouseholds(v, q).map((h) => h.householderName);
    expect(names('欧阳')).toEqual(['欧阳建国']);
    expect(names('oyjg')).toEqual(['欧阳建国']);
    expect(names('stf')).toEqual(['单田芳']);
    expect(names('smgm')).toEqual(['司马光明']);
    expect(names('lxy')).toEqual(['欧阳建国']); // 李秀英, a member
    expect(names(ID(3, 1).slice(-6))).toEqual(['王翠兰']); // 刘洋's ID finds his household
    expect(names('2026-0003')).toEqual(['单田芳']);
    expect(names('幸福里')).toEqual(['欧阳建国', '王翠兰'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(names('')).toEqual([]);
  });

  it('the archive holds members, cases, benefits, reviews, attendance, notes and the journal lines that touched the household', async () => {
    const { office } = await handBuiltOffice();
    await office.transact({ operator: '李娜', source: 'local', action: 'household.note', summary: '备注' }, (tx) => addHouseholdNote(tx, H[3]!, '刘洋在读大专，学费由亲戚资助'));
    const a = householdArchive(office.view, H[3]!, TODAY);
    expect(a.members.map((m) => [m.name, m.relation])).toEqual([
      ['王翠兰', '户主'],
      ['刘洋', '子女'],
    ]);
    expect(a.enrolments.map((e) => e.program)).toEqual(['低保']);
    expect(a.reviews.map((r) => r.date)).toEqual(['2026-10-10']);
    expect(a.attendance).toEqual([{ month: '2026-11', idNumber: ID(3, 1), name: '刘洋', present: 1, late: 0, excused: 1, absent: 0, level: 'none' }]);
    expect(a.notes).toEqual([{ at: `${TODAY}T09:00:00+08:00`, by: '李娜', text: '刘洋在读大专，学费由亲戚资助' }]);
    const history = (await readHouseholdHistory(office)).of(H[3]!);
    expect(history.map((h) => [h.seq, h.operator, h.action, h.source])).toEqual([
      [1, '王芳', 'test.build', 'local'],
      [2, '李娜', 'household.note', 'local'],
    ]);
    expect(history[1]!.what).toEqual([`户修改 ${H[3]}：备注`]);
    // Another household's note is not in this one's history.
    await office.transact({ operator: '李娜', source: 'local', action: 'household.note' }, (tx) => addHouseholdNote(tx, H[0]!, '已电话回访'));
    expect((await readHouseholdHistory(office)).of(H[3]!)).toHaveLength(2);
  });

  it('household show --json, note and review add work from the command line, signed by the operator', async () => {
    const { dir } = await handBuiltOffice();
    expect(jiuzhu(['household', 'note', ID(0, 2), '欧阳小明转学到东风小学', '--operator', '李娜', '--data', dir], NOW).code).toBe(0);
    const add = jiuzhu(['review', 'add', '--household', ID(5), '--findings', '已在物业公司上班', '--recommend', 'stop', '--income', '1500', '--data', dir, '--operator', '李娜'], NOW);
    expect(add.stderr).toContain('已列入待处理');
    const show = jiuzhu(['household', 'show', ID(0, 2), '--json', '--data', dir], NOW).json<{ householdId: string; notes: { by: string; text: string }[]; history: { operator: string; action: string }[] }>();
    expect(show.householdId).toBe(H[0]);
    expect(show.notes).toEqual([expect.objectContaining({ by: '李娜', text: '欧阳小明转学到东风小学' })]);
    expect(show.history.map((h) => [h.operator, h.action])).toEqual([
      ['王芳', 'test.build'],
      ['李娜', 'household.note'],
    ]);
    const due = jiuzhu(['review', 'list', '--due', '--json', '--data', dir], NOW).json<{ householderName: string }[]>();
    expect(due.map((d) => d.householderName)).toEqual(['王翠兰', '张三丰']);
    const unknown = jiuzhu(['household', 'show', '110101199003071234', '--data', dir], NOW);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到');
    const bad = jiuzhu(['review', 'add', '--household', ID(5), '--findings', 'x', '--recommend', 'maybe', '--data', dir], NOW);
    expect(bad.code).toBe(2);
  });
});
