// Issue 15 item 7: a sheet name exceljs refuses, and one 填报 per period whatever the format.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { jiuzhu } from '../support/cli.js';
import { buildReportOffice } from '../support/reportOffice.js';
import { Office } from '../../src/store/office.js';
import { sheetName } from '../../src/reports/xlsx.js';
import { fillsOf } from '../../src/reports/kept.js';

const NOW = { JIUZHU_NOW: '2026-11-23T10:00:00+08:00', JIUZHU_OPERATOR: '王芳' };

describe('report export defects', () => {
  it('a sheet name is what Excel accepts: no * ? : \\ / [ ], at most 31 characters', () => {
    expect(sheetName('老年证/优待证/高龄津贴明细表')).toBe('老年证_优待证_高龄津贴明细表');
    expect(sheetName('a*b?c:d\\e/f[g]h')).toBe('a_b_c_d_e_f_g_h');
    expect([...sheetName('表'.repeat(40))].length).toBe(31);
    expect(sheetName("'/'")).toBe('_');
  });

  it('fills the elderly list (a / in its title) as an xlsx that reads back', async () => {
    const { dir: data } = await buildReportOffice();
    const file = join(data, '..', 'elderly.xlsx');
    const r = jiuzhu(['report', 'fill', 'elderly-monthly', '--period', '2026-11', '--out', file, '--data', data], NOW);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('老年证_优待证_高龄津贴明细表');
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('老年证/优待证/高龄津贴明细表');
  });

  it('the same figures in csv, xlsx and html are one 填报 of the period', async () => {
    const { dir: data } = await buildReportOffice();
    for (const ext of ['csv', 'xlsx', 'html']) {
      const r = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', join(data, '..', `p.${ext}`), '--data', data], NOW);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('第 1 次填报');
    }
    const o = await Office.open(data);
    expect(fillsOf(o.view, 'dibao-payroll', '2026-10').map((f) => f.n)).toEqual([1]);
    // Typing a value is a new 填报.
    const typed = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', join(data, '..', 'p2.csv'), '--set', 'handler=王芳', '--data', data], NOW);
    expect(typed.code, typed.stderr).toBe(0);
    expect(fillsOf((await Office.open(data)).view, 'dibao-payroll', '2026-10').map((f) => f.n)).toEqual([1, 2]);
  });
});
