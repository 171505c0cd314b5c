// The household of a case as it is now: its householder, its members, and
// the eligibility calculation on the application date's standard.
import type { Area, Case, Program } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { settingsOf, standardsOf } from '../office/context.js';
import { assess, type Eligibility, type EligibilityInput, type HouseholdFacts } from '../rules/eligibility.js';

export function householderOf(view: View, householdId: string): { name: string; idNumber: string } {
  const hh = view.get('households', householdId);
  const m = hh ? view.get('members', hh.householderId) : undefined;
  return { name: m?.name ?? '', idNumber: hh?.householderId ?? '' };
}

export function membersOf(view: View, householdId: string) {
  return view.all('members').filter((m) => m.householdId === householdId && !m.leftOn);
}

/** The household facts a program's own conditions need: its active 低保 enrolment and its housing area. */
export function householdFacts(view: View, householdId: string, housingArea: number | null): HouseholdFacts {
  return { activeLowIncome: view.get('enrolments', `${householdId}:低保`)?.status === 'active', housingArea };
}

export interface EligibilityQuery {
  householdId: string;
  members: EligibilityInput['members'];
  area: Area;
  program: Program;
  date: string;
  housingArea: number | null;
}

/** The one eligibility result (income against the standard, and the program's own conditions) that every surface shows. */
export function householdEligibility(view: View, q: EligibilityQuery): Eligibility {
  const s = settingsOf(view);
  return assess({
    members: q.members,
    area: q.area,
    program: q.program,
    date: q.date,
    standards: standardsOf(view),
    excludedKinds: s.excludedIncomeKinds,
    nearPovertyPercent: s.nearPovertyPercent,
    facts: householdFacts(view, q.householdId, q.housingArea),
  });
}

/** The eligibility result for a case's household as it is now, on the application date's standard. */
export function caseEligibility(view: View, c: DeepReadonly<Case>): Eligibility {
  return householdEligibility(view, {
    householdId: c.householdId,
    members: membersOf(view, c.householdId),
    area: c.area,
    program: c.program,
    date: c.applicationDate,
    housingArea: view.get('households', c.householdId)?.housingArea ?? null,
  });
}

