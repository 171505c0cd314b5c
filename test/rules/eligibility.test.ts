import { describe, it, expect } from 'vitest';
import { verdictWord, assess, standardOn, type EligibilityInput, type StandardRow } from '../../src/rules/eligibility.ts';
import { DEFAULT_EXCLUDED_INCOME_KINDS } from '../../src/office/settings.ts';

// The county's standards as they might stand in the office: 城市 低保 raised from
// 850 to 900 yuan in July 2026, 农村 低保 at 650, 城市 特困 at 1170 (1.3 × 低保).
// Listed out of date order on purpose.
const STANDARDS: StandardRow[] = [
  { area: '城市', program: '低保', monthlyFen: 90000, from: '2026-07-01' },
  { area: '农村', program: '低保', monthlyFen: 65000, from: '2026-07-01' },
  { area: '城市', program: '低保', monthlyFen: 85000, from: '2025-07-01' },
  { area: '城市', program: '特困', monthlyFen: 117000, from: '2026-07-01' },
];

/** A 城市 低保 application on the fixtures' date, with the default settings' exclusions and 150 % line. */
function input(members: EligibilityInput['members'], over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    members,
    area: '城市',
    program: '低保',
    date: '2026-11-02',
    standards: STANDARDS,
    excludedKinds: DEFAULT_EXCLUDED_INCOME_KINDS,
    nearPovertyPercent: 150,
    ...over,
  };
}

/** One person with one counted income. */
function single(amountFen: number): EligibilityInput['members'] {
  return [{ name: '黄桂英', incomes: [{ kind: '养老金', amountFen }] }];
}

// shared/fixtures/intake/01-liu-jianguo.json: 1200 yuan wage, spouse none, mother 350 yuan pension.
const LIU_HOUSEHOLD: EligibilityInput['members'] = [
  { name: '刘建国', incomes: [{ kind: '工资', amountFen: 120000 }] },
  { name: '周秀兰', incomes: [] },
  { name: '刘桂芝', incomes: [{ kind: '养老金', amountFen: 35000 }] },
];

describe('assess: the fixture household 01 (刘建国)', () => {
  // Counted: 120000 + 0 + 35000 = 155000 fen; per capita 155000 / 3 = 51666.67 → 51667 fen (516.67 yuan).
  // Standard 城市 低保 on 2026-11-02: 90000 fen. 51667 < 90000 → eligible.
  // Estimated: 90000 × 3 − 155000 = 115000 fen (1150.00 yuan), in whole-household fen (not (90000 − 51667) × 3 = 114999).
  // Near-poverty line: 90000 × 150 / 100 = 135000 fen.
  const r = assess(input(LIU_HOUSEHOLD));

  it('counts three persons and every income', () => {
    expect(r.persons).toBe(3);
    expect(r.totalFen).toBe(155000);
    expect(r.countedFen).toBe(155000);
    expect(r.excludedFen).toBe(0);
    expect(r.lines).toEqual([
      { member: '刘建国', kind: '工资', amountFen: 120000, counted: true },
      { member: '刘桂芝', kind: '养老金', amountFen: 35000, counted: true },
    ]);
  });

  it('gives a per-capita income of 516.67 yuan, rounded to the fen', () => {
    expect(r.perCapitaFen).toBe(51667);
  });

  it('applies the 城市 低保 standard of 900 yuan in force since 2026-07-01', () => {
    expect(r.standard).toEqual({ area: '城市', program: '低保', monthlyFen: 90000, from: '2026-07-01' });
    expect(r.nearPovertyLineFen).toBe(135000);
  });

  it('finds the household eligible with an estimated 1150.00 yuan a month (900 × 3 − 1550, in whole-household fen)', () => {
    expect(r.verdict).toBe('eligible');
    expect(verdictWord(r.verdict)).toBe('符合条件');
    expect(r.estimatedMonthlyFen).toBe(115000);
  });

  it('judges the same household the same way when it applies for 廉租房补贴, by the 低保 standard', () => {
    const rent = assess(input(LIU_HOUSEHOLD, { program: '廉租房补贴' }));
    expect(rent.standard?.program).toBe('低保');
    expect(rent.standard?.monthlyFen).toBe(90000);
    expect(rent.verdict).toBe('eligible');
    expect(rent.estimatedMonthlyFen).toBe(115000);
  });
});

