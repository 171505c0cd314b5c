// The office's records: households, members, cases, enrolments and what the
// upper levels decided. Plain data, stored as JSON; money in integer fen,
// dates as `YYYY-MM-DD`, months as `YYYY-MM`, timestamps ISO with +08:00.

export const PROGRAMS = ['低保', '特困', '临时救助', '医疗救助', '廉租房补贴', '残疾人补贴', '就学救助', '优抚'] as const;
export type Program = (typeof PROGRAMS)[number];

export const AREAS = ['城市', '农村'] as const;
export type Area = (typeof AREAS)[number];

export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '兄弟姐妹', '其他'] as const;
export type Relation = (typeof RELATIONS)[number];

export const LABOUR_ABILITIES = ['有', '部分', '无'] as const;
export type LabourAbility = (typeof LABOUR_ABILITIES)[number];

export const DISABILITY_GRADES = ['一级', '二级', '三级', '四级'] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

/** A yes/no answer as the records and the intake files write it (a form's toggle holds one). */
export const YES_NO = ['否', '是'] as const;
export type YesNo = (typeof YES_NO)[number];

export const CATEGORIES = ['A', 'B', 'C'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CIRCUMSTANCES = ['残疾', '重大疾病', '单亲', '子女就学', '其他'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

export type { Source } from '../store/journal.js';
import type { Source } from '../store/journal.js';

export interface Income {
  /** e.g. 工资, 养老金, 优抚金; the settings decide which kinds are not counted. */
  kind: string;
  amountFen: number;
  note?: string;
}

export interface Member {
  /** The 18-character ID number is the member's key. */
  idNumber: string;
  householdId: string;
  name: string;
  relation: Relation;
  labourAbility: LabourAbility;
  disability: DisabilityGrade | null;
  incomes: Income[];
  /** Pinyin initials of the name, precomputed for search. */
  initials: string;
  /** Set when the member left the household; kept, never deleted. */
  leftOn?: string;
}

export interface Household {
  /** `h` + the ID number of the householder at creation; stable afterwards. */
  id: string;
  householderId: string;
  area: Area;
  address: string;
  phone: string;
  housingArea: number | null;
  createdAt: string;
  source: Source;
  notes: { at: string; by: string; text: string }[];
}

export const CASE_STATUSES = [
  'draft',
  'accepted',
  'investigated',
  'reviewed',
  'noticing',
  'submitted',
  'returned',
  'township-approved',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface Objection {
  id: number;
  raisedOn: string;
  note: string;
  resolvedOn?: string;
  resolution?: string;
}

export interface CaseEvent {
  at: string;
  event: string;
  by: string;
  source: Source;
  note?: string;
  /** The decision's own date, for events from inbound files. */
  date?: string;
  stale?: boolean;
}

export interface TownshipResult {
  result: '同意' | '退回' | '不同意';
  date: string;
  note: string;
  by?: string;
}

export interface CountyDecision {
  result: '批准' | '不予批准';
  date: string;
  program: Program | null;
  persons: number | null;
  monthlyAmountFen: number | null;
  category: Category | null;
  startMonth: string | null;
  reason?: string;
  by?: string;
}

export interface Verification {
  item: string;
  found: boolean;
  date: string;
  amountFen?: number | null;
  note?: string;
  source: Source;
}

export interface Case {
  caseNo: string;
  householdId: string;
  program: Program;
  area: Area;
  status: CaseStatus;
  applicationDate: string;
  acceptedOn: string | null;
  circumstances: Circumstance[];
  materials: string[];
  interview: string;
  /** the applicant confirmed the interview record (谈话记录) as true; absent in cases from before it was asked */
  interviewConfirmed?: boolean;
  investigation: { date: string; by: string[]; findings: string; incomeVerified: boolean } | null;
  review: { date: string; result: '通过' | '不通过' | '未评议'; panel: string[]; note: string } | null;
  notice: { start: string; end: string; objections: Objection[] } | null;
  submittedOn: string | null;
  township: TownshipResult | null;
  decision: CountyDecision | null;
  verifications: Verification[];
  history: CaseEvent[];
  /** 单人保: who the clerk chose to cover (src/recipients/coverage.ts). */
  coverage?: { members: string[]; date: string; by: string };
  /** The county's refusal notice (不予批准通知书) reached the applicant (src/case/refusalDelivery.ts); absent while it is owed. */
  refusalDelivered?: { date: string; by: string; note: string };
}

/** What an application holds at intake; the steps of its way fill in the rest. */
export type NewCase = Pick<
  Case,
  'caseNo' | 'householdId' | 'program' | 'area' | 'status' | 'applicationDate' | 'acceptedOn' | 'circumstances' | 'materials' | 'interview' | 'interviewConfirmed' | 'history'
>;

export function newCase(init: NewCase): Case {
  return {
    ...init,
    investigation: null,
    review: null,
    notice: null,
    submittedOn: null,
    township: null,
    decision: null,
    verifications: [],
  };
}

export type EnrolmentStatus = 'active' | 'suspended' | 'terminated';

export interface Enrolment {
  /** `${householdId}:${program}` — at most one per household and program. */
  id: string;
  householdId: string;
  program: Program;
  status: EnrolmentStatus;
  monthlyAmountFen: number;
  persons: number;
  /** ID numbers of the members covered (单人保 may cover fewer than all). */
  covered: string[];
  category: Category | null;
  since: string;
  caseNo: string | null;
  history: { at: string; event: string; month?: string; amountFen?: number; source: Source; reason?: string; date?: string }[];
}

export interface Standard {
  area: Area;
  program: Program;
  monthlyFen: number;
  from: string;
  ref?: string;
  source: Source;
}

export interface PendingItem {
  id: string;
  kind:
    | 'decision-on-withdrawn'
    | 'change-without-enrolment'
    | 'roster-differs'
    | 'roster-unlisted'
    | 'attendance-recommendation'
    | 'review-recommendation'
    | 'coverage-unchosen';
  caseNo: string | null;
  householderId: string | null;
  householderName: string;
  reason: string;
  since: string;
  source: Source;
  resolvedOn?: string;
}
