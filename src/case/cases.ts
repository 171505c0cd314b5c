// Reading cases: the `case show` document, the case list, and deadlines.
import type { Case, CaseEvent, CaseStatus } from '../office/model.js';
import { inboundEvents, type DecisionRecord } from '../sync/decisions.js';
import type { DeepReadonly, View } from '../store/office.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { householdsMatching } from '../household/find.js';
import { assess, type Eligibility } from '../rules/eligibility.js';
import { standardsOf } from '../office/context.js';


export { CLOSED_STATUSES, COMMUNITY_STATUSES } from './statuses.js';
export { deadlineOf, investigationDueOf, type Deadline } from './deadlines.js';
import { communityDeadlineOf, deadlineOf, investigationDueOf } from './deadlines.js';

export function householderOf(view: View, householdId: string): { name: string; idNumber: string } {
  const hh = view.get('households', householdId);
  const m = hh ? view.get('members', hh.householderId) : undefined;
  return { name: m?.name ?? '', idNumber: hh?.householderId ?? '' };
}

export function membersOf(view: View, householdId: string) {
  return view.all('members').filter((m) => m.householdId === householdId && !m.leftOn);
}

export function caseDocument(view: View, c: DeepReadonly<Case>, today: string) {
  const members = membersOf(view, c.householdId);
  const deadline = deadlineOf(c, view, today);
  return {
    caseNo: c.caseNo,
    program: c.program,
    status: c.status,
    area: c.area,
    householder: householderOf(view, c.householdId),
    members: members.map((m) => ({
      name: m.name,
      idNumber: m.idNumber,
      relation: m.relation,
      labourAbility: m.labourAbility,
      disability: m.disability,
      monthlyIncomeFen: m.incomes.reduce((a, i) => a + i.amountFen, 0),
    })),
    perCapitaIncomeFen: caseEligibility(view, c).perCapitaFen,
    applicationDate: c.applicationDate,
    acceptedOn: c.acceptedOn,
    deadline: deadline?.date ?? null,
    materials: c.materials,
    investigation: c.investigation,
    review: c.review,
    notice: c.notice ? { start: c.notice.start, end: c.notice.end, objections: c.notice.objections } : null,
    submittedOn: c.submittedOn,
    township: c.township ? { result: c.township.result, date: c.township.date, note: c.township.note } : null,
    decision: c.decision
      ? {
          result: c.decision.result,
          date: c.decision.date,
          program: c.decision.program,
          persons: c.decision.persons,
          monthlyAmountFen: c.decision.monthlyAmountFen,
          category: c.decision.category,
          startMonth: c.decision.startMonth,
          ...(c.decision.reason ? { reason: c.decision.reason } : {}),
        }
      : null,
    verifications: c.verifications.map((v) => ({
      item: v.item,
      found: v.found,
      date: v.date,
      ...(v.amountFen != null ? { amountFen: v.amountFen } : {}),
      ...(v.note ? { note: v.note } : {}),
    })),
    history: caseHistory(view, c).map((h) => ({
      at: h.at,
      event: h.event,
      by: h.by,
      source: h.source,
      ...(h.note ? { note: h.note } : {}),
      ...(h.date && h.source !== 'local' ? { date: h.date } : {}),
      ...(h.stale ? { stale: true } : {}),
    })),
  };
}

export interface CaseListRow {
  caseNo: string;
  program: string;
  status: CaseStatus;
  householderName: string;
  householderId: string;
  applicationDate: string;
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
  near: boolean;
  /** last day to start the investigation, while an accepted case waits for it */
  investigationDue: string | null;
}

export type DueFilter = 'overdue' | 'near' | 'due';

export interface CaseFilter {
  status?: string;
  program?: string;
  /** overdue, near (within the warning days), or due (either) */
  due?: DueFilter;
  /** name, pinyin initials, ID number or part of it, or case number */
  find?: string;
}

export function caseList(view: View, today: string, filter: CaseFilter = {}): CaseListRow[] {
  const cal = calendarOf(view);
  const found = filter.find?.trim() ? householdsMatching(view, filter.find) : null;
  const rows = view
    .all('cases')
    .filter((c) => (!filter.status || c.status === filter.status) && (!filter.program || c.program === filter.program))
    .filter((c) => !found || found.has(c.householdId) || c.caseNo.includes(filter.find!.trim()))
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    .map((c) => {
      const h = householderOf(view, c.householdId);
      const d = communityDeadlineOf(c, view, today, cal);
      const inv = investigationDueOf(c, view, today, cal);
      return {
        caseNo: c.caseNo,
        program: c.program,
        status: c.status,
        householderName: h.name,
        householderId: h.idNumber,
        applicationDate: c.applicationDate,
        deadline: d?.date ?? null,
        daysLeft: d?.daysLeft ?? null,
        overdue: d?.overdue ?? false,
        near: d?.near ?? false,
        investigationDue: inv?.date ?? null,
      };
    });
  if (filter.due === 'overdue') return rows.filter((r) => r.overdue);
  if (filter.due === 'near') return rows.filter((r) => r.near);
  if (filter.due === 'due') return rows.filter((r) => r.overdue || r.near);
  return rows;
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

/**
 * The whole history of a case: what this office did (kept in the case) and
 * the township's and county's results (kept as decisions, see
 * sync/merge.ts), in time order.
 */
export function caseHistory(view: View, c: DeepReadonly<Case>): CaseEvent[] {
  const subject = `case:${c.caseNo}`;
  const decisions = (view.all('decisions') as unknown as DecisionRecord[]).filter((d) => d.subjects.includes(subject));
  const all = [...(c.history as CaseEvent[]), ...inboundEvents(decisions)].map((e, i) => ({ e, i }));
  all.sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
  return all.map((x) => x.e);
}
