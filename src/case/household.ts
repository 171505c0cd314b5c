// The household of a case as it is now: its householder, its members, and
// the eligibility calculation on the application date's standard.
import type { Case } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { settingsOf, standardsOf } from '../office/context.js';
import { assess, type Eligibility } from '../rules/eligibility.js';

export function householderOf(view: View, householdId: string): { name: string; idNumber: string } {
  const hh = view.get('households', householdId);
  const m = hh ? view.get('members', hh.householderId) : undefined;
  return { name: m?.name ?? '', idNumber: hh?.householderId ?? '' };
}

export function membersOf(view: View, householdId: string) {
  return view.all('members').filter((m) => m.householdId === householdId && !m.leftOn);
}

/** The eligibility calculation for a case's household as it is now, on the application date's standard. */
export function caseEligibility(view: View, c: DeepReadonly<Case>): Eligibility {
  const s = settingsOf(view);
  return assess({
    members: membersOf(view, c.householdId),
    area: c.area,
    program: c.program,
    date: c.applicationDate,
    standards: standardsOf(view),
    excludedKinds: s.excludedIncomeKinds,
    nearPovertyPercent: s.nearPovertyPercent,
  });
}

