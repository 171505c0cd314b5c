// Creating the month's sessions from the schedule, and extra or cancelled
// sessions by hand.
import type { Tx } from '../store/office.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { AttendanceError } from './errors.js';
import { isMonth, newSession, scheduledDays } from './schedule.js';

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
  if (!isMonth(month)) throw new AttendanceError(`月份「${month}」格式不对：应为 YYYY-MM，例如 2026-11`);
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
  if (!isIsoDate(date)) throw new AttendanceError(`日期「${date}」格式不对：应为 YYYY-MM-DD，例如 2026-11-23`);
}

function checkTime(t: string | undefined, option: string): void {
  if (t !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) throw new AttendanceError(`${option}「${t}」格式不对：应为 HH:MM，例如 09:30`);
}

/** An extra session by hand (e.g. a clean-up before an inspection). One session a day. */
export function addSession(tx: Tx, date: string, opts: { start?: string; end?: string; task?: string } = {}): void {
  checkDate(date);
  checkTime(opts.start, '开始时间');
  checkTime(opts.end, '结束时间');
  const cur = tx.get('sessions', date);
  if (cur && !cur.cancelled) throw new AttendanceError(`${date} 已经有一次公益劳动（${cur.start}–${cur.end}）：每天只安排一次`);
  if (tx.get('attendanceMonths', date.slice(0, 7))) throw new AttendanceError(`${date.slice(0, 7)} 的考勤已结账，不能再加场次`);
  const labour = settingsOf(tx).labour;
  const s = newSession(date, labour, 'extra', opts);
  if (cur) s.origin = cur.origin ?? 'schedule';
  tx.put('sessions', date, s);
}

/** Cancels a session (rain, an inspection); its record stays so planning does not bring it back. */
export function cancelSession(tx: Tx, date: string, reason: string): void {
  checkDate(date);
  const cur = tx.get('sessions', date);
  if (!cur) throw new AttendanceError(`${date} 没有公益劳动，无需取消：用 jiuzhu attendance plan --month ${date.slice(0, 7)} 查看安排`);
  if (cur.cancelled) throw new AttendanceError(`${date} 的公益劳动已经取消过了（${cur.cancelled.reason}）`);
  if (!reason.trim()) throw new AttendanceError('取消公益劳动要写明原因（--reason），例如「暴雨」');
  if (Object.keys(cur.marks).length) throw new AttendanceError(`${date} 的公益劳动已经签到 ${Object.keys(cur.marks).length} 人，不能取消`);
  if (tx.get('attendanceMonths', date.slice(0, 7))) throw new AttendanceError(`${date.slice(0, 7)} 的考勤已结账，不能再取消场次`);
  tx.update('sessions', date, (s) => void (s.cancelled = { on: tx.now.date, reason: reason.trim() }));
}
