import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice, step, WAY } from '../support/caseWay.js';
import { Office } from '../../src/store/office.js';

const FILES = ['01-liu-jianguo.json', '02-huang-guiying.json', '03-chen-zhiqiang.json', '04-zhao-deming.json'];
const intake = FILES.map((f) => JSON.parse(readFileSync(join(INTAKE, f), 'utf8')));
const no = (n: number) => `430105003001-2026-000${n}`;

/** Four households: -0001 (disabled wife) and -0004 (dialysis) in their notice period, -0002 submitted, -0003 accepted. */
async function office(): Promise<string> {
  const data = tempOffice();
  initOffice(data);
  for (const f of FILES) expect(jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
  const o = await Office.open(data);
  await o.transact({ operator: 'test', source: 'local', action: 'test.standard' }, (tx) => {
    tx.put('standards', '城市-低保-2026-01-01', { id: '城市-低保-2026-01-01', area: '城市', program: '低保', monthlyFen: 85000, from: '2026-01-01', source: 'local' });
  });
  for (const n of [1, 4, 2]) for (const s of WAY.slice(0, 4)) expect(step(data, no(n), s.step, s.date, ...s.args).code).toBe(0);
  for (const s of WAY.slice(4)) expect(step(data, no(2), s.step, s.date, ...s.args).code).toBe(0);
  return data;
}

function print(data: string, args: string[], now = '2026-11-12'): string {
  const out = join(data, '..', `${args.join('-')}.html`);
  const r = jiuzhu([...args, '--out', out, '--data', data], { JIUZHU_NOW: now });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** What must never be on the public notice: ID numbers, income figures, illness and disability. */
function leaks(html: string): string[] {
  const found: string[] = [];
  const text = html.replace(/<style>[\s\S]*?<\/style>/, '');
  for (const m of intake.flatMap((i) => i.members)) {
    if (text.includes(m.idNumber) || text.includes(m.idNumber.slice(-4) + '<') || text.includes(m.idNumber.slice(6, 14))) found.push(`ID ${m.idNumber}`);
    if (m.monthlyIncome > 0 && new RegExp(`(?<![\\d-])${m.monthlyIncome}(?![\\d-])`).test(text)) found.push(`income ${m.monthlyIncome}`);
  }
  for (const w of ['残疾', '一级', '二级', '三级', '四级', '疾病', '病历', '诊断', '透析', '尿毒症', '服药', '收入', '工资', '养老金', '1550', '516.67', '450.00']) {
    if (text.includes(w)) found.push(w);
  }
  if (/\d{17}[\dX]/.test(text) || /\d{6}\*+\d{3}[\dX]/.test(text)) found.push('an ID-shaped number');
  return found;
}

describe('printables', () => {
  it('the public notice lists only the masked name, household size, program and amount, with nothing else of the households', async () => {
    const data = await office();
    const html = print(data, ['notice', 'print']);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('size: A4');
    expect(html).toMatch(/font-family:[^;]*Noto Sans CJK SC/);
    // the notice period stays on one line (it wrapped each date over four, and eight households took two A4 pages;
    // rendered with chromium, twelve now fit one page)
    expect(html).toContain('<table class="notice">');
    expect(html).toMatch(/\.notice td \{ white-space: nowrap;/);
    const rows = [...html.matchAll(/<tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td class="num">([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      // 850 × 3 − 1550 (whole fen, not (850 − 516.67) × 3) and (850 − 450) × 2; -0002 is submitted, -0003 not yet noticed
      ['1', no(1), '刘*国', '3', '低保', '1000.00', '2026-11-10 至 2026-11-16'],
      ['2', no(4), '赵*明', '2', '低保', '800.00', '2026-11-10 至 2026-11-16'],
    ]);
    for (const name of ['刘建国', '周秀兰', '刘桂芝', '赵德明', '孙丽华', '黄桂英', '陈志强']) expect(html).not.toContain(name);
    expect(leaks(html)).toEqual([]);
    // the objection raised during the notice is not on it either
    expect(html).not.toContain('小汽车');
    // once the notice period is over, the cases are no longer on the notice
    expect(print(data, ['notice', 'print'], '2026-11-17')).toContain('目前没有处在公示期的申请');
  });

  it('the masking check itself catches a leak', () => {
    expect(leaks('<td>刘建国 430105197803152315 月收入 1200 二级残疾</td>')).toEqual(
      expect.arrayContaining(['ID 430105197803152315', 'income 1200', '残疾', '二级', '收入', 'an ID-shaped number']),
    );
  });

  it('the receipt names the materials received and missing and never carries a full ID number', async () => {
    const data = tempOffice();
    initOffice(data);
    const raw = { ...intake[0], materials: ['申请书', '户口簿', '身份证', '照片', '残疾证'] };
    const file = join(data, '..', 'partial.json');
    (await import('node:fs')).writeFileSync(file, JSON.stringify(raw));
    jiuzhu(['case', 'add', '--from', file, '--data', data], { JIUZHU_NOW: '2026-11-02' });
    const html = print(data, ['case', 'print', no(1), 'receipt'], '2026-11-02');
    expect(html).toContain(`申请编号：${no(1)}`);
    expect(html).toContain('材料尚不齐全');
    expect(html).toMatch(/尚需补交的材料[\s\S]*<td>收入证明<\/td>/);
    expect(html).toMatch(/已收到的材料[\s\S]*<td>残疾证<\/td>/);
    expect(html).toContain('2026-11-02');
    expect(html).not.toMatch(/\d{17}[\dX]/);
    for (const m of raw.members) expect(html).not.toContain(m.idNumber);

    const full = await office();
    const accepted = print(full, ['case', 'print', no(3), 'receipt']);
    expect(accepted).toContain('本站已于 2026-11-02 受理');
    expect(accepted).toContain('2026-11-23 前');
    expect(accepted).not.toContain('尚需补交');
  });

  it('the refusal notice carries the county reason, is refused before there is a refusal, and never a full ID number', async () => {
    const data = await office();
    const before = jiuzhu(['case', 'print', no(2), 'refusal', '--out', join(data, '..', 'r.html'), '--data', data], { JIUZHU_NOW: '2026-11-20' });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('没有不予批准的决定');
    const o = await Office.open(data);
    await o.transact({ operator: 'test', source: 'file:0000', action: 'test.upper' }, (tx) =>
      void tx.update('cases', no(2), (c) => {
        c.status = 'rejected';
        c.decision = { result: '不予批准', date: '2026-11-25', program: null, persons: null, monthlyAmountFen: null, category: null, startMonth: null, reason: '经核查，430105194612033264 名下有定期存款，家庭财产超过规定' };
      }),
    );
    const html = print(data, ['case', 'print', no(2), 'refusal'], '2026-11-26');
    expect(html).toContain('黄桂英');
    expect(html).toContain('2026-11-25');
    expect(html).toContain('家庭财产超过规定');
    expect(html).toContain('行政复议');
    expect(html).not.toMatch(/\d{17}[\dX]/);
  });

  it('the application form for the file holds the whole household and says it is not for posting', async () => {
    const data = await office();
    const html = print(data, ['case', 'print', no(1), 'application']);
    expect(html).toContain('430105197803152315');
    expect(html).toContain('周秀兰');
    expect(html).toContain('二级');
    expect(html).toMatch(/1550\.00 元/);
    expect(html).toContain('王芳、李强');
    expect(html).toContain('不得公开张贴');
  });
});
