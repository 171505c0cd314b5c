// The case list: every case with its householder, status and deadlines,
// filtered by status, program, due date or a household search.
import type { Case, CaseStatus } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import type { WorkingCalendar } from '../rules/workingDays.js';
import { calendarOf } from '../office/context.js';
import { householdsMatching } from '../household/find.js';
import { communityDeadlineOf, investigationDueOf } from './deadlines.js';
import { householderOf } from './household.js';

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
  /** The investigation was to have started by `investigationDue` and has not (deadlines.ts). */
  investigationOverdue: boolean;
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

/** One case's row: its householder and deadlines as of `today`. */
export function caseRow(view: View, c: DeepReadonly<Case>, today: string, cal: WorkingCalendar = calendarOf(view)): CaseListRow {
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
    investigationOverdue: inv?.overdue ?? false,
  };
}

export function caseList(view: View, today: string, filter: CaseFilter = {}): CaseListRow[] {
  const cal = calendarOf(view);
  const found = filter.find?.trim() ? householdsMatching(view, filter.find) : null;
  const rows = view
    .all('cases')
    .filter((c) => (!filter.status || c.status === filter.status) && (!filter.program || c.program === filter.program))
    .filter((c) => !found || found.has(c.householdId) || c.caseNo.includes(filter.find!.trim()))
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    .map((c) => caseRow(view, c, today, cal));
  if (filter.due === 'overdue') return rows.filter((r) => r.overdue);
  if (filter.due === 'near') return rows.filter((r) => r.near);
  if (filter.due === 'due') return rows.filter((r) => r.overdue || r.near);
  return rows;
}
