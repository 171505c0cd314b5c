// Who must attend a session (应参加人员), derived on the day, never typed:
// members of active 低保 households who can work, of labour age, not exempt;
// and applicants able to work whose case is open, for one quarter from
// acceptance (先签到一个季度).
import type { Case, CaseStatus, Enrolment, EnrolmentStatus, Member } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import type { Settings } from '../office/settings.js';
import { ageOn, birthdayAt } from '../rules/idNumber.js';
import { dateOf, daysFromCivil } from '../rules/dayNumber.js';
import type { Exemption } from './types.js';
import { employedOn, employedReason, type GradualExit } from '../recipients/gradualExit.js';
import { t } from '../i18n/index.js';

export interface RosterData {
  members: readonly DeepReadonly<Member>[];
  enrolments: readonly DeepReadonly<Enrolment>[];
  cases: readonly DeepReadonly<Case>[];
  exemptions: readonly DeepReadonly<Exemption>[];
  /** members known to work (渐退期) are not due */
  gradualExits?: readonly DeepReadonly<GradualExit>[];
  labour: Pick<Settings['labour'], 'minAge' | 'maxAge'>;
}

export interface RosterEntry {
  idNumber: string;
  name: string;
  householdId: string;
  /** Pinyin initials, for a stable order within a group. */
  initials: string;
  basis: 'recipient' | 'applicant';
  caseNo: string | null;
}

export function rosterDataOf(view: View, labour: Settings['labour']): RosterData {
  return {
    members: view.all('members'),
    enrolments: view.all('enrolments'),
    cases: view.all('cases'),
    exemptions: view.all('exemptions'),
    gradualExits: view.all('gradualExits'),
    labour,
  };
}

/** Case statuses in which an application is still open (not decided, not withdrawn). */
const OPEN: ReadonlySet<CaseStatus> = new Set(['accepted', 'investigated', 'reviewed', 'noticing', 'submitted', 'returned', 'township-approved']);

const STATUS_EVENTS: Record<string, EnrolmentStatus> = {
  approved: 'active',
  roster: 'active',
  resumed: 'active',
  suspended: 'suspended',
  terminated: 'terminated',
};

/** The first day a history event takes effect: its effective month, else its decision date. */
function effectiveDay(h: DeepReadonly<Enrolment['history'][number]>): string | null {
  if (h.month) return `${h.month}-01`;
  return h.date ?? null;
}

/**
 * The enrolment's status on `date`: its dated history (a suspension from a
 * benefit change takes effect from its effective month), and the current
 * status from the last dated change on, so a change recorded without a date
 * still counts from now.
 */
export function enrolmentStatusOn(e: DeepReadonly<Enrolment>, date: string): EnrolmentStatus | null {
  if (date < `${e.since}-01`) return null;
  const events = e.history
    .map((h) => ({ day: effectiveDay(h), status: STATUS_EVENTS[h.event] }))
    .filter((x): x is { day: string; status: EnrolmentStatus } => x.day !== null && x.status !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day));
  const last = events[events.length - 1];
  if (!last || date >= last.day) return e.status;
  let status: EnrolmentStatus = 'active';
  for (const ev of events) if (ev.day <= date) status = ev.status;
  return status;
}

/**
 * The first day after an applicant's quarter: the same day three months on
 * (a day that month lacks, 30 November → 30 February, moves to the 1st of
 * the next month, so the quarter still ends on its last day).
 */
export function quarterEnd(acceptedOn: string): string {
  const y = Number(acceptedOn.slice(0, 4));
  const m0 = Number(acceptedOn.slice(5, 7)) - 1 + 3;
  const d = Number(acceptedOn.slice(8, 10));
  const yy = y + Math.floor(m0 / 12);
  const mm = (m0 % 12) + 1;
  const first = daysFromCivil(yy, mm, 1);
  const length = (mm === 12 ? daysFromCivil(yy + 1, 1, 1) : daysFromCivil(yy, mm + 1, 1)) - first;
  return dateOf(first + Math.min(d, length + 1) - 1);
}

/** The exemption covering `id` on `date`, if any. A member with a disability grade is exempt by it (残疾). */
export function exemptionOn(data: Pick<RosterData, 'exemptions'>, member: DeepReadonly<Member>, date: string): { kind: string; reason: string; to: string | null } | null {
  if (member.disability) return { kind: '残疾', reason: `残疾${member.disability}`, to: null };
  for (const x of data.exemptions) {
    if (x.idNumber === member.idNumber && x.from <= date && date <= x.to) return { kind: x.kind, reason: x.reason, to: x.to };
  }
  return null;
}

/**
 * Why a member is or is not due on `date` as far as the person goes (ability,
 * age, exemption, left the household): null when due.
 */
export function personalReason(data: RosterData, m: DeepReadonly<Member>, date: string): string | null {
  if (m.leftOn && m.leftOn <= date) return t('attendance.whyMovedOut');
  if (m.labourAbility === '无') return t('attendance.whyCannotWork');
  const age = ageOn(m.idNumber, date);
  // 18–60 means from the 18th birthday up to the day before the 60th.
  if (age < data.labour.minAge) return t('attendance.whyTooYoung', { age: data.labour.minAge, from: birthdayAt(m.idNumber, data.labour.minAge) });
  if (age >= data.labour.maxAge) return t('attendance.whyTooOld', { age: data.labour.maxAge });
  const employed = employedOn(data.gradualExits ?? [], m.idNumber, date);
  if (employed) return employedReason(employed);
  const x = exemptionOn(data, m, date);
  if (x) return t('attendance.whyExempt', { kind: x.kind }) + (x.reason && x.reason !== x.kind ? t('attendance.whyExemptReason', { reason: x.reason }) : '') + (x.to ? t('attendance.whyExemptUntil', { to: x.to }) : '');
  return null;
}

/** Everybody due on `date`, each once (a recipient who is also an applicant counts as a recipient). */
export function rosterOn(data: RosterData, date: string): RosterEntry[] {
  const byHousehold = new Map<string, DeepReadonly<Member>[]>();
  for (const m of data.members) {
    const list = byHousehold.get(m.householdId) ?? [];
    list.push(m);
    byHousehold.set(m.householdId, list);
  }
  const out = new Map<string, RosterEntry>();
  const consider = (m: DeepReadonly<Member>, basis: RosterEntry['basis'], caseNo: string | null): void => {
    if (out.has(m.idNumber) || personalReason(data, m, date) !== null) return;
    out.set(m.idNumber, { idNumber: m.idNumber, name: m.name, householdId: m.householdId, initials: m.initials, basis, caseNo });
  };
  for (const e of data.enrolments) {
    if (e.program !== '低保' || enrolmentStatusOn(e, date) !== 'active') continue;
    const members = byHousehold.get(e.householdId) ?? [];
    const covered = e.covered.length ? new Set(e.covered) : null;
    for (const m of members) if (!covered || covered.has(m.idNumber)) consider(m, 'recipient', e.caseNo);
  }
  for (const c of data.cases) {
    if (c.program !== '低保' || !OPEN.has(c.status) || !c.acceptedOn) continue;
    if (date < c.acceptedOn || date >= quarterEnd(c.acceptedOn)) continue;
    for (const m of byHousehold.get(c.householdId) ?? []) consider(m, 'applicant', c.caseNo);
  }
  return [...out.values()];
}
