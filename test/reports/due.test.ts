import { describe, it, expect } from 'vitest';
import { WorkingCalendar } from '../../src/rules/workingDays.js';
import { dueDateOf, reportsDue } from '../../src/reports/due.js';
import { parsePeriod, periodLabel, shiftPeriod } from '../../src/reports/period.js';
import { builtinTemplatesDir, loadTemplates } from '../../src/reports/template.js';
import { fillReport } from '../../src/reports/fill.js';
import { keepFill } from '../../src/reports/kept.js';
import { buildReportOffice } from '../support/reportOffice.js';

const cal = new WorkingCalendar();
const quarterRule = { type: 'workingDays', days: 5 } as const;

describe('due dates', () => {
  it('within the first 5 working days after each quarter of 2025 and 2026, across 清明, 国庆/中秋 and 元旦', () => {
    const due = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((q) => dueDateOf(quarterRule, parsePeriod(q), cal).date);
    expect(due).toEqual([
      '2025-04-08', // Apr 1, 2, 3; 4–6 清明; 7, 8
      '2025-07-07', // Jul 1–4, 7
      '2025-10-14', // Oct 1–8 off; 9, 10, Sat 11 (make-up day), 13, 14
      '2026-01-08', // Jan 1–3 元旦; Sun 4 (make-up day), 5, 6, 7, 8
      '2026-04-08', // Apr 1, 2, 3; 4–6 清明; 7, 8
      '2026-07-07', // Jul 1, 2, 3, 6, 7
      '2026-10-13', // Oct 1–7 off; 8, 9, Sat 10 (make-up day), 12, 13
    ]);
  });

  it('counts weekends only in a year the calendar lacks, says so, and uses the county holidays file once it arrives', () => {
    const q4 = parsePeriod('2026-Q4');
    expect(dueDateOf(quarterRule, q4, cal)).toEqual({ date: '2027-01-07', covered: false });
    const county = new WorkingCalendar([{ date: '2027-01-01', type: '休息', name: '元旦' }, { date: '2027-01-02', type: '休息' }, { date: '2027-01-03', type: '休息' }]);
    expect(dueDateOf(quarterRule, q4, county)).toEqual({ date: '2027-01-08', covered: true });
  });

  it('every month of 2026: by the 5th of the next month, by month end, and the 5th working day after it', () => {
    let p = parsePeriod('2026-01');
    const rows: string[][] = [];
    for (let i = 0; i < 12; i++, p = shiftPeriod(p, 1)) {
      rows.push([
        p.id,
        dueDateOf({ type: 'dayOfMonth', day: 5, month: 'next' }, p, cal).date,
        dueDateOf({ type: 'dayOfMonth', day: 'last', month: 'same' }, p, cal).date,
        dueDateOf(quarterRule, p, cal).date,
      ]);
    }
    expect(rows).toEqual([
      ['2026-01', '2026-02-05', '2026-01-31', '2026-02-06'],
      ['2026-02', '2026-03-05', '2026-02-28', '2026-03-06'], // Sat 28 Feb is a make-up day but not after the month
      ['2026-03', '2026-04-05', '2026-03-31', '2026-04-08'],
      ['2026-04', '2026-05-05', '2026-04-30', '2026-05-11'], // May 1–5 off; 6, 7, 8, Sat 9 (make-up), 11
      ['2026-05', '2026-06-05', '2026-05-31', '2026-06-05'],
      ['2026-06', '2026-07-05', '2026-06-30', '2026-07-07'],
      ['2026-07', '2026-08-05', '2026-07-31', '2026-08-07'],
      ['2026-08', '2026-09-05', '2026-08-31', '2026-09-07'],
      ['2026-09', '2026-10-05', '2026-09-30', '2026-10-13'],
      ['2026-10', '2026-11-05', '2026-10-31', '2026-11-06'],
      ['2026-11', '2026-12-05', '2026-11-30', '2026-12-07'],
      ['2026-12', '2027-01-05', '2026-12-31', '2027-01-07'],
    ]);
    expect(dueDateOf({ type: 'dayOfMonth', day: 'last', month: 'same' }, parsePeriod('2024-02'), cal).date).toBe('2024-02-29');
    expect(dueDateOf({ type: 'dayOfMonth', day: 20, month: 'next' }, parsePeriod('2025'), cal).date).toBe('2026-01-20');
    expect(periodLabel(parsePeriod('2026-Q4'))).toBe('2026年第四季度');
  });

  it('reportsDue: before a first fill only the latest period is expected; after it, the gaps are overdue', async () => {
    const { office } = await buildReportOffice();
    const templates = loadTemplates([builtinTemplatesDir()]);
    const today = '2026-11-23';
    const byId = (rows: ReturnType<typeof reportsDue>) => Object.fromEntries(rows.map((r) => [r.templateId, r]));
    let due = byId(reportsDue(office.view, today, templates));
    expect(due['dibao-monthly']).toMatchObject({ period: '2026-10', due: '2026-11-05', done: false, overdue: true, overduePeriods: ['2026-10'] });
    // The elderly list of November is due by 15 November; the signature sheet by the end of November.
    expect(due['elderly-monthly']).toMatchObject({ period: '2026-11', due: '2026-11-15', overdue: true });
    expect(due['dibao-payroll']).toMatchObject({ period: '2026-11', due: '2026-11-30', done: false, overdue: false });
    expect(due['dibao-quarterly']).toMatchObject({ period: '2026-Q3', due: '2026-10-13', overdue: true });
    expect(due['assistance-yearly']).toMatchObject({ period: '2025', due: '2026-01-20', overdue: true });
    expect(due['notice-list']).toMatchObject({ due: null, overdue: false });

    const keep = (id: string, period: string) =>
      office.transact({ operator: '王芳', source: 'local', action: 'test.keep' }, (tx) => {
        const t = templates.find((x) => x.id === id)!;
        keepFill(tx, fillReport(tx, t, parsePeriod(period), today), {}, { by: '王芳', forced: false });
      });
    await keep('dibao-monthly', '2026-08');
    await keep('dibao-monthly', '2026-10');
    await keep('dibao-payroll', '2026-11');
    due = byId(reportsDue(office.view, today, templates));
    // From August on: September is missing.
    expect(due['dibao-monthly']).toMatchObject({ period: '2026-09', due: '2026-10-05', done: false, overdue: true, overduePeriods: ['2026-09'] });
    expect(due['dibao-payroll']).toMatchObject({ period: '2026-12', due: '2026-12-31', done: true, overdue: false });
    await keep('dibao-monthly', '2026-09');
    due = byId(reportsDue(office.view, today, templates));
    expect(due['dibao-monthly']).toMatchObject({ period: '2026-11', due: '2026-12-05', done: true, overdue: false, overduePeriods: [] });
  });
});
