import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { View } from '../../src/store/office.js';
import { COLLECTION_NAMES, type AnyRecord, type CollectionName } from '../../src/store/schema.js';
import { defaultSettings } from '../../src/office/settings.js';
import { builtinTemplatesDir, loadTemplates, templateById } from '../../src/reports/template.js';
import { fillReport, failedChecks } from '../../src/reports/fill.js';
import { parsePeriod } from '../../src/reports/period.js';
import { paymentIn } from '../../src/reports/payments.js';
import type { Enrolment } from '../../src/office/model.js';

const templates = loadTemplates([builtinTemplatesDir()]);
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];

const event = fc.record({
  event: fc.constantFrom('adjusted', 'suspended', 'resumed', 'terminated'),
  month: fc.constantFrom(...MONTHS),
  amountFen: fc.integer({ min: 1, max: 300000 }),
});

const enrolment = fc.record({
  category: fc.constantFrom('A', 'B', 'C'),
  area: fc.constantFrom('城市', '农村'),
  persons: fc.integer({ min: 1, max: 6 }),
  start: fc.constantFrom(...MONTHS),
  amountFen: fc.integer({ min: 1, max: 300000 }),
  events: fc.array(event, { maxLength: 4 }),
});

interface Generated {
  category: string;
  area: string;
  persons: number;
  start: string;
  amountFen: number;
  events: { event: string; month: string; amountFen: number }[];
}

function viewOf(list: Generated[]): View {
  const data = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, {}])) as Record<CollectionName, Record<string, AnyRecord>>;
  data.settings.office = defaultSettings({ code: '430105003001', name: '东风社区' }) as unknown as AnyRecord;
  list.forEach((x, i) => {
    const hid = `h${i}`;
    data.households[hid] = { id: hid, householderId: `m${i}`, area: x.area, address: '', phone: '', housingArea: null, createdAt: '', source: 'local', notes: [] };
    const e: Enrolment = {
      id: `${hid}:低保`, householdId: hid, program: '低保', status: 'active', monthlyAmountFen: x.amountFen, persons: x.persons, covered: [],
      category: x.category as 'A', since: x.start, caseNo: null,
      history: [
        { at: `${x.start}-01T09:00:00+08:00`, event: 'approved', month: x.start, amountFen: x.amountFen, source: 'local' },
        ...x.events.map((ev, j) => ({
          at: `${ev.month}-02T09:00:00+08:00`, event: ev.event, month: ev.month, source: 'local' as const, date: `${ev.month}-0${(j % 9) + 1}`,
          ...(ev.event === 'adjusted' || ev.event === 'resumed' ? { amountFen: ev.amountFen } : {}),
        })),
      ],
    };
    data.enrolments[e.id] = e as unknown as AnyRecord;
  });
  return new View(data);
}

describe('report figures on any office', () => {
  it('低保月报 and 季报 pass their own checks whenever every household has a category and an area', () => {
    fc.assert(
      fc.property(fc.array(enrolment, { maxLength: 12 }), fc.constantFrom(...MONTHS), (list, month) => {
        const view = viewOf(list);
        const monthly = fillReport(view, templateById(templates, 'dibao-monthly'), parsePeriod(month), '2026-06-01');
        const quarterly = fillReport(view, templateById(templates, 'dibao-quarterly'), parsePeriod('2026-Q1'), '2026-06-01');
        expect(failedChecks(monthly)).toEqual([]);
        expect(failedChecks(quarterly)).toEqual([]);
        // The quarter's amount is the sum of its months' payments.
        const all = quarterly.rows.find((r) => r.key === 'all')!;
        const sum = list.reduce((s, _x, i) => s + ['2026-01', '2026-02', '2026-03'].reduce((a, m) => a + paymentIn(view.get('enrolments', `h${i}:低保`)!, m), 0), 0);
        expect(all.cells.amount).toBe(sum);
      }),
      { numRuns: 150 },
    );
  });

  it('nothing is paid before the start or after a termination that follows it', () => {
    fc.assert(
      fc.property(enrolment, (x) => {
        const view = viewOf([x]);
        const e = view.get('enrolments', 'h0:低保')!;
        for (const m of MONTHS) {
          const before = m < x.start;
          // A termination effective before the start is overtaken by the later approval.
          const ended = x.events.some((ev) => ev.event === 'terminated' && ev.month >= x.start && ev.month <= m);
          if (before || ended) expect(paymentIn(e, m)).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
