import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';

const INTAKE = join(PUBLIC_FIXTURES, 'intake');
const FIXTURES = ['01-liu-jianguo.json', '02-huang-guiying.json', '03-chen-zhiqiang.json', '04-zhao-deming.json'];
const NOW = { JIUZHU_NOW: '2026-11-02T09:30:00+08:00' };

function initOffice(): string {
  const data = tempOffice();
  const r = jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区', '--operator', '王芳'], NOW);
  expect(r.stderr).toContain('已初始化');
  expect(r.code).toBe(0);
  return data;
}

describe('jiuzhu init, case add, case list, case show', () => {
  it('numbers the four fixture applications 0001 to 0004 and accepts them on 2026-11-02 with deadline 2026-11-23', () => {
    const data = initOffice();
    const numbers = FIXTURES.map((f) => {
      const r = jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], NOW);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim();
    });
    expect(numbers).toEqual(['430105003001-2026-0001', '430105003001-2026-0002', '430105003001-2026-0003', '430105003001-2026-0004']);

    const list = jiuzhu(['case', 'list', '--json', '--data', data], NOW).json<Record<string, unknown>[]>();
    expect(list.map((c) => [c.caseNo, c.status, c.householderName, c.deadline])).toEqual([
      ['430105003001-2026-0001', 'accepted', '刘建国', '2026-11-23'],
      ['430105003001-2026-0002', 'accepted', '黄桂英', '2026-11-23'],
      ['430105003001-2026-0003', 'accepted', '陈志强', '2026-11-23'],
      ['430105003001-2026-0004', 'accepted', '赵德明', '2026-11-23'],
    ]);
    expect(list[0]).toMatchObject({ program: '低保', householderId: '430105197803152315', applicationDate: '2026-11-02' });

    const show = jiuzhu(['case', 'show', '430105003001-2026-0001', '--json', '--data', data], NOW).json<Record<string, unknown>>();
    expect(show).toMatchObject({
      caseNo: '430105003001-2026-0001',
      program: '低保',
      status: 'accepted',
      area: '城市',
      householder: { name: '刘建国', idNumber: '430105197803152315' },
      // (1200 + 0 + 350) / 3 = 516.67 yuan
      perCapitaIncomeFen: 51667,
      deadline: '2026-11-23',
      notice: null,
      township: null,
      decision: null,
      verifications: [],
    });
    expect(show.members).toEqual([
      expect.objectContaining({ name: '刘建国', idNumber: '430105197803152315', relation: '户主', monthlyIncomeFen: 120000 }),
      expect.objectContaining({ name: '周秀兰', relation: '配偶', monthlyIncomeFen: 0 }),
      expect.objectContaining({ name: '刘桂芝', relation: '父母', monthlyIncomeFen: 35000 }),
    ]);
    expect(show.history).toEqual([
      { at: '2026-11-02T09:30:00+08:00', event: 'created', by: '王芳', source: 'local' },
      { at: '2026-11-02T09:30:00+08:00', event: 'accepted', by: '王芳', source: 'local' },
    ]);

    const filtered = jiuzhu(['case', 'list', '--status', 'approved', '--json', '--data', data], NOW).json<unknown[]>();
    expect(filtered).toEqual([]);
  });

  it('lists every one of five mistakes with its field and saves nothing', () => {
    const data = initOffice();
    const journalBefore = readFileSync(join(data, 'journal.jsonl'), 'utf8');
    const bad = JSON.parse(readFileSync(join(INTAKE, '01-liu-jianguo.json'), 'utf8'));
    bad.program = '低保金';
    bad.applicationDate = '2026-11-31';
    bad.members[0].idNumber = '430105197803152316';
    bad.members[1].relation = '老婆';
    bad.members[2].monthlyIncome = -350;
    const file = join(data, '..', 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = jiuzhu(['case', 'add', '--from', file, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('5 处问题');
    expect(r.stderr).toMatch(/救助类别（program）/);
    expect(r.stderr).toMatch(/申请日期（applicationDate）/);
    expect(r.stderr).toMatch(/第 1 位成员的身份证号（members\[0\]\.idNumber）：校验位不对/);
    expect(r.stderr).toMatch(/第 2 位成员的与户主关系（members\[1\]\.relation）/);
    expect(r.stderr).toMatch(/第 3 位成员的月收入（members\[2\]\.monthlyIncome）/);
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/);
    expect(readFileSync(join(data, 'journal.jsonl'), 'utf8')).toBe(journalBefore);
  });

  it('refuses a second open application of the same household and program', () => {
    const data = initOffice();
    const f = join(INTAKE, '02-huang-guiying.json');
    expect(jiuzhu(['case', 'add', '--from', f, '--data', data], NOW).code).toBe(0);
    const r = jiuzhu(['case', 'add', '--from', f, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('避免重复救助');
    expect(jiuzhu(['case', 'list', '--json', '--data', data], NOW).json<unknown[]>()).toHaveLength(1);
  });

  it('refuses an ID number registered in another household', () => {
    const data = initOffice();
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], NOW).code).toBe(0);
    const other = JSON.parse(readFileSync(join(INTAKE, '04-zhao-deming.json'), 'utf8'));
    other.members[1].idNumber = '430105198007222428'; // 周秀兰, already in 刘建国's household
    const file = join(data, '..', 'dup.json');
    writeFileSync(file, JSON.stringify(other));
    const r = jiuzhu(['case', 'add', '--from', file, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已登记在另一户（户主 刘建国）');
  });

  it('leaves an application with missing materials as draft and names what is missing', () => {
    const data = initOffice();
    const bad = JSON.parse(readFileSync(join(INTAKE, '04-zhao-deming.json'), 'utf8'));
    bad.materials = ['申请书', '户口簿', '身份证'];
    const file = join(data, '..', 'draft.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = jiuzhu(['case', 'add', '--from', file, '--data', data], NOW);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('缺 照片、病历及诊断证明');
    const show = jiuzhu(['case', 'show', r.stdout.trim(), '--json', '--data', data], NOW).json<{ status: string; deadline: unknown }>();
    expect(show.status).toBe('draft');
    expect(show.deadline).toBeNull();
  });
});

describe('exit codes and messages', () => {
  it('uses 2 for wrong usage and 1 for a job it could not do, in Chinese, without a stack trace', () => {
    const data = initOffice();
    const usage = jiuzhu(['case', 'list', '--status', 'done', '--data', data]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--status 的值「done」不认识');
    expect(jiuzhu(['frobnicate']).code).toBe(2);
    expect(jiuzhu(['case', 'show']).code).toBe(2);
    const missing = jiuzhu(['case', 'show', '430105003001-2026-0099', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('没有申请编号为 430105003001-2026-0099 的申请');
    const uninitialised = jiuzhu(['status', '--data', tempOffice()]);
    expect(uninitialised.code).toBe(1);
    expect(uninitialised.stderr).toContain('jiuzhu init');
    expect(uninitialised.stderr).not.toContain('    at ');
  });

  it('shows the stack only with JIUZHU_DEBUG=1', () => {
    const plain = jiuzhu(['status', '--data', tempOffice()]);
    const debug = jiuzhu(['status', '--data', tempOffice()], { JIUZHU_DEBUG: '1' });
    expect(plain.stderr).not.toContain('    at ');
    expect(debug.stderr).toContain('    at ');
  });

  it('takes JIUZHU_DATA when --data is not given, and rejects a JIUZHU_NOW that is not a date', () => {
    const data = initOffice();
    expect(jiuzhu(['status', '--json'], { JIUZHU_DATA: data, ...NOW }).json<{ office: { code: string } }>().office.code).toBe('430105003001');
    const bad = jiuzhu(['status'], { JIUZHU_DATA: data, JIUZHU_NOW: 'tomorrow' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('JIUZHU_NOW');
  });

  it('--json prints one JSON document and nothing else on stdout', () => {
    const data = initOffice();
    const r = jiuzhu(['case', 'add', '--from', join(INTAKE, '04-zhao-deming.json'), '--json', '--data', data], NOW);
    expect(r.json()).toMatchObject({ caseNo: '430105003001-2026-0001', status: 'accepted' });
  });
});

describe('jiuzhu status', () => {
  it('shows the cases near their deadline at a fixed date', () => {
    const data = initOffice();
    for (const f of FIXTURES) jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], NOW);
    // 2026-11-19 is 3 working days before 2026-11-23: inside the warning window.
    const d = jiuzhu(['status', '--json', '--data', data], { JIUZHU_NOW: '2026-11-19' }).json<{
      counts: { openCases: number };
      nearDeadline: { caseNo: string; daysLeft: number }[];
      overdue: unknown[];
    }>();
    expect(d.counts.openCases).toBe(4);
    expect(d.nearDeadline.map((r) => r.daysLeft)).toEqual([2, 2, 2, 2]);
    const late = jiuzhu(['status', '--json', '--data', data], { JIUZHU_NOW: '2026-11-25' }).json<{ overdue: { daysLeft: number }[] }>();
    expect(late.overdue.map((r) => r.daysLeft)).toEqual([-2, -2, -2, -2]);
    const text = jiuzhu(['status', '--data', data], { JIUZHU_NOW: '2026-11-25' }).stdout;
    expect(text).toContain('已超期 4 件');
  });
});

describe('jiuzhu doctor', () => {
  it('passes a clean office and names a tampered journal entry and a truncated store file', () => {
    const data = initOffice();
    for (const f of FIXTURES) jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], NOW);
    expect(jiuzhu(['doctor', '--data', data]).code).toBe(0);

    const jpath = join(data, 'journal.jsonl');
    const original = readFileSync(jpath, 'utf8');
    writeFileSync(jpath, original.replace('"value":3', '"value":4'));
    const tampered = jiuzhu(['doctor', '--data', data]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/journal\.jsonl 第 4 条/);
    writeFileSync(jpath, original);

    const cpath = join(data, 'cases.json');
    const cases = readFileSync(cpath, 'utf8');
    writeFileSync(cpath, cases.slice(0, Math.floor(cases.length / 2)));
    const truncated = jiuzhu(['doctor', '--data', data]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/cases\.json：不是完整的 JSON/);
    writeFileSync(cpath, cases);

    // A store edited behind the journal's back is found too.
    writeFileSync(cpath, cases.replace('"interview":"户主刘建国', '"interview":"改过的'));
    const edited = jiuzhu(['doctor', '--data', data]);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/cases\.json 的 cases：1 条记录与日志不一致/);
  });

  it('rebuilds a deleted store file from the journal with --repair', async () => {
    const data = initOffice();
    for (const f of FIXTURES) jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], NOW);
    const before = jiuzhu(['case', 'list', '--json', '--data', data], NOW).stdout;
    const { unlinkSync } = await import('node:fs');
    unlinkSync(join(data, 'households.json'));
    expect(jiuzhu(['doctor', '--data', data]).code).toBe(1);
    const repaired = jiuzhu(['doctor', '--repair', '--data', data]);
    expect(repaired.stderr).toContain('按日志重建');
    expect(jiuzhu(['doctor', '--data', data]).code).toBe(0);
    expect(jiuzhu(['case', 'list', '--json', '--data', data], NOW).stdout).toBe(before);
  });

  it('reports files other users can read, and --repair tightens them', async () => {
    const data = initOffice();
    const { chmodSync } = await import('node:fs');
    chmodSync(join(data, 'cases.json'), 0o644);
    const r = jiuzhu(['doctor', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cases.json：权限是 644');
    jiuzhu(['doctor', '--repair', '--data', data]);
    expect(jiuzhu(['doctor', '--data', data]).code).toBe(0);
  });
});
