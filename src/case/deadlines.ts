// Deadlines of a case: the community's working days from acceptance (paused
// while the township has it), the start of the investigation, the end of the
// notice, and the delivery of a refusal notice.
import type { Case } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { calendarOf, settingsOf } from '../office/context.js';
import type { WorkingCalendar } from '../rules/workingDays.js';
import { addDays } from '../rules/dayNumber.js';
import { COMMUNITY_STATUSES } from './statuses.js';

export interface Deadline {
  date: string;
  /** working days from today to the deadline; negative when overdue */
  daysLeft: number;
  overdue: boolean;
  near: boolean;
  /** false when the calendar lacks a year in between (weekends only were counted) */
  covered: boolean;
}

export function deadlineOf(c: DeepReadonly<Case>, view: View, today: string, cal: WorkingCalendar = calendarOf(view)): Deadline | null {
  if (!c.acceptedOn) return null;
  const s = settingsOf(view);
  let d = cal.addWorkingDays(c.acceptedOn, s.deadlines.communityWorkingDays);
  // A returned case: the clock stopped at submit and runs on from the day the
  // township returned it, with the working days that were left (at least one).
  if (c.status === 'returned' && c.submittedOn && c.township?.date) {
    const used = cal.workingDaysBetween(c.acceptedOn, c.submittedOn).days;
    const left = Math.max(1, s.deadlines.communityWorkingDays - used);
    const resumed = cal.addWorkingDays(c.township.date, left);
    d = { ...resumed, covered: resumed.covered && d.covered };
  }
  const between = cal.workingDaysBetween(today, d.date);
  const daysLeft = between.days;
  return {
    date: d.date,
    daysLeft,
    overdue: daysLeft < 0,
    near: daysLeft >= 0 && daysLeft <= s.deadlines.warnWorkingDays,
    covered: d.covered && between.covered,
  };
}

/** The community's deadline while its clock runs (not while the township or county has the case, nor once closed). */
export function communityDeadlineOf(c: DeepReadonly<Case>, view: View, today: string, cal: WorkingCalendar = calendarOf(view)): Deadline | null {
  return COMMUNITY_STATUSES.has(c.status) ? deadlineOf(c, view, today, cal) : null;
}

/** The last day to start the investigation (3 working days after acceptance), while it has not started. */
export function investigationDueOf(c: DeepReadonly<Case>, view: View, today: string, cal: WorkingCalendar = calendarOf(view)): { date: string; daysLeft: number; overdue: boolean } | null {
  if (c.status !== 'accepted' || !c.acceptedOn) return null;
  const date = cal.addWorkingDays(c.acceptedOn, settingsOf(view).deadlines.investigationWorkingDays).date;
  const daysLeft = cal.workingDaysBetween(today, date).days;
  return { date, daysLeft, overdue: daysLeft < 0 };
}

/** The last day of a notice that starts on `start` (the notice runs `noticeCalendarDays` calendar days, start included). */
export function noticeEndOf(view: View, start: string): string {
  return addDays(start, settingsOf(view).deadlines.noticeCalendarDays - 1);
}

/**
 * The county refused: the refusal notice must reach the applicant within
 * `refusalNoticeWorkingDays` of the decision. null once it is recorded as
 * delivered (nothing is owed then).
 */
export function refusalNoticeDueOf(c: DeepReadonly<Case>, view: View, today: string, cal: WorkingCalendar = calendarOf(view)): { date: string; overdue: boolean } | null {
  if (c.decision?.result !== '不予批准' || c.refusalDelivered) return null;
  const date = cal.addWorkingDays(c.decision.date, settingsOf(view).deadlines.refusalNoticeWorkingDays).date;
  return { date, overdue: date < today };
}
