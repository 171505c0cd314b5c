// The demo's own records while it builds the office: a person, a family, a
// case's timeline, and a household, case or enrolment with what the inbound
// files need to know about it.
import type { Area, Case, Circumstance, DisabilityGrade, Enrolment, Household, Income, LabourAbility, Member, Relation } from '../office/model.js';

export interface Person {
  name: string;
  surname: string;
  sex: '男' | '女';
  birth: string;
  relation: Relation;
  disability: DisabilityGrade | null;
  disabilityKind?: string;
  illness?: string;
  school?: string;
  labourAbility: LabourAbility;
  incomes: Income[];
  idNumber: string;
}

export type FamilyKind =
  | 'single-elder'
  | 'elder-couple'
  | 'couple-kids'
  | 'three-gen'
  | 'single-parent'
  | 'single-adult'
  | 'elder-disabled-child'
  | 'elder-grandchild'
  | 'tekun';

export interface Family {
  kind: FamilyKind;
  people: Person[];
  area: Area;
  address: string;
  phone: string;
  housingArea: number | null;
  circumstances: Circumstance[];
  /** 单亲 because of a death, not a divorce (decides which paper proves it). */
  widowed: boolean;
  /** What happened, for 临时救助. */
  hardship?: string;
}

export type Scenario =
  | 'dibao'
  | 'dibao-roster'
  | 'tekun'
  | 'tekun-roster'
  | 'temp'
  | 'draft'
  | 'accepted'
  | 'investigated'
  | 'reviewed'
  | 'noticing'
  | 'submitted'
  | 'returned'
  | 'township-approved'
  | 'rejected'
  | 'withdrawn';

export interface Timeline {
  app: string;
  accepted?: string;
  inv?: string;
  rev?: string;
  nStart?: string;
  nEnd?: string;
  sub?: string;
  twp?: string;
  cty?: string;
  withdrawn?: string;
}

export interface HouseholdRec {
  household: Household;
  family: Family;
  members: Member[];
  householder: Person;
}

/** A case before numbering, with what the inbound files and enrolments need to know about it. */
export interface CaseRec {
  c: Case;
  order: number;
  hh: HouseholdRec;
}

export interface EnrolmentRec {
  e: Enrolment;
  cr: CaseRec | null;
  hh: HouseholdRec;
}
