// Issue 15 (items 3, 4, 6, 7): what a clerk meets at intake, on `case show`,
// on the application form, and in the case list — each defect seen through the CLI.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice, step, WAY } from '../support/caseWay.js';
import { CLI } from '../support/paths.js';
import { Office } from '../../src/store/office.js';

const NOW = { JIUZHU_NOW: '2026-11-02T09:30:00+08:00' };
const NO1 = '430105003001-2026-0001';
const fixture = (f: string) => JSON.parse(readFileSync(join(INTAKE, f), 'utf8'));

function office(): string {
  const data = tempOffice();
  initOffice(data);
  return data;
}

function addFile(data: string, doc: unknown, lang: string[] = []) {
  const file = join(data, '..', `intake-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return jiuzhu([...lang, 'case', 'add', '--from', file, '--data', data], NOW);
}

async function withStandard(data: string): Promise<void> {
  const o = await Office.open(data);
  await o.transact({ operator: 'test', source: 'local', action: 'test.standard' }, (tx) => {
    tx.put('standards', '城市-低保-2026-01-01', { id: '城市-低保-2026-01-01', area: '城市', program: '低保', monthlyFen: 85000, from: '2026-01-01', source: 'local' });
  });
  await o.settled();
}

describe('intake refuses weak data, and says what it found', () => {
  it('refuses a future application date, a member without monthlyIncome, and monthlyIncome together with incomes', () => {
    const data = office();
    const doc = fixture('01-liu-jianguo.json');
    doc.applicationDate = '2026-11-03';
    delete doc.members[1].monthlyIncome;
    doc.members[2].incomes = [{ kind: '养老金', amount: 350 }];
    const r = addFile(data, doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('申请日期 2026-11-03 晚于今天（2026-11-02）');
    expect(r.stderr).toMatch(/第 2 位成员的月收入（members\[1\]\.monthlyIncome）.*周秀兰没有填月收入/);
    expect(r.stderr).toMatch(/第 3 位成员的月收入（members\[2\]\.monthlyIncome）.*刘桂芝同时填了 monthlyIncome 和 incomes/);
    expect(jiuzhu(['case', 'list', '--json', '--data', data], NOW).json()).toEqual([]);
  });

  it('prints the eligibility result at case add, and case show shows standard, verdict, excluded income and the interview confirmation', async () => {
    const data = office();
    await withStandard(data);
    const doc = fixture('01-liu-jianguo.json');
    doc.members[2] = { ...doc.members[2], monthlyIncome: undefined, incomes: [{ kind: '养老金', amount: 350 }, { kind: '优抚金', amount: 300 }] };
    doc.interviewConfirmed = true;
    const r = addFile(data, doc);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(NO1);
    expect(r.stderr).toContain('测算结论：符合条件　保障标准 850.00 元　人均月收入 516.67 元　计入收入 1550.00 元');
    expect(r.stderr).toContain('测算保障金 1000.00 元/月');
    const show = jiuzhu(['case', 'show', NO1, '--data', data], NOW).stdout;
    expect(show).toContain('测算结论：符合条件');
    expect(show).toContain('不计入：刘桂芝 优抚金 300.00 元（优抚金按规定不计入家庭收入）');
    expect(show).toContain('谈话记录：申请人已确认');
    const json = jiuzhu(['case', 'show', NO1, '--json', '--data', data], NOW).json<any>();
    expect(json.eligibility).toMatchObject({ verdict: 'eligible', standardFen: 85000, perCapitaFen: 51667, countedIncomeFen: 155000, problems: [] });
    expect(json.eligibility.excluded).toEqual([{ member: '刘桂芝', kind: '优抚金', amountFen: 30000, reason: '优抚金按规定不计入家庭收入' }]);
    expect(json.interviewConfirmed).toBe(true);
    const en = jiuzhu(['--lang', 'en', 'case', 'show', NO1, '--data', data], NOW).stdout;
    expect(en).toContain('verdict: eligible');
    expect(en).toContain('interview record: confirmed by the applicant');
  });

  it('needs a reason to withdraw, and case list --status takes the status word', () => {
    const data = office();
    expect(addFile(data, fixture('01-liu-jianguo.json')).code).toBe(0);
    const bare = step(data, NO1, 'withdraw', '2026-11-02');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('请用 --note 写明撤回的原因');
    expect(step(data, NO1, 'withdraw', '2026-11-02', '--note', '申请人外出务工').code).toBe(0);
    for (const word of ['已撤回', 'withdrawn']) {
      const r = jiuzhu(['case', 'list', '--status', word, '--json', '--data', data], NOW);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json<any[]>().map((x) => x.caseNo)).toEqual([NO1]);
    }
  });
});

describe('the rent subsidy follows its rule', () => {
  it('a household without 低保 and 80 m² for one person is not eligible and cannot be submitted, saying which condition fails', async () => {
    const data = office();
    await withStandard(data);
    const doc = fixture('02-huang-guiying.json');
    doc.program = '廉租房补贴';
    doc.housingArea = 80;
    doc.materials = [...doc.materials, '低保证', '租房协议', '租金收据', '房主身份证复印件'];
    const add = addFile(data, doc);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain('条件不符：家庭没有在保的低保');
    const no = add.stdout.trim();
    const json = jiuzhu(['case', 'show', no, '--json', '--data', data], NOW).json<any>();
    expect(json.eligibility.verdict).toBe('not-eligible');
    expect(json.eligibility.problems).toEqual(['家庭没有在保的低保，廉租房补贴须先享受低保', '人均住房面积 80 平方米，不低于 15 平方米']);
    for (const s of WAY.filter((x) => !['objection', 'resolve', 'submit'].includes(x.step))) expect(step(data, no, s.step, s.date, ...s.args).code).toBe(0);
    const submit = step(data, no, 'submit', '2026-11-17');
    expect(submit.code).toBe(1);
    expect(submit.stderr).toContain('不符合本救助类别的条件：家庭没有在保的低保');
    expect(submit.stderr).toContain('人均住房面积 80 平方米');
    expect(jiuzhu(['case', 'show', no, '--json', '--data', data], NOW).json<any>().status).toBe('noticing');
    const out = join(data, '..', 'form.html');
    expect(jiuzhu(['case', 'print', no, 'application', '--out', out, '--data', data], NOW).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<td>不符合条件</td>');
    expect(html).toContain('<th>条件不符</th><td colspan="3">家庭没有在保的低保');
  });
});

describe('what people open', () => {
  it('shows the county verification findings in case show and on the application form, with the householder phone', async () => {
    const data = office();
    expect(addFile(data, fixture('01-liu-jianguo.json')).code).toBe(0);
    const o = await Office.open(data);
    await o.transact({ operator: 'test', source: 'local', action: 'test.verification' }, (tx) => {
      tx.update('cases', NO1, (c) => {
        c.verifications.push({ item: '工商登记', found: true, date: '2026-11-02', amountFen: 724000, source: 'file:verification.csv' });
        c.verifications.push({ item: '存款', found: true, date: '2026-11-02', amountFen: 8600000, note: '银行核对', source: 'file:verification.csv' });
      });
    });
    const show = jiuzhu(['case', 'show', NO1, '--data', data], NOW).stdout;
    expect(show).toContain('核查 2026-11-02：工商登记 有 7240.00 元');
    expect(show).toContain('核查 2026-11-02：存款 有 86000.00 元  银行核对');
    const out = join(data, '..', 'app.html');
    expect(jiuzhu(['case', 'print', NO1, 'application', '--out', out, '--data', data], NOW).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<th>联系电话</th><td>13873105126</td>');
    expect(html).toContain('工商登记：有 7240.00 元');
    expect(html).toContain('存款：有 86000.00 元　银行核对');
  });

  it('aligns case list columns for double-width names, and ends quietly when the reader stops early', () => {
    const data = office();
    expect(addFile(data, fixture('01-liu-jianguo.json')).code).toBe(0);
    const other = fixture('02-huang-guiying.json');
    other.members[0].name = '欧阳桂英';
    expect(addFile(data, other).code).toBe(0);
    const lines = jiuzhu(['case', 'list', '--data', data], NOW).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const at = (l: string) => stringWidth(l.slice(0, l.indexOf('低保')));
    expect(at(lines[0]!)).toBe(at(lines[1]!));
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" case list --data "${data}" | true`], { encoding: 'utf8', env: { ...process.env, ...NOW } });
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  });
});
