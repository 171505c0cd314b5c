// The case's document: one view of a case, built once, that `case show`
// (text and --json), the case screen, the archive and the printables render.
import type { Case } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { deadlineOf } from './deadlines.js';
import { caseEligibility, householderOf, membersOf } from './household.js';
import { eligibilityJson } from '../rules/eligibility.js';
import { caseHistory } from './history.js';
import { refusalNoticeOf } from './refusalDelivery.js';

export function caseDocument(view: View, c: DeepReadonly<Case>, today: string) {
  const members = membersOf(view, c.householdId);
  const deadline = deadlineOf(c, view, today);
  const eligibility = caseEligibility(view, c);
  const hh = view.get('households', c.householdId);
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
    phone: hh?.phone ?? '',
    housingArea: hh?.housingArea ?? null,
    perCapitaIncomeFen: eligibility.perCapitaFen,
    eligibility: eligibilityJson(eligibility),
    applicationDate: c.applicationDate,
    acceptedOn: c.acceptedOn,
    deadline: deadline?.date ?? null,
    materials: c.materials,
    interview: c.interview,
    interviewConfirmed: c.interviewConfirmed ?? false,
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
    /** The county's refusal notice: due (and overdue) or delivered; null when the county did not refuse. */
    refusalNotice: refusalNoticeOf(view, c, today),
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

export type CaseDocument = ReturnType<typeof caseDocument>;