describe('assess: incomes that are not counted', () => {
  // 王德顺, a veteran: 优抚金 600 yuan (excluded) and 养老金 500 yuan; his wife has none.
  // Total 110000; counted 50000; excluded 60000; per capita 50000 / 2 = 25000.
  // Eligible: (90000 − 25000) × 2 = 130000. Had 优抚金 been counted, per capita would be 55000.
  const household: EligibilityInput['members'] = [
    {
      name: '王德顺',
      incomes: [
        { kind: '优抚金', amountFen: 60000 },
        { kind: '养老金', amountFen: 50000 },
      ],
    },
    { name: '李秀珍', incomes: [] },
  ];
  const r = assess(input(household));

  it('shows the excluded income as a line, not counted, with a reason naming its kind', () => {
    const line = r.lines.find((l) => l.kind === '优抚金');
    expect(line).toMatchObject({ member: '王德顺', amountFen: 60000, counted: false });
    expect(line?.reason).toMatch(/优抚金/);
    expect(line?.reason).toMatch(/不计入/);
  });

  it('gives counted incomes no reason', () => {
    const line = r.lines.find((l) => l.kind === '养老金');
    expect(line).toEqual({ member: '王德顺', kind: '养老金', amountFen: 50000, counted: true });
  });

  it('leaves the excluded amount out of the counted total and the per-capita income', () => {
    expect(r.totalFen).toBe(110000);
    expect(r.countedFen).toBe(50000);
    expect(r.excludedFen).toBe(60000);
    expect(r.perCapitaFen).toBe(25000);
    expect(r.verdict).toBe('eligible');
    expect(r.estimatedMonthlyFen).toBe(130000);
  });

  it('counts the same income when the settings do not exclude its kind', () => {
    const counted = assess(input(household, { excludedKinds: [] }));
    expect(counted.countedFen).toBe(110000);
    expect(counted.excludedFen).toBe(0);
    expect(counted.perCapitaFen).toBe(55000);
    expect(counted.lines.every((l) => l.counted)).toBe(true);
    // (90000 − 55000) × 2 = 70000
    expect(counted.estimatedMonthlyFen).toBe(70000);
  });
});

describe('assess: the boundaries of the standard and the near-poverty line', () => {
  // Standard 90000 fen; near-poverty line 90000 × 1.5 = 135000 fen.

  it('finds a household one fen below the standard eligible, for one fen a head', () => {
    const r = assess(input(single(89999)));
    expect(r.verdict).toBe('eligible');
    // (90000 − 89999) × 1 = 1
    expect(r.estimatedMonthlyFen).toBe(1);
  });

  it('finds a household exactly at the standard not eligible but near-poverty, with no amount', () => {
    const r = assess(input(single(90000)));
    expect(r.perCapitaFen).toBe(90000);
    expect(r.verdict).toBe('near-poverty');
    expect(verdictWord(r.verdict)).toBe('低保边缘家庭');
    expect(r.estimatedMonthlyFen).toBe(0);
  });

  it('compares the per-capita income, not the household total, with the standard', () => {
    // Three persons, 270000 counted: 90000 a head, exactly at the standard.
    const r = assess(
      input([
        { name: '陈志强', incomes: [{ kind: '工资', amountFen: 180000 }] },
        { name: '李梅', incomes: [{ kind: '工资', amountFen: 90000 }] },
        { name: '陈浩然', incomes: [] },
      ]),
    );
    expect(r.perCapitaFen).toBe(90000);
    expect(r.verdict).toBe('near-poverty');
  });

  it('finds a household one fen below the near-poverty line near-poverty', () => {
    expect(assess(input(single(134999))).verdict).toBe('near-poverty');
  });

  it('finds a household exactly at the near-poverty line not eligible', () => {
    const r = assess(input(single(135000)));
    expect(r.verdict).toBe('not-eligible');
    expect(verdictWord(r.verdict)).toBe('不符合条件');
    expect(r.estimatedMonthlyFen).toBe(0);
    expect(r.nearPovertyLineFen).toBe(135000);
  });

  it('moves the near-poverty line with the configured percentage', () => {
    // 90000 × 200 / 100 = 180000: 135000 is now below the line.
    const r = assess(input(single(135000), { nearPovertyPercent: 200 }));
    expect(r.nearPovertyLineFen).toBe(180000);
    expect(r.verdict).toBe('near-poverty');
  });

  it('finds a household with no income at all eligible for the whole standard per head', () => {
    const r = assess(
      input([
        { name: '赵德明', incomes: [] },
        { name: '孙丽华', incomes: [] },
      ]),
    );
    expect(r.perCapitaFen).toBe(0);
    // (90000 − 0) × 2 = 180000
    expect(r.estimatedMonthlyFen).toBe(180000);
  });
});

