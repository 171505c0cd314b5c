// Eligibility: per-capita counted income against the standard that applies.
// Pure: the standards, the excluded kinds and the date come in as arguments.
import type { Area, Income, Program } from '../office/model.js';
import { lang, tIn, type Lang } from '../i18n/index.js';

export interface StandardRow {
  area: Area;
  program: Program;
  monthlyFen: number;
  from: string;
}

/** The standard in force on `date`: the latest one that started on or before it. */
export function standardOn(standards: readonly StandardRow[], area: Area, program: Program, date: string): StandardRow | null {
  let best: StandardRow | null = null;
  for (const s of standards) {
    if (s.area !== area || s.program !== program || s.from > date) continue;
    if (!best || s.from > best.from) best = s;
  }
  return best;
}

export interface IncomeLine {
  member: string;
  kind: string;
  amountFen: number;
  counted: boolean;
  reason?: string;
}

export type Verdict = 'eligible' | 'near-poverty' | 'not-eligible' | 'no-standard';

/** The word for a verdict, in the process language or a given one (printables are Chinese). */
export function verdictWord(v: Verdict, l: Lang = lang()): string {
  const words: Record<Verdict, string> = {
    eligible: tIn(l, 'rules.verdictEligible'),
    'near-poverty': tIn(l, 'rules.verdictNearPoverty'),
    'not-eligible': tIn(l, 'rules.verdictNotEligible'),
    'no-standard': tIn(l, 'rules.verdictNoStandard'),
  };
  return words[v];
}

export interface Eligibility {
  persons: number;
  lines: IncomeLine[];
  totalFen: number;
  countedFen: number;
  excludedFen: number;
  perCapitaFen: number;
  standard: StandardRow | null;
  nearPovertyLineFen: number | null;
  verdict: Verdict;
  /** (standard − per-capita income) × persons, the usual 低保 amount; 0 when not eligible. */
  estimatedMonthlyFen: number;
}

export interface EligibilityInput {
  members: readonly { name: string; incomes: readonly Income[] }[];
  area: Area;
  program: Program;
  date: string;
  standards: readonly StandardRow[];
  excludedKinds: readonly string[];
  nearPovertyPercent: number;
}

/**
 * Programs without their own standard are judged against the 低保 standard
 * (廉租房补贴, 医疗救助 … go to 低保 or near-poverty households).
 */
function judgedBy(program: Program): Program {
  return program === '特困' ? '特困' : '低保';
}

export function assess(input: EligibilityInput): Eligibility {
  const lines: IncomeLine[] = [];
  for (const m of input.members) {
    for (const inc of m.incomes) {
      const excluded = input.excludedKinds.includes(inc.kind);
      lines.push({
        member: m.name,
        kind: inc.kind,
        amountFen: inc.amountFen,
        counted: !excluded,
        ...(excluded ? { reason: tIn('zh', 'rules.excludedIncome', { kind: inc.kind }) } : {}),
      });
    }
  }
  const persons = input.members.length;
  const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const countedFen = lines.filter((l) => l.counted).reduce((s, l) => s + l.amountFen, 0);
  const perCapitaFen = persons > 0 ? Math.round(countedFen / persons) : 0;
  const standard = standardOn(input.standards, input.area, judgedBy(input.program), input.date);
  let verdict: Verdict = 'no-standard';
  let nearPovertyLineFen: number | null = null;
  let estimatedMonthlyFen = 0;
  if (standard) {
    nearPovertyLineFen = Math.round((standard.monthlyFen * input.nearPovertyPercent) / 100);
    if (perCapitaFen < standard.monthlyFen) {
      verdict = 'eligible';
      estimatedMonthlyFen = (standard.monthlyFen - perCapitaFen) * persons;
    } else if (perCapitaFen < nearPovertyLineFen) verdict = 'near-poverty';
    else verdict = 'not-eligible';
  }
  return {
    persons,
    lines,
    totalFen,
    countedFen,
    excludedFen: totalFen - countedFen,
    perCapitaFen,
    standard,
    nearPovertyLineFen,
    verdict,
    estimatedMonthlyFen,
  };
}
