import { describe, it, expect, beforeAll } from 'vitest';
import type { Office } from '../../src/store/office.js';
import { builtinTemplatesDir, loadTemplates, templateById, type Template } from '../../src/reports/template.js';
import { parsePeriod } from '../../src/reports/period.js';
import { fillReport, failedChecks, type FilledReport } from '../../src/reports/fill.js';
import { tableOf } from '../../src/reports/csv.js';
import { attendanceOf } from '../../src/reports/sources.js';
import { buildReportOffice, P } from '../support/reportOffice.js';

let office: Office;
let templates: Template[];

beforeAll(async () => {
  ({ office } = await buildReportOffice());
  templates = loadTemplates([builtinTemplatesDir()]);
});

function fill(id: string, period: string, manual: Record<string, string> = {}): FilledReport {
  const t = templateById(templates, id);
  return fillReport(office.view, t, parsePeriod(period, t.period), '2026-11-23', manual);
}

/** Row label → the row's cells in column order (label column first). */
function grid(r: FilledReport): Record<string, string[]> {
  const { rows } = tableOf(r);
  return Object.fromEntries(rows.map((cells) => [cells[0]!, cells.slice(1)]));
}

describe('report forms filled on a hand-built office', () => {
  it('loads the nine built-in templates', () => {
    expect(templates.map((t) => t.id)).toEqual([
      'assistance-yearly', 'dibao-changes', 'dibao-monthly', 'dibao-payroll', 'dibao-quarterly', 'elderly-monthly', 'labour-monthly', 'notice-list', 'tekun-monthly',
    ]);
  });

  it('低保月报 for 2026-10: in force 刘建国 (A 城市 3 persons 960), 黄桂英 (B 城市 1, new, 500), 赵德明 (A 农村 2, 700); 陈志强 suspended from October', () => {
    // The clerk types 其中残疾人数 per row; the 合计 row adds up A, B and C.
    const r = fill('dibao-monthly', '2026-10', { 'A.disabled': '1', 'B.disabled': '0', 'C.disabled': '0', 'city.disabled': '1', 'rural.disabled': '0' });
    expect(tableOf(r).columns).toEqual(['分类', '在保户数', '在保人数', '新增户数', '新增人数', '停发/退出户数', '调整金额户数', '本月发放金额(元)', '其中残疾人数']);
    expect(grid(r)).toEqual({
      'A类（一类）': ['2', '5', '0', '0', '0', '0', '1660.00', '1'],
      'B类（二类）': ['1', '1', '1', '1', '0', '0', '500.00', '0'],
      'C类（三类）': ['0', '0', '0', '0', '1', '0', '0.00', '0'],
      城市: ['2', '4', '1', '1', '0', '0', '1460.00', '1'],
      农村: ['1', '2', '0', '0', '1', '0', '700.00', '0'],
      合计: ['3', '6', '1', '1', '1', '0', '2160.00', '1'],
    });
    expect(failedChecks(r)).toEqual([]);
    expect(r.fields.find((f) => f.key === 'office')?.value).toBe('东风社区');
  });

  it('低保月报 for 2026-01 counts 刘建国 as adjusted (900 → 960)', () => {
    const g = grid(fill('dibao-monthly', '2026-01'));
    // In force: 刘建国 960 (A 城市), 陈志强 600 (C 农村), 赵德明 700 (A 农村).
    expect(g['合计']!.slice(0, 7)).toEqual(['3', '7', '0', '0', '0', '1', '2260.00']);
    expect(g['A类（一类）']!.slice(5, 7)).toEqual(['1', '1660.00']);
  });

  it('低保季度统计 for 2026-Q3: three households all quarter, 21 person-months, 6,780 yuan', () => {
    const r = fill('dibao-quarterly', '2026-Q3');
    expect(grid(r)).toEqual({
      // opening (June), new, stopped, closing (September), persons, person-months, amount
      城市: ['1', '0', '0', '1', '3', '9', '2880.00'],
      农村: ['2', '0', '0', '2', '4', '12', '3900.00'],
      合计: ['3', '0', '0', '3', '7', '21', '6780.00'],
    });
    expect(failedChecks(r)).toEqual([]);
  });

  it('低保季度统计 for 2026-Q4 sees 黄桂英 new and 陈志强 and 赵德明 stopped', () => {
    const g = grid(fill('dibao-quarterly', '2026-Q4'));
    // Opening (September): 刘建国, 陈志强, 赵德明. Closing (December): 刘建国 and 黄桂英, 4 persons.
    // Person-months 3×3 + 3×1 + 1×2 = 14; paid 3×960 + 3×500 + 700 = 5,080.
    expect(g['合计']).toEqual(['3', '1', '2', '2', '4', '14', '5080.00']);
  });

  it('社会救助年度统计 for 2025: 低保 3 households, 特困 1, 临时救助 1; and the missing signatures fail its check', () => {
    const r = fill('assistance-yearly', '2025');
    const g = grid(r);
    // 低保: 刘建国 10 months × 900, 陈志强 12 × 600, 赵德明 12 × 700 = 24,600 yuan;
    // person-months 30 + 24 + 24 = 78; new 刘建国 (2025-03) and 赵德明 (2025-01);
    // accepted in 2025: 刘建国's case; approved in 2025: 刘建国 and 赵德明.
    expect(g['低保']).toEqual(['3', '7', '78', '24600.00', '2', '0', '1', '2']);
    // 特困: 孙丽 June–December at 1,200.
    expect(g['特困']).toEqual(['1', '1', '7', '8400.00', '1', '0', '0', '0']);
    // 临时救助: one payment of 2,000 in August, ended in September.
    expect(g['临时救助']).toEqual(['1', '3', '3', '2000.00', '1', '1', '0', '0']);
    expect(g['医疗救助']).toEqual(['0', '0', '0', '0.00', '0', '0', '0', '0']);
    expect(g['合计']).toEqual(['5', '11', '88', '35000.00', '4', '1', '1', '2']);
    expect(failedChecks(r).map((c) => [c.name, c.problems])).toEqual([
      ['填报人和单位负责人已填写', ['表头「填报人」还没有填写', '表头「单位负责人」还没有填写']],
    ]);
    expect(failedChecks(fill('assistance-yearly', '2025', { preparer: '王芳', head: '李主任' }))).toEqual([]);
  });

  it('低保金发放签字表 for 2026-10: the three households paid in October, an empty signature column, totals', () => {
    const r = fill('dibao-payroll', '2026-10');
    const { columns, rows } = tableOf(r);
    expect(columns).toEqual(['序号', '户主姓名', '身份证号', '住址', '保障人数', '保障成员', '分类', '本月金额(元)', '领取人签字', '领取日期']);
    expect(rows).toEqual([
      ['1', '赵德明', P.zhaoDeming, '新塘村二组3号', '2', '赵德明、赵丽', 'A', '700.00', '', ''],
      ['2', '黄桂英', P.huangGuiying, '东风路8号1栋502', '1', '黄桂英', 'B', '500.00', '', ''],
      ['3', '刘建国', P.liuJianguo, '东风路12号3栋201', '3', '刘建国、周秀兰、刘桂芝', 'A', '960.00', '', ''],
      ['合计', '3', '', '', '6', '', '', '2160.00', '', ''],
    ]);
    expect(failedChecks(r)).toEqual([]);
  });

  it('公益劳动考勤月报 for 2026-10: due, attended, excused, absent per person and the policy suggestion', () => {
    expect(attendanceOf(office.view, '2026-10').map((l) => [l.name, l.due, l.attended, l.excused, l.absent])).toEqual([
      ['刘建国', 3, 2, 0, 1],
      ['陈小军', 3, 0, 0, 3],
      ['黄小龙', 3, 0, 1, 2],
    ]);
    const { rows } = tableOf(fill('labour-monthly', '2026-10'));
    expect(rows).toEqual([
      ['1', '刘建国', P.liuJianguo, '3', '2', '0', '1', ''],
      ['2', '陈小军', P.chenXiaojun, '3', '0', '0', '3', '建议街道处理'],
      ['3', '黄小龙', P.huangXiaolong, '3', '0', '1', '2', '提醒'],
      ['合计', '3', '', '9', '2', '1', '6', ''],
    ]);
  });

  it('老年/高龄明细 for 2026-11: 陈志强 turns 65, 刘桂芝 80, 周秀兰 60; 孙丽 turns 65 only in December', () => {
    const { rows } = tableOf(fill('elderly-monthly', '2026-11'));
    expect(rows.map((r) => r.slice(0, 8))).toEqual([
      ['1', '陈志强', '男', P.chenZhiqiang, '1961-11-01', '65', '2026-11-01', '老年优待证'],
      ['2', '刘桂芝', '女', P.liuGuizhi, '1946-11-08', '80', '2026-11-08', '高龄津贴'],
      ['3', '周秀兰', '女', P.zhouXiulan, '1966-11-30', '60', '2026-11-30', '老年证'],
      ['合计', '3', '', '', '', '', '', ''],
    ]);
    expect(tableOf(fill('elderly-monthly', '2026-12')).rows.map((r) => r[1])).toEqual(['孙丽', '1']);
  });

  it('公示名单 for 2026-11 masks the name and shows no ID number: 吴*华, 2 persons, (800 − 500) × 2 = 600 yuan', () => {
    const r = fill('notice-list', '2026-11');
    const { rows } = tableOf(r);
    expect(rows).toEqual([['1', '吴*华', '2', '低保', '600.00', '2026-11-10', '2026-11-16']]);
    expect(JSON.stringify(r)).not.toContain(P.wuMeihua);
    expect(tableOf(fill('notice-list', '2026-10')).rows).toEqual([]);
  });

  it('低保动态管理变动台账: the county changes taking effect in the month', () => {
    expect(tableOf(fill('dibao-changes', '2026-10')).rows).toEqual([
      ['1', '陈志强', P.chenZhiqiang, '停发', '2026-10', '2026-09-20', '0.00', ''],
      ['合计', '1', '', '', '', '', '', ''],
    ]);
    expect(tableOf(fill('dibao-changes', '2026-01')).rows[0]).toEqual(['1', '刘建国', P.liuJianguo, '调整金额', '2026-01', '2025-12-20', '960.00', '']);
    expect(tableOf(fill('dibao-changes', '2026-11')).rows[0]!.slice(1, 4)).toEqual(['赵德明', P.zhaoDeming, '退出（撤消）']);
  });

  it('特困供养月报 for 2026-10: 孙丽 in the city at 1,200 yuan; the typed 集中供养 total adds up', () => {
    const r = fill('tekun-monthly', '2026-10', { 'city.centralised': '0', 'rural.centralised': '0' });
    expect(grid(r)).toEqual({
      城市: ['1', '1', '0', '0', '1200.00', '0'],
      农村: ['0', '0', '0', '0', '0.00', '0'],
      合计: ['1', '1', '0', '0', '1200.00', '0'],
    });
    expect(failedChecks(r)).toEqual([]);
    // June 2025 is 孙丽's first month.
    expect(grid(fill('tekun-monthly', '2025-06'))['合计']!.slice(0, 5)).toEqual(['1', '1', '1', '0', '1200.00']);
  });

  it('临时救助 is paid once, in its start month, even when its end came later', async () => {
    const { office: o } = await buildReportOffice();
    await o.transact({ operator: '王芳', source: 'local', action: 'test.late-end' }, (tx) =>
      tx.update('enrolments', `h${P.liuJianguo}:临时救助`, (e) => void (e.history[1]!.month = '2025-12')),
    );
    const t = templateById(templates, 'assistance-yearly');
    const g = grid(fillReport(o.view, t, parsePeriod('2025'), '2026-11-23'));
    expect(g['临时救助']).toEqual(['1', '3', '3', '2000.00', '1', '1', '0', '0']);
  });

  it('a household without a category makes the A+B+C total disagree, and the check says where', async () => {
    const { office: o } = await buildReportOffice();
    await o.transact({ operator: '王芳', source: 'local', action: 'test.nocat' }, (tx) =>
      tx.update('enrolments', `h${P.huangGuiying}:低保`, (e) => void (e.category = null)),
    );
    const t = templateById(templates, 'dibao-monthly');
    const r = fillReport(o.view, t, parsePeriod('2026-10'), '2026-11-23');
    expect(failedChecks(r).map((c) => c.name)).toEqual(['A、B、C 三类之和等于合计']);
    expect(failedChecks(r)[0]!.problems).toContain('合计行「合计」的「在保户数」是 3，而A类（一类）+B类（二类）+C类（三类）之和是 2');
  });

  it('typed cells whose breakdowns disagree fail the total check', () => {
    const r = fill('dibao-monthly', '2026-10', { 'A.disabled': '1', 'B.disabled': '0', 'C.disabled': '0', 'city.disabled': '0', 'rural.disabled': '0' });
    expect(failedChecks(r).map((c) => c.problems)).toEqual([['合计行「合计」的「其中残疾人数」是 1，而城市+农村之和是 0']]);
  });

  it('a typed cell that breaks a rule fails its check: more disabled persons than persons', () => {
    const r = fill('dibao-monthly', '2026-10', { 'B.disabled': '4' });
    expect(failedChecks(r).map((c) => c.problems)).toEqual([['「B类（二类）」行：在保人数（1）应不少于其中残疾人数（4）']]);
  });
});
