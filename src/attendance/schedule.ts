// The month's sessions from the weekly schedule and the working-day
// calendar, and the weekly rotation of groups through the tasks.
import type { Settings } from '../office/settings.js';
import { dateOf, dayNo, daysFromCivil } from '../rules/dayNumber.js';
import type { WorkingCalendar } from '../rules/workingDays.js';
import type { Session } from './types.js';
import { lang, tIn, type Lang } from '../i18n/index.js';
import { isMonth } from '../rules/month.js';

export { isMonth };

export type Labour = Settings['labour'];

/** Every date of a `YYYY-MM` month, in order. */
export function datesOfMonth(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = daysFromCivil(y, m, 1);
  const end = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  const out: string[] = [];
  for (let n = first; n < end; n++) out.push(dateOf(n));
  return out;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((((dayNo(date) + 3) % 7) + 7) % 7) + 1;
}

/** The day of the week in words (星期一 … 星期日), in the language asked for. */
export function weekdayWord(date: string, l: Lang = lang()): string {
  const words = [
    tIn(l, 'attendance.monday'),
    tIn(l, 'attendance.tuesday'),
    tIn(l, 'attendance.wednesday'),
    tIn(l, 'attendance.thursday'),
    tIn(l, 'attendance.friday'),
    tIn(l, 'attendance.saturday'),
    tIn(l, 'attendance.sunday'),
  ];
  return words[isoWeekday(date) - 1]!;
}

/** Weeks since the Monday 1970-01-05: the rotation's clock, the same whatever month a session is planned in. */
export function weekIndex(date: string): number {
  return Math.floor((dayNo(date) - 4) / 7);
}

/** Group g (1-based) does `tasks[(g - 1 + week) mod tasks]` in a week: each group meets every task in turn. */
export function tasksForWeek(date: string, labour: Pick<Labour, 'groups' | 'tasks'>): string[] {
  const w = weekIndex(date);
  return Array.from({ length: labour.groups }, (_, i) => labour.tasks[(i + w) % labour.tasks.length]!);
}

export interface PlannedDay {
  date: string;
  /** Why a scheduled weekday has no session: the holiday's name. */
  skipped?: string;
}

/**
 * The scheduled dates of a month: the schedule's weekdays that are working
 * days; a statutory holiday has no session; a make-up working weekend day
 * (调休上班) has one only when `sessionsOnMakeUpDays` is set.
 */
export function scheduledDays(month: string, labour: Pick<Labour, 'weekdays' | 'sessionsOnMakeUpDays'>, cal: WorkingCalendar): PlannedDay[] {
  const out: PlannedDay[] = [];
  for (const date of datesOfMonth(month)) {
    const info = cal.day(date);
    const weekday = labour.weekdays.includes(isoWeekday(date));
    if (info.makeUp) {
      if (labour.sessionsOnMakeUpDays) out.push({ date });
      continue;
    }
    if (!weekday) continue;
    if (info.work) out.push({ date });
    else out.push({ date, skipped: info.name ?? tIn(lang(), 'attendance.dayOff') });
  }
  return out;
}

export function newSession(date: string, labour: Labour, origin: 'schedule' | 'extra', times?: { start?: string; end?: string; task?: string }): Session {
  const tasks = times?.task ? Array.from({ length: labour.groups }, () => times.task!) : tasksForWeek(date, labour);
  return {
    id: date,
    date,
    start: times?.start ?? labour.start,
    end: times?.end ?? labour.end,
    task: tasks[0]!,
    tasks,
    origin,
    marks: {},
  };
}

/** The task of group g (1-based) in a session; the demo's older sessions have one task for all. */
export function taskOf(s: { task: string; tasks?: readonly string[] }, group: number): string {
  return s.tasks?.[group - 1] ?? s.task;
}
