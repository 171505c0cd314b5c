import { describe, it, expect } from 'vitest';
import { buildReportOffice, idNo } from '../support/reportOffice.js';
import { builtinTemplatesDir, loadTemplates, templateById } from '../../src/reports/template.js';
import { fillReport } from '../../src/reports/fill.js';
import { parsePeriod } from '../../src/reports/period.js';
import { changesSince, figuresOfKept, keepFill, reportFromKept } from '../../src/reports/kept.js';
import { reportCsv } from '../../src/reports/csv.js';

describe('kept fills', () => {
  it('keep a long list gzipped, export it again byte for byte, and still say what changed', async () => {
    const { office } = await buildReportOffice();
    const t = templateById(loadTemplates([builtinTemplatesDir()]), 'dibao-payroll');
    const ids = Array.from({ length: 200 }, (_, i) => idNo(`1970-01-${String((i % 28) + 1).padStart(2, '0')}`, String(300 + i)));
    await office.transact({ operator: '王芳', source: 'local', action: 'test.many' }, (tx) => {
      for (const [i, id] of ids.entries()) {
        tx.put('households', `h${id}`, { id: `h${id}`, householderId: id, area: '城市', address: `东风路${i}号`, phone: '', housingArea: null, createdAt: '', source: 'local', notes: [] });
        tx.put('members', id, { idNumber: id, householdId: `h${id}`, name: `居民${i}`, relation: '户主', labourAbility: '无', disability: null, incomes: [], initials: '' });
        tx.put('enrolments', `h${id}:低保`, {
          id: `h${id}:低保`, householdId: `h${id}`, program: '低保', status: 'active', monthlyAmountFen: 50000 + i, persons: 1, covered: [id], category: 'A', since: '2026-01', caseNo: null,
          history: [{ at: '2025-12-20T09:00:00+08:00', event: 'approved', month: '2026-01', amountFen: 50000 + i, source: 'local' }],
        });
      }
    });
    const first = fillReport(office.view, t, parsePeriod('2026-10'), '2026-11-23');
    expect(first.rows).toHaveLength(204);
    const { result } = await office.transact({ operator: '王芳', source: 'local', action: 'test.keep' }, (tx) => keepFill(tx, first, {}, { by: '王芳', forced: false }));
    const kept = office.view.get('reports', result.kept.id)!;
    expect(kept.packed).toBeDefined();
    expect(kept.figures).toEqual({});
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(figuresOfKept(kept)).length / 3);
    const again = reportFromKept(t, kept, first.office);
    expect(reportCsv(again, 'utf-8-bom').equals(reportCsv(first, 'utf-8-bom'))).toBe(true);

    await office.transact({ operator: '王芳', source: 'local', action: 'test.late' }, (tx) =>
      tx.update('enrolments', `h${ids[7]}:低保`, (e) => void (e.history[0]!.amountFen = 60000)),
    );
    const second = fillReport(office.view, t, parsePeriod('2026-10'), '2026-11-23');
    expect(changesSince(kept, second)).toEqual([
      { row: '居民7', column: '本月金额(元)', was: '500.07', now: '600.00' },
      // 2,160.00 of the hand-built office + Σ (500.00 + i fen) for i < 200 = 2,160.00 + 100,199.00;
      // then 居民7 gets 99.93 more.
      { row: '合计', column: '本月金额(元)', was: '102359.00', now: '102458.93' },
    ]);
  });
});
