// The short due words of the app's list of forms, a rule of src/reports
// (the screen used to compute them), tested without rendering.
import { describe, it, expect } from 'vitest';
import { dueShortText, dueStateText, type DueRow } from '../../src/reports/due.js';
import { setLang } from '../../src/i18n/index.js';

const row = (x: Partial<DueRow>): DueRow => ({
  templateId: 'dibao-monthly', title: '城乡低保月报表', rule: '次月5日前', period: '2026-11', due: '2026-12-05',
  done: false, overdue: false, overduePeriods: [], lastFilled: null, covered: true, ...x,
});

describe('the due words of a form', () => {
  it('say irregular, overdue periods, filed with the next due date, or the period and its due date', () => {
    expect(dueShortText(row({ period: null, due: null }))).toBe('不定期');
    expect(dueShortText(row({ overdue: true, overduePeriods: ['2026-09', '2026-10'], period: '2026-09', due: '2026-10-05' }))).toBe('已超期 2026-09、2026-10');
    expect(dueShortText(row({ done: true }))).toBe('已报，下期限 2026-12-05');
    expect(dueShortText(row({}))).toBe('2026-11 限 2026-12-05');
    expect(dueStateText(row({ covered: false }))).toBe('2026-11 应于 2026-12-05 前报送（节假日日历缺年份，只按周末计算）');
    setLang('en');
    try {
      expect(dueShortText(row({ overdue: true, overduePeriods: ['2026-09', '2026-10'] }))).toBe('overdue 2026-09, 2026-10');
      expect(dueStateText(row({ done: true }))).toBe('filed; next period 2026-11 due by 2026-12-05');
    } finally {
      setLang('zh');
    }
  });
});
