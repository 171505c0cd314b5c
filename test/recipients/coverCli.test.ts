// `enrolment cover` and `covered` in `enrolment list --json` (cli.md), as a
// script runs them in child processes; the payroll of the month lists only
// the covered members (issue 15 item 2).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliOffice } from '../support/cliOffice.js';
import { CASE, CHEN } from '../support/office.js';

const LI_MEI = '430105198405061666';
const CHEN_HAORAN = '430105201209014170';
const WANG = '430105195502172081';
const CJK = /[\u3400-\u9fff]/;

function setUp() {
  const { data, run, inbox } = cliOffice('jiuzhu-cover-', '2026-12-05');
  inbox('decision.csv', `\uFEFF申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,发送单位代码\r\n${CASE(3)},${CHEN},陈志强,批准,2026-11-25,低保,2,900,2026-12,A,仅保障李梅、陈浩然,430105\r\n`);
  expect(run(['sync', 'once']).code).toBe(0);
  return { data, run };
}

interface Row { caseNo: string | null; covered: string[]; persons: number }

describe('jiuzhu enrolment cover', () => {
  it('lists covered, waits on the pending list, keeps the clerk\'s choice, and the payroll follows it', () => {
    const { data, run } = setUp();
    const row = () => run(['enrolment', 'list', '--json']).json<Row[]>().find((r) => r.caseNo === CASE(3))!;
    expect([...row().covered].sort()).toEqual([LI_MEI, CHEN_HAORAN].sort());
    expect(Object.keys(row())).toContain('covered');
    expect(run(['pending', 'list', '--json']).json<{ kind: string; caseNo: string }[]>().filter((p) => p.kind === 'coverage-unchosen').map((p) => p.caseNo)).toEqual([CASE(3)]);
    expect(run(['enrolment', 'list']).stdout).toMatch(/保障成员：.*李梅.*（待选定）/);

    const wrong = run(['enrolment', 'cover', CASE(3), '--members', LI_MEI]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('区县批准保障 2 人，这里选了 1 人');
    const ok = run(['enrolment', 'cover', CASE(3), '--members', `${LI_MEI},${WANG}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/保障 (王淑珍、李梅|李梅、王淑珍)/);
    expect([...row().covered].sort()).toEqual([LI_MEI, WANG].sort());
    expect(run(['pending', 'list', '--json']).json<{ kind: string }[]>().filter((p) => p.kind === 'coverage-unchosen')).toEqual([]);

    const out = join(dirname(data), 'payroll.csv');
    const r = run(['report', 'fill', 'dibao-payroll', '--period', '2026-12', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const payroll = readFileSync(out, 'utf8');
    const header = payroll.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.includes('保障人数'))!.split(',');
    const line = payroll.split(/\r?\n/).find((l) => l.includes('陈志强'))!.split(',');
    expect(line[header.indexOf('保障人数')]).toBe('2');
    // The archive's --json names the same members.
    const archive = run(['household', 'show', CHEN, '--json']).json<{ enrolments: { covered: string[] }[] }>();
    expect([...archive.enrolments[0]!.covered].sort()).toEqual([LI_MEI, WANG].sort());
  });

  it('says it in English with --lang en', () => {
    const { run } = setUp();
    const r = run(['--lang', 'en', 'enrolment', 'cover', CASE(3), '--members', LI_MEI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the county approved 2 persons, 1 are given here');
    expect(r.stderr.replace(CASE(3), '')).not.toMatch(CJK);
    const ok = run(['--lang', 'en', 'enrolment', 'cover', CASE(3)]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Saved: /);
  });
});
