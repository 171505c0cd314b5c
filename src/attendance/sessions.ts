// Creating the month's sessions from the schedule, and extra or cancelled
// sessions by hand.
import type { Tx, View } from '../store/office.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { addMonths, isIsoDate } from '../rules/dayNumber.js';
import { AttendanceError } from './errors.js';
import { isMonth, newSession, scheduledDays } from './schedule.js';
import { t } from '../i18n/index.js';

export interface PlanResult {
  month: string;
  created: string[];
  /** Sessions that already existed (also cancelled ones: planning again never revives them). */
  existing: string[];
  /** Scheduled weekdays without a session, with the holiday's name. */
  skipped: { date: string; name: string }[];
  /** False when the calendar lacks the year: only weekends were taken as days off. */
  covered: boolean;
}

export function planMonth(tx: Tx, month: string): PlanResult {
  if (!isMonth(month)) throw new AttendanceError(t('attendance.badMonth', { month }));
  const labour = settingsOf(tx).labour;
  const cal = calendarOf(tx);
  const result: PlanResult = { month, created: [], existing: [], skipped: [], covered: cal.covers(Number(month.slice(0, 4))) };
  for (const d of scheduledDays(month, labour, cal)) {
    if (d.skipped !== undefined) {
      result.skipped.push({ date: d.date, name: d.skipped });
      continue;
    }
    if (tx.get('sessions', d.date)) {
      result.existing.push(d.date);
      continue;
    }
    tx.put('sessions', d.date, newSession(d.date, labour, 'schedule'));
    result.created.push(d.date);
  }
  return result;
}

function checkDate(date: string): void {
  if (!isIsoDate(date)) throw new AttendanceError(t('attendance.badDate', { date }));
}

function checkTime(time: string | undefined, option: string): void {
  if (time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new AttendanceError(t('attendance.badTime', { option, time }));
}

/** An extra session by hand (e.g. a clean-up before an inspection). One session a day. */
export function addSession(tx: Tx, date: string, opts: { start?: string; end?: string; task?: string } = {}): void {
  checkDate(date);
  checkTime(opts.start, t('attendance.startTime'));
  checkTime(opts.end, t('attendance.endTime'));
  const cur = tx.get('sessions', date);
  if (cur && !cur.cancelled) throw new AttendanceError(t('attendance.sessionExists', { date, start: cur.start, end: cur.end }));
  if (tx.get('attendanceMonths', date.slice(0, 7))) throw new AttendanceError(t('attendance.closedNoAdd', { month: date.slice(0, 7) }));
  const labour = settingsOf(tx).labour;
  const s = newSession(date, labour, 'extra', opts);
  if (cur) s.origin = cur.origin ?? 'schedule';
  tx.put('sessions', date, s);
}

/** Cancels a session (rain, an inspection); its record stays so planning does not bring it back. */
export function cancelSession(tx: Tx, date: string, reason: string): void {
  checkDate(date);
  const cur = tx.get('sessions', date);
  if (!cur) throw new AttendanceError(t('attendance.noSessionToCancel', { date, month: date.slice(0, 7) }));
  if (cur.cancelled) throw new AttendanceError(t('attendance.alreadyCancelled', { date, reason: cur.cancelled.reason }));
  if (!reason.trim()) throw new AttendanceError(t('attendance.cancelNeedsReason'));
  if (Object.keys(cur.marks).length) throw new AttendanceError(t('attendance.cancelMarked', { date, n: Object.keys(cur.marks).length }));
  if (tx.get('attendanceMonths', date.slice(0, 7))) throw new AttendanceError(t('attendance.closedNoCancel', { month: date.slice(0, 7) }));
  tx.update('sessions', date, (s) => void (s.cancelled = { on: tx.now.date, reason: reason.trim() }));
}

/** The dates of the sessions held or to be held (not cancelled), in order. */
export function heldSessionDates(view: View): string[] {
  return view
    .all('sessions')
    .filter((s) => !s.cancelled)
    .map((s) => s.date)
    .sort();
}

/**
 * The month the app's `p` plans: today's, while any of its scheduled days has
 * no session yet; else the next month (a clerk plans ahead at a month's end).
 */
export function monthToPlan(view: View, today: string): string {
  const month = today.slice(0, 7);
  const labour = settingsOf(view).labour;
  const open = scheduledDays(month, labour, calendarOf(view)).some((d) => d.skipped === undefined && !view.get('sessions', d.date));
  return open ? month : addMonths(month, 1);
}

/**
 * The session a clerk opens to mark: the one asked for when there is one,
 * else the latest up to today, else the first to come; null when none.
 */
export function sessionToOpen(dates: readonly string[], today: string, wanted?: string): string | null {
  if (wanted && dates.includes(wanted)) return wanted;
  const past = dates.filter((d) => d <= today);
  return past.at(-1) ?? dates[0] ?? null;
}
