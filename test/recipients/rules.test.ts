// What a review, a cancellation and a resolution must record: one function
// each in src/recipients, called by the screens and the command line alike.
import { describe, it, expect } from 'vitest';
import { reviewInputOf } from '../../src/recipients/reviews.js';
import { cancellationProblems } from '../../src/recipients/cancellations.js';
import { resolutionProblems } from '../../src/recipients/reconciliation.js';
import { H, handBuiltOffice } from '../support/handBuilt.js';

const form = { enrolmentId: 'e', date: '2026-11-19', findings: '入户查看', rechecked: false, perCapitaIncomeFen: null, recommendation: 'keep' };

describe('what a review records', () => {
  it('counts the income as re-checked when the clerk says so or gives the income found', () => {
    expect(reviewInputOf(form).incomeRechecked).toBe(false);
    expect(reviewInputOf({ ...form, rechecked: true }).incomeRechecked).toBe(true);
    expect(reviewInputOf({ ...form, perCapitaIncomeFen: 0 })).toMatchObject({ incomeRechecked: true, perCapitaIncomeFen: 0 });
  });
});

describe('what a cancellation records', () => {
  it('needs the enrolment, the stop month, a reason, the deciding office and the decision date', async () => {
    const { office } = await handBuiltOffice();
    const ok = { enrolmentId: `${H[6]}:低保`, effectiveMonth: '2026-12', reason: '收入超标', decidedBy: '区民政局 民发〔2026〕12号', decisionDate: '2026-11-10' };
    expect(cancellationProblems(office.view, ok)).toEqual([]);
    const bad = cancellationProblems(office.view, { enrolmentId: 'x', effectiveMonth: '2026-13', reason: ' ', decidedBy: '', decisionDate: '2026-11-31' });
    expect(bad).toHaveLength(5);
    expect(bad.map((p) => p.split('：')[0])).toEqual(['保障对象', '停发年月', '撤消原因', '决定机关', '决定日期']);
  });
});

describe('what resolving a pending item records', () => {
  it('a note saying how it was resolved is required', () => {
    expect(resolutionProblems('已与区县核对，以区县为准')).toEqual([]);
    expect(resolutionProblems('  ')).toHaveLength(1);
  });
});
