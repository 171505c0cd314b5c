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

/** A condition of the program itself that the household does not meet (beyond income). */
export type EligibilityProblem =
  | { code: 'no-active-low-income' }
  | { code: 'housing-unknown' }
  | { code: 'housing-too-large'; perHeadM2: number; limitM2: number };

/** 廉租房补贴: housing per head must be under this many m² (product.md). */
export const RENT_SUBSIDY_M2_PER_HEAD = 15;

/** What a failed condition says, in the process language or a given one (printables are Chinese). */
export function problemWord(p: EligibilityProblem, l: Lang = lang()): string {
  if (p.code === 'no-active-low-income') return tIn(l, 'rules.problemNoLowIncome');
  if (p.code === 'housing-unknown') return tIn(l, 'rules.problemHousingUnknown');
  return tIn(l, 'rules.problemHousingTooLarge', { perHead: p.perHeadM2, limit: p.limitM2 });
}

/** The household facts a program's own conditions look at. */
export interface HouseholdFacts {
  /** the household has an active 低保 enrolment */
  activeLowIncome: boolean;
  /** m² of housing; 0 is no home; null is not recorded */
  housingArea: number | null;
}

/** The program's own conditions, beyond income: 廉租房补贴 needs active 低保 and no home or < 15 m² per head. */
export function programProblems(program: Program, persons: number, facts: HouseholdFacts): EligibilityProblem[] {
  if (program !== '廉租房补贴') return [];
  const problems: EligibilityProblem[] = [];
  if (!facts.activeLowIncome) problems.push({ code: 'no-active-low-income' });
  if (facts.housingArea == null) problems.push({ code: 'housing-unknown' });
  else if (facts.housingArea > 0) {
    const perHead = Math.round((facts.housingArea / Math.max(1, persons)) * 100) / 100;
    if (perHead >= RENT_SUBSIDY_M2_PER_HEAD) problems.push({ code: 'housing-too-large', perHeadM2: perHead, limitM2: RENT_SUBSIDY_M2_PER_HEAD });
  }
  return problems;
}

export interface Eligibility {
  /** the program's own conditions that fail; a case with any is not eligible */
  problems: EligibilityProblem[];
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

/** Why an income is not counted, in the process language or a given one. */
export function excludedReason(kind: string, l: Lang = lang()): string {
  return tIn(l, 'rules.excludedIncome', { kind });
}

export interface EligibilityInput {
  members: readonly { name: string; incomes: readonly Income[] }[];
  area: Area;
  program: Program;
  date: string;
  standards: readonly StandardRow[];
  excludedKinds: readonly string[];
  nearPovertyPercent: number;
  /** the household facts the program's own conditions need; without them none are checked */
  facts?: HouseholdFacts;
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
        ...(excluded ? { reason: excludedReason(inc.kind) } : {}),
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
    // Whole-household fen, not the rounded per-capita figure: (850 − 1630/3) × 3 is 920.00, not 920.01.
    if (persons > 0 && countedFen < standard.monthlyFen * persons) {
      verdict = 'eligible';
      estimatedMonthlyFen = standard.monthlyFen * persons - countedFen;
    } else if (perCapitaFen < nearPovertyLineFen) verdict = 'near-poverty';
    else verdict = 'not-eligible';
  }
  const problems = input.facts ? programProblems(input.program, persons, input.facts) : [];
  if (problems.length && verdict === 'eligible') {
    verdict = 'not-eligible';
    estimatedMonthlyFen = 0;
  }
  return {
    problems,
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

/** The eligibility as `case show --json` carries it (cli.md): one result for every surface. */
export function eligibilityJson(e: Eligibility, l: Lang = lang()) {
  return {
    verdict: e.verdict,
    standardFen: e.standard?.monthlyFen ?? null,
    perCapitaFen: e.perCapitaFen,
    countedIncomeFen: e.countedFen,
    estimatedMonthlyFen: e.estimatedMonthlyFen,
    excluded: e.lines.filter((x) => !x.counted).map((x) => ({ member: x.member, kind: x.kind, amountFen: x.amountFen, reason: x.reason ?? '' })),
    problems: e.problems.map((p) => problemWord(p, l)),
  };
}