describe('assess: which standard applies', () => {
  it('says no-standard, with no line and no amount, when the area has no standard for the program', () => {
    const r = assess(input(single(30000), { standards: STANDARDS.filter((s) => s.area === '城市'), area: '农村' }));
    expect(r.verdict).toBe('no-standard');
    expect(verdictWord(r.verdict)).toBe('没有适用的保障标准');
    expect(r.standard).toBeNull();
    expect(r.nearPovertyLineFen).toBeNull();
    expect(r.estimatedMonthlyFen).toBe(0);
    // The income is still worked out, so the clerk sees it.
    expect(r.perCapitaFen).toBe(30000);
  });

  it('says no-standard when every standard starts after the date', () => {
    const r = assess(input(single(30000), { date: '2025-06-30' }));
    expect(r.verdict).toBe('no-standard');
  });

  it('uses the 农村 standard for a 农村 household', () => {
    // 60000 against 65000: eligible, (65000 − 60000) × 1 = 5000.
    const r = assess(input(single(60000), { area: '农村' }));
    expect(r.standard?.monthlyFen).toBe(65000);
    expect(r.estimatedMonthlyFen).toBe(5000);
  });

  it('uses the older standard for a date between the two', () => {
    // 2026-03-01: 85000 applies. 86000 a head is above it: near-poverty (line 127500).
    const r = assess(input(single(86000), { date: '2026-03-01' }));
    expect(r.standard?.from).toBe('2025-07-01');
    expect(r.standard?.monthlyFen).toBe(85000);
    expect(r.nearPovertyLineFen).toBe(127500);
    expect(r.verdict).toBe('near-poverty');
  });

  it('uses the newer standard after it starts', () => {
    // 2027-01-01: 90000 applies. 86000 a head is below it: (90000 − 86000) × 1 = 4000.
    const r = assess(input(single(86000), { date: '2027-01-01' }));
    expect(r.standard?.monthlyFen).toBe(90000);
    expect(r.verdict).toBe('eligible');
    expect(r.estimatedMonthlyFen).toBe(4000);
  });

  it('uses the newer standard on the very day it starts, and the older one the day before', () => {
    expect(standardOn(STANDARDS, '城市', '低保', '2026-07-01')?.monthlyFen).toBe(90000);
    expect(standardOn(STANDARDS, '城市', '低保', '2026-06-30')?.monthlyFen).toBe(85000);
    expect(standardOn(STANDARDS, '城市', '低保', '2025-07-01')?.monthlyFen).toBe(85000);
    expect(standardOn(STANDARDS, '城市', '低保', '2025-06-30')).toBeNull();
  });

  it('picks the latest standard whatever order the rows come in', () => {
    const reversed = [...STANDARDS].reverse();
    expect(standardOn(reversed, '城市', '低保', '2026-11-02')?.monthlyFen).toBe(90000);
    expect(standardOn(STANDARDS, '城市', '低保', '2026-11-02')?.monthlyFen).toBe(90000);
  });

  it('judges 特困 by the 特困 standard', () => {
    // 100000 a head: below 特困's 117000 → eligible, (117000 − 100000) × 1 = 17000;
    // line 117000 × 1.5 = 175500. Under 低保 the same household is only near-poverty.
    const r = assess(input(single(100000), { program: '特困' }));
    expect(r.standard).toEqual({ area: '城市', program: '特困', monthlyFen: 117000, from: '2026-07-01' });
    expect(r.nearPovertyLineFen).toBe(175500);
    expect(r.verdict).toBe('eligible');
    expect(r.estimatedMonthlyFen).toBe(17000);
    expect(assess(input(single(100000))).verdict).toBe('near-poverty');
  });

  it('does not fall back to the 低保 standard for 特困 where there is no 特困 standard', () => {
    const r = assess(input(single(10000), { program: '特困', area: '农村' }));
    expect(r.verdict).toBe('no-standard');
    expect(r.standard).toBeNull();
  });

  it('judges 廉租房补贴 by the 低保 standard, ignoring the 特困 one', () => {
    // 100000 a head: above 低保's 90000, below its line 135000 → near-poverty, not eligible.
    const r = assess(input(single(100000), { program: '廉租房补贴' }));
    expect(r.standard?.program).toBe('低保');
    expect(r.verdict).toBe('near-poverty');
    expect(r.estimatedMonthlyFen).toBe(0);
  });
});
