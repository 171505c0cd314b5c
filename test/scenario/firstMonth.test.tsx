// Issue 15: a new office's first month, once through the command line (child
// processes) and once through the app (the real shell at 80×24), ending in
// the same stores. The script is in firstMonth.ts; each surface is read where
// the clerk reads it.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliMonth, type CliMonth } from './firstMonth.cli.js';
import { appMonth } from './firstMonth.app.js';
import { CHEN, CHEN_HAORAN, FILES, LI_MEI, LIU, RENT, RENT_REFUSAL, storesOf } from './firstMonth.js';
import { jiuzhu } from '../support/cli.js';

let cli: CliMonth | undefined;
const cliOnce = (): CliMonth => (cli ??= cliMonth());

describe("a new office's first month", () => {
  it('through the command line: standards and settings by hand, three intakes, the way, county files, coverage, payroll, roster, a bad file', () => {
    const { data, said } = cliOnce();
    // Kept by hand before any county file, and used at intake.
    expect(said.standard!.stdout + said.standard!.stderr).toContain('手工录入');
    expect(said['add:1']!.stdout.trim()).toBe(LIU);
    expect(said['add:1']!.stderr).toContain('测算结论：符合条件　保障标准 850.00 元');
    // The rent subsidy: refused at submit, saying which conditions failed.
    expect(said['add:3']!.stderr).toContain(`条件不符：${RENT_REFUSAL}`);
    const refused = said[`refused:submit:${RENT}`]!;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${RENT} 不能上报街道`);
    expect(refused.stderr).toContain(RENT_REFUSAL);
    expect(refused.stderr).toContain('人均住房面积 80 平方米，不低于 15 平方米');
    // The two settings took effect: 20 working days from 11-02 is 11-30; sessions on Tuesdays and Thursdays.
    expect(said['show:chen']!.stdout).toContain('社区办理期限 2026-11-30');
    expect(said.plan!.stdout.trim().split('\n')).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10', '2026-12-15', '2026-12-17', '2026-12-22', '2026-12-24', '2026-12-29', '2026-12-31']);
    // The verification finding, and the township's and county's results, in `case show` text.
    const show = said['show:chen']!.stdout;
    expect(show).toContain('核查 2026-11-18：工商登记 有 7240.00 元  个体工商户一户');
    expect(show).toContain('街道审核：同意（2026-11-20）情况属实');
    expect(show).toContain('区县审批：批准（2026-11-25）保障 2 人 每月 500.00 元 A 类 自 2026-12 起 仅保障李梅、陈浩然');
    expect(show).toMatch(/2026-11-26 09:00 区县批准 罗建华（文件） 仅保障李梅、陈浩然/);
    // Coverage: asked, offered from 原因, chosen.
    expect(said.pending!.stdout).toContain('批准保障 2 人（家庭 4 人）：请确认保障的成员，原因中写明的是 李梅、陈浩然');
    expect(said.cover!.stdout + said.cover!.stderr).toContain('保障 李梅、陈浩然');
    expect(said.enrolments!.stdout).toMatch(/陈志强\s+低保\s+在保\s+500 元\/月\s+2 人.*保障成员：李梅、陈浩然/);
    // The payroll: only the covered members count; the roster: 陈志强 (not covered) owes no labour.
    const payroll = readFileSync(join(data, 'exports', '低保金发放签字表-2026-12.csv'), 'utf8');
    expect(payroll).toMatch(/2,陈志强,43010519821128129X,东风二村12栋405,2,李梅、陈浩然,A,500\.00/);
    expect(payroll).toMatch(/合计,2,,,5,,,1500\.00/);
    const roster = said.roster!.stdout;
    expect(roster).toContain('应到 2 人');
    expect(roster).toMatch(/刘建国/);
    expect(roster).toMatch(/李梅/);
    expect(roster).not.toMatch(/陈志强/);
    // The bad file: read by `sync once`, two rows rejected with their reasons, and on the dashboard.
    expect(said['sync:bad']!.stdout).toMatch(/部分应用\s+待遇变更-1201\.csv\s+应用 1，未变化 0，过时 0，拒绝 2/);
    const status = said.status!.stdout;
    expect(status).toContain('有拒收行的收到文件 1 个');
    expect(status).toContain(`${FILES.bad.name}  拒收 2 行（2026-12-01 10:00）`);
    const receipts = join(cli!.shared, 'outbox', 'receipts');
    const receipt = readFileSync(join(receipts, readdirSync(receipts).find((n) => n.endsWith(FILES.bad.name))!), 'utf8');
    expect(receipt).toContain('3,拒绝,身份证号：身份证号校验位不对');
    expect(receipt).toContain('4,拒绝,生效年月：“2027-13”不是可识别的年月');
    // The withdrawn rent case is no longer due; the office's stores are sound.
    expect(status).not.toContain(RENT);
    expect(jiuzhu(['doctor', '--data', data]).code).toBe(0);
  });

  it('through the app at 80×24, ending in the same stores as the command line', async () => {
    const { data, shared } = cliOnce();
    const app = await appMonth();
    const [a, b] = [await storesOf(data, shared), await storesOf(app.data, app.shared)];
    for (const name of Object.keys(a)) expect({ [name]: b[name] }).toEqual({ [name]: a[name] });
    // What the comparison covered: the three cases, the two enrolments with 陈志强's household covered for two, the sessions, the payroll kept once.
    expect(Object.keys(b.cases!).sort()).toEqual([LIU, CHEN, RENT]);
    expect((b.cases![RENT] as { status: string }).status).toBe('withdrawn');
    const covered = Object.values(b.enrolments!).map((e) => [(e as { persons: number }).persons, [...(e as { covered: string[] }).covered].sort()]);
    expect(covered).toEqual([[3, expect.any(Array)], [2, [LI_MEI, CHEN_HAORAN].sort()]]);
    expect(covered[0]![1]).toHaveLength(3);
    expect(Object.keys(b.sessions!)).toHaveLength(10);
    expect(Object.keys(b.reports!)).toEqual(['dibao-payroll:2026-12:1']);
    expect(Object.keys(b.files!)).toHaveLength(4);
    expect(jiuzhu(['doctor', '--data', app.data]).code).toBe(0);
  }, 240_000);
});
