// The household archive (一户一档): one household's whole story — members,
// every case and decision, benefits, reviews, attendance, notes, pending items —
// in one view for the screen, `household show` and --json. The journal lines
// that touched it are in history.ts; notes are appended by notes.ts.
import type { Case, CaseStatus, Enrolment, Household, Member } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { caseHistory } from '../case/history.js';
import { refusalNoticeOf, type RefusalNoticeState } from '../case/refusalDelivery.js';
import { householderOf } from '../case/household.js';
import { ageOn } from '../rules/idNumber.js';
import { reviewsOf, type Review } from '../recipients/reviews.js';
import { enrolmentRow, type EnrolmentRow } from '../recipients/enrolmentList.js';
import { gradualExitsOf, type GradualExit } from '../recipients/gradualExit.js';
import type { Cancellation } from '../recipients/cancellations.js';
import { settingsOf } from '../office/context.js';
import { absenceLevel, type AbsenceLevel } from './absences.js';
import { ArchiveError } from './errors.js';
import { RELATIONS } from '../office/model.js';

/** The relation word of the householder (data: the exchange's enumeration). */
const HOUSEHOLDER = RELATIONS[0];
import { t } from '../i18n/index.js';

export interface AttendanceLine {
  month: string;
  idNumber: string;
  name: string;
  present: number;
  late: number;
  excused: number;
  absent: number;
  /** how the absences weigh, by the office's thresholds */
  level: AbsenceLevel;
}

export interface Archive {
  household: DeepReadonly<Household>;
  householder: { name: string; idNumber: string };
  members: (DeepReadonly<Member> & { age: number; monthlyIncomeFen: number })[];
  cases: { caseNo: string; program: string; status: CaseStatus; applicationDate: string; acceptedOn: string | null; decision: DeepReadonly<Case['decision']>; township: DeepReadonly<Case['township']>; refusalNotice: RefusalNoticeState | null; events: DeepReadonly<Case['history']> }[];
  enrolments: (EnrolmentRow & { history: DeepReadonly<Enrolment['history']> })[];
  reviews: DeepReadonly<Review>[];
  gradualExits: DeepReadonly<GradualExit>[];
  cancellations: DeepReadonly<Cancellation>[];
  attendance: AttendanceLine[];
  notes: DeepReadonly<Household['notes']>;
  pending: { kind: string; reason: string; since: string; resolvedOn: string | null }[];
}

export function householdArchive(view: View, householdId: string, today: string): Archive {
  const household = view.get('households', householdId);
  if (!household) throw new ArchiveError(t('household.notFound', { key: householdId }));
  const members = view
    .all('members')
    .filter((m) => m.householdId === householdId)
    .sort((a, b) => Number(Boolean(a.leftOn)) - Number(Boolean(b.leftOn)) || (a.relation === HOUSEHOLDER ? -1 : b.relation === HOUSEHOLDER ? 1 : 0) || a.idNumber.localeCompare(b.idNumber))
    .map((m) => ({ ...m, age: ageOn(m.idNumber, today), monthlyIncomeFen: m.incomes.reduce((s, i) => s + i.amountFen, 0) }));
  const names = new Map(members.map((m) => [m.idNumber, m.name]));
  const cases = view
    .all('cases')
    .filter((c) => c.householdId === householdId)
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    .map((c) => ({ caseNo: c.caseNo, program: c.program, status: c.status, applicationDate: c.applicationDate, acceptedOn: c.acceptedOn, decision: c.decision, township: c.township, refusalNotice: refusalNoticeOf(view, c, today), events: caseHistory(view, c) }));
  const enrolmentRecs = view
    .all('enrolments')
    .filter((e) => e.householdId === householdId)
    .sort((a, b) => a.id.localeCompare(b.id));
  const attendance = new Map<string, AttendanceLine>();
  for (const s of view.all('sessions')) {
    const marks = (s.marks ?? {}) as Record<string, { status?: string }>;
    for (const [id, mark] of Object.entries(marks)) {
      const name = names.get(id);
      if (name === undefined) continue;
      const month = String(s.date ?? s.id).slice(0, 7);
      const key = `${month}:${id}`;
      const line = attendance.get(key) ?? { month, idNumber: id, name, present: 0, late: 0, excused: 0, absent: 0, level: 'none' as AbsenceLevel };
      if (mark.status === 'present' || mark.status === 'late' || mark.status === 'excused' || mark.status === 'absent') line[mark.status]++;
      attendance.set(key, line);
    }
  }
  const thresholds = settingsOf(view).labour;
  for (const line of attendance.values()) line.level = absenceLevel(line.absent, thresholds);
  const householderIds = new Set(members.map((m) => m.idNumber));
  return {
    household,
    householder: householderOf(view, householdId),
    members,
    cases,
    enrolments: enrolmentRecs.map((e) => ({ ...enrolmentRow(view, e, today.slice(0, 7)), history: e.history })),
    reviews: enrolmentRecs.flatMap((e) => reviewsOf(view, e.id)),
    gradualExits: enrolmentRecs.flatMap((e) => gradualExitsOf(view, e.id)),
    cancellations: view.all('cancellations').filter((c) => c.householdId === householdId),
    attendance: [...attendance.values()].sort((a, b) => b.month.localeCompare(a.month) || a.idNumber.localeCompare(b.idNumber)),
    notes: household.notes,
    pending: view
      .all('pending')
      .filter((p) => p.householderId !== null && householderIds.has(p.householderId))
      .map((p) => ({ kind: p.kind, reason: p.reason, since: p.since, resolvedOn: p.resolvedOn ?? null })),
  };
}
