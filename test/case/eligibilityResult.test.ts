// Issue 15 item 3 and item 7 (the notice's amount): the one eligibility result, as a rule, without rendering.
import { describe, it, expect } from 'vitest';
import { assess, eligibilityJson, programProblems, type EligibilityInput } from '../../src/rules/eligibility.js';

const base: EligibilityInput = {
  members: [
    { name: '甲', incomes: [{ kind: '工资', amountFen: 163000 }] },
    { name: '乙', incomes: [] },
    { name: '丙', incomes: [] },
  ],
  area: '城市',
  program: '低保',
  date: '2026-11-02',
  standards: [{ area: '城市', program: '低保', monthlyFen: 85000, from: '2026-01-01' }],
  excludedKinds: ['优抚金'],
  nearPovertyPercent: 150,
};

describe('the eligibility result', () => {
  it('estimates in whole-household fen: 3 persons, 1630 counted, standard 850 is 920.00, not 920.01', () => {
    const e = assess(base);
    expect(e.verdict).toBe('eligible');
    expect(e.estimatedMonthlyFen).toBe(92000);
  });

  it('lists excluded incomes with their reasons in the cli.md shape', () => {
    const e = assess({ ...base, members: [{ name: '甲', incomes: [{ kind: '优抚金', amountFen: 30000 }, { kind: '工资', amountFen: 60000 }] }] });
    expect(eligibilityJson(e)).toMatchObject({
      verdict: 'eligible',
      standardFen: 85000,
      perCapitaFen: 60000,
      countedIncomeFen: 60000,
      excluded: [{ member: '甲', kind: '优抚金', amountFen: 30000, reason: '优抚金按规定不计入家庭收入' }],
      problems: [],
    });
  });

  it('judges 廉租房补贴 by its own conditions: active 低保, and no home or under 15 m² per head', () => {
    const one = { ...base, program: '廉租房补贴' as const, members: [{ name: '甲', incomes: [] }] };
    const bad = assess({ ...one, facts: { activeLowIncome: false, housingArea: 80 } });
    expect(bad.verdict).toBe('not-eligible');
    expect(bad.estimatedMonthlyFen).toBe(0);
    expect(eligibilityJson(bad).problems).toEqual(['家庭没有在保的低保，廉租房补贴须先享受低保', '人均住房面积 80 平方米，不低于 15 平方米']);
    expect(assess({ ...one, facts: { activeLowIncome: true, housingArea: 14.9 } }).problems).toEqual([]);
    expect(programProblems('廉租房补贴', 2, { activeLowIncome: true, housingArea: 30 })).toEqual([{ code: 'housing-too-large', perHeadM2: 15, limitM2: 15 }]);
    expect(programProblems('廉租房补贴', 2, { activeLowIncome: true, housingArea: 0 })).toEqual([]);
    expect(programProblems('廉租房补贴', 2, { activeLowIncome: true, housingArea: null })).toEqual([{ code: 'housing-unknown' }]);
    expect(programProblems('低保', 1, { activeLowIncome: false, housingArea: 200 })).toEqual([]);
  });
});
