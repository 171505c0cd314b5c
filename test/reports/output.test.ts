import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { reportCsv } from '../../src/reports/csv.js';
import { csvBytes, guardCell } from '../../src/exchange/csvOut.js';
import { reportHtml } from '../../src/reports/html.js';
import { readCsvTable } from '../../src/exchange/readCsv.js';
import { parsePeriod } from '../../src/reports/period.js';
import type { FilledReport } from '../../src/reports/fill.js';

const report: FilledReport = {
  templateId: 't',
  title: '测试表',
  period: parsePeriod('2026-10'),
  periodLabel: '2026年10月',
  office: { code: '430105003001', name: '东风社区' },
  filledOn: '2026-11-23',
  orientation: 'portrait',
  columns: [
    { key: 'no', header: '序号', type: 'integer', manual: false },
    { key: 'name', header: '姓名', type: 'text', manual: false },
    { key: 'address', header: '住址', type: 'text', manual: false },
    { key: 'amount', header: '金额(元)', type: 'amount', manual: false },
  ],
  rows: [
    { key: 'a', cells: { no: 1, name: '=HYPERLINK("http://x")', address: '东风路12号,3栋 "201"', amount: 123456 } },
    { key: 'b', cells: { no: 2, name: '𠮷祥', address: '-1+2', amount: 5 } },
  ],
  fields: [{ key: 'preparer', label: '填报人', value: '', manual: true }],
  checks: [],
};

describe('report output', () => {
  it('guards cells a spreadsheet would run as formulas and quotes commas and quotes', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '张三', '1.5'].map(guardCell)).toEqual([
      "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", '张三', '1.5',
    ]);
    expect(csvBytes(['a', 'b'], [['x,y', 'say "hi"']]).subarray(3).toString('utf8')).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });

  it('reads back the same cells from UTF-8 with BOM and from GB18030, with a CJK Ext-B name intact', () => {
    for (const enc of ['utf-8-bom', 'gb18030'] as const) {
      const buf = reportCsv(report, enc);
      if (enc === 'gb18030') expect(iconv.decode(buf, 'gb18030')).toContain('𠮷祥');
      const t = readCsvTable(buf);
      if (!t.ok) throw new Error(t.reason);
      expect(t.encoding).toBe(enc);
      expect(t.rows.map((r) => t.headers.map((h) => r.cells[h]))).toEqual([
        ['1', `'=HYPERLINK("http://x")`, '东风路12号,3栋 "201"', '1234.56'],
        ['2', '𠮷祥', "'-1+2", '0.05'],
      ]);
    }
  });

  it('escapes HTML and leaves room for the clerk to sign', () => {
    const html = reportHtml({ ...report, rows: [{ key: 'x', cells: { no: 1, name: '<b>张</b>', address: 'a&b', amount: 100 } }] });
    expect(html).toContain('<td>&lt;b&gt;张&lt;/b&gt;</td>');
    expect(html).toContain('<td>a&amp;b</td>');
    expect(html).toContain('<td class="num">1.00</td>');
    expect(html).toContain('填报人：&emsp;');
    expect(html).toContain('<title>测试表（2026年10月）</title>');
  });
});
