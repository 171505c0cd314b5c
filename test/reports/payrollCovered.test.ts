// The payroll (低保金发放签字表) names the members each paid household's
// enrolment covers (issue 15 item 2): a 4-person household the county covers
// for 2 (单人保) lists exactly those two, in the CSV, the xlsx and the HTML.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { cliOffice } from '../support/cliOffice.js';
import { CASE, CHEN } from '../support/office.js';
import { readCsvTable } from '../../src/exchange/readCsv.js';

describe('低保金发放签字表 保障成员', () => {
  it('lists the covered members of a single-person enrolment, beside the unchanged 保障人数', async () => {
    const { data, run, inbox } = cliOffice('jiuzhu-payroll-covered-', '2026-12-05');
    inbox('decision.csv', `\uFEFF申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,发送单位代码\r\n${CASE(3)},${CHEN},陈志强,批准,2026-11-25,低保,2,900,2026-12,A,仅保障李梅、陈浩然,430105\r\n`);
    expect(run(['sync', 'once']).code).toBe(0);
    const out = (ext: string) => join(dirname(data), `payroll.${ext}`);

    for (const ext of ['csv', 'xlsx', 'html']) {
      const r = run(['report', 'fill', 'dibao-payroll', '--period', '2026-12', '--out', out(ext)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const csv = readCsvTable(readFileSync(out('csv')));
    if (!csv.ok) throw new Error('unreadable');
    expect(csv.headers).toEqual(['序号', '户主姓名', '身份证号', '住址', '保障人数', '保障成员', '分类', '本月金额(元)', '领取人签字', '领取日期']);
    const chen = csv.rows.find((row) => row.cells['户主姓名'] === '陈志强')!;
    expect(chen.cells['保障人数']).toBe('2');
    expect(chen.cells['保障成员']).toBe('李梅、陈浩然');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out('xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(6).value).toBe('保障成员');
    const row = [4, 5, 6, 7].map((n) => ws.getRow(n)).find((r) => r.getCell(2).value === '陈志强')!;
    expect(row.getCell(6).value).toBe('李梅、陈浩然');

    const html = readFileSync(out('html'), 'utf8');
    expect(html).toContain('<th>保障成员</th>');
    const line = html.split('\n').find((l) => l.startsWith('<tr') && l.includes('陈志强'))!;
    expect(line).toContain('<td>李梅、陈浩然</td>');
    expect(line).not.toContain('王淑珍');
  });
});
