// The enrolment list (在保对象): every benefit the county decided, as the
// lists show it, with a running gradual-exit period.
import type { Category, Enrolment, EnrolmentStatus } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { householderOf } from '../case/household.js';
import { runningExit } from './gradualExit.js';

export interface EnrolmentRow {
  id: string;
  householdId: string;
  householderName: string;
  householderId: string;
  program: string;
  status: EnrolmentStatus;
  monthlyAmountFen: number;
  persons: number;
  category: Category | null;
  since: string;
  caseNo: string | null;
  /** ID numbers of the covered members (cli.md `covered`) */
  covered: string[];
  /** last month of a gradual-exit period still running, if any */
  gradualExitUntil: string | null;
}

const STATUS_ORDER: Record<EnrolmentStatus, number> = { active: 0, suspended: 1, terminated: 2 };

/** One enrolment as the lists show it, in `month` (for a running gradual exit). */
export function enrolmentRow(view: View, e: DeepReadonly<Enrolment>, month: string): EnrolmentRow {
  return rowOf(view, e, runningExit(view, e.id, month)?.until ?? null);
}

function rowOf(view: View, e: DeepReadonly<Enrolment>, gradualExitUntil: string | null): EnrolmentRow {
  const h = householderOf(view, e.householdId);
  return {
    id: e.id,
    householdId: e.householdId,
    householderName: h.name,
    householderId: h.idNumber,
    program: e.program,
    status: e.status,
    monthlyAmountFen: e.monthlyAmountFen,
    persons: e.persons,
    category: e.category,
    since: e.since,
    caseNo: e.caseNo,
    covered: [...e.covered],
    gradualExitUntil,
  };
}

/** Every enrolment, current first (active, suspended, terminated), then by householder. */
export function enrolmentRows(view: View, today: string): EnrolmentRow[] {
  const month = today.slice(0, 7);
  const exitUntil = new Map<string, string>();
  for (const g of view.all('gradualExits')) if (g.from <= month && month <= g.until) exitUntil.set(g.enrolmentId, g.until);
  return view
    .all('enrolments')
    // The exits are looked up once for all rows, not per row.
    .map((e) => rowOf(view, e, exitUntil.get(e.id) ?? null))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.householderName.localeCompare(b.householderName, 'zh-CN') ||
        a.id.localeCompare(b.id),
    );
}
