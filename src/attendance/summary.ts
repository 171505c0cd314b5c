// The monthly summary (公益劳动考勤汇总): per person due, attended, excused,
// absent, with the policy's warning and recommendation thresholds.
import type { DeepReadonly, View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { rosterDataOf } from './roster.js';
import { sessionLines, storedGroups } from './sessionRoster.js';
import { monthEnd } from '../rules/dayNumber.js';
import type { Session } from './types.js';
import { tIn, type Lang } from '../i18n/index.js';

export interface PersonMonth {
  idNumber: string;
  name: string;
  householdId: string;
  caseNo: string | null;
  group: number;
  /** Sessions the person was due at (held, not cancelled, up to the day asked). */
  due: number;
  /** present + late */
  attended: number;
  late: number;
  excused: number;
  /** Unexcused absences (无故缺勤). */
  absent: number;
  /** Due but not marked yet. */
  unmarked: number;
  /** absent ≥ the warning threshold (default 2). */
  warning: boolean;
  /** absent ≥ the recommendation threshold (default 3): a 处理建议 for the township. */
  recommendation: boolean;
  /** The 处理建议 cell of the outbound file: empty, a warning, or a recommendation. */
  advice: string;
}

export interface MonthSummary {
  month: string;
  /** Counted up to and including this day (the month's end once it is over). */
  asOf: string;
  closed: boolean;
  /** Sessions counted: held, not cancelled, dated ≤ asOf. */
  sessions: string[];
  /** Sessions counted that still have somebody unmarked. */
  unmarkedSessions: string[];
  people: PersonMonth[];
}

/**
 * The 处理建议 of a person's month: nothing, a warning, or a recommendation.
 * The `advice` of a summary is its Chinese (it goes to the township in the
 * month's file); screens and commands say it in the process's language.
 */
export function adviceIn(l: Lang, p: Pick<PersonMonth, 'absent' | 'warning' | 'recommendation'>): string {
  if (p.recommendation) return tIn(l, 'attendance.adviceRecommend', { absent: p.absent });
  if (p.warning) return tIn(l, 'attendance.adviceWarn', { absent: p.absent });
  return '';
}

/** The people of a month to warn (warned, not yet recommended) and to recommend for action. */
export function flagCounts(s: Pick<MonthSummary, 'people'>): { warned: number; recommended: number } {
  return {
    warned: s.people.filter((p) => p.warning && !p.recommendation).length,
    recommended: s.people.filter((p) => p.recommendation).length,
  };
}

export function sessionsOfMonth(view: View, month: string): DeepReadonly<Session>[] {
  return view
    .all('sessions')
    .filter((s) => s.date.startsWith(`${month}-`))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Per-person counts for a month (`YYYY-MM`), counting the sessions held up
 * to `today` (all of them once the month is over or closed). People are in
 * group order, then by name initials. This is what the report forms read.
 */
export function monthSummary(view: View, month: string, today: string): MonthSummary {
  const settings = settingsOf(view);
  const labour = settings.labour;
  const closed = view.get('attendanceMonths', month) !== undefined;
  const end = monthEnd(month);
  const asOf = closed || today >= end ? end : today;
  const data = rosterDataOf(view, labour);
  const stored = storedGroups(view);
  const people = new Map<string, PersonMonth>();
  const sessions: string[] = [];
  const unmarkedSessions: string[] = [];
  for (const s of sessionsOfMonth(view, month)) {
    if (s.cancelled || s.date > asOf) continue;
    sessions.push(s.date);
    let unmarked = false;
    for (const line of sessionLines(view, s, data, labour, stored)) {
      let p = people.get(line.idNumber);
      if (!p) {
        p = { idNumber: line.idNumber, name: line.name, householdId: line.householdId, caseNo: line.caseNo, group: line.group, due: 0, attended: 0, late: 0, excused: 0, absent: 0, unmarked: 0, warning: false, recommendation: false, advice: '' };
        people.set(line.idNumber, p);
      }
      p.group = line.group;
      p.due++;
      const st = line.mark?.status;
      if (st === 'present') p.attended++;
      else if (st === 'late') {
        p.attended++;
        p.late++;
      } else if (st === 'excused') p.excused++;
      else if (st === 'absent') p.absent++;
      else {
        p.unmarked++;
        unmarked = true;
      }
    }
    if (unmarked) unmarkedSessions.push(s.date);
  }
  const rows = [...people.values()].map((p) => {
    const flags = { absent: p.absent, warning: p.absent >= labour.warnAbsences, recommendation: p.absent >= labour.recommendAbsences };
    return { ...p, ...flags, advice: adviceIn('zh', flags) };
  });
  rows.sort((a, b) => a.group - b.group);
  return { month, asOf, closed, sessions, unmarkedSessions, people: rows };
}
