// Marking a session (签到), and corrections to a closed month (更正), both
// followed by the policy: a recommendation (处理建议) on the pending list
// once a person's unexcused absences in a month reach the threshold.
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { clearPending, raisePending } from '../office/pending.js';
import { queueOutbound, OUTBOUND_COLUMNS } from '../exchange/outbound.js';
import { normalizeIdNumber } from '../rules/idNumber.js';
import { AttendanceError } from './errors.js';
import { personalReason, rosterDataOf } from './roster.js';
import { scheduledDays } from './schedule.js';
import { sessionLines, type SessionLine } from './sessionRoster.js';
import { monthSummary, sessionsOfMonth, type MonthSummary } from './summary.js';
import { MARK_STATUSES, type Mark, type MarkStatus, type Session } from './types.js';
import { t, tIn, word } from '../i18n/index.js';

export interface MarkInput {
  idNumber: string;
  status: MarkStatus;
  note?: string;
}

export interface MarkResult {
  date: string;
  changed: number;
  counts: Record<MarkStatus | 'unmarked', number>;
}

export function checkMark(m: MarkInput): Mark {
  if (!(MARK_STATUSES as readonly string[]).includes(m.status)) {
    throw new AttendanceError(t('attendance.badStatus', { status: m.status, list: MARK_STATUSES.join(t('attendance.sep')) }));
  }
  const note = m.note?.trim();
  if (m.status === 'excused' && !note) throw new AttendanceError(t('attendance.leaveNeedsNote'));
  return note ? { status: m.status, note } : { status: m.status };
}

function sessionFor(tx: Tx, date: string): DeepReadonly<Session> {
  const s = tx.get('sessions', date);
  if (!s) throw new AttendanceError(t('attendance.noSessionPlanOrAdd', { date, month: date.slice(0, 7) }));
  if (s.cancelled) throw new AttendanceError(t('attendance.cancelledNoMark', { date, reason: s.cancelled.reason }));
  return s;
}

function lineFor(tx: Tx, lines: readonly SessionLine[], idNumber: string, date: string): SessionLine {
  const norm = normalizeIdNumber(idNumber);
  const id = norm.ok ? norm.id : idNumber.trim();
  const line = lines.find((l) => l.idNumber === id);
  if (line) return line;
  const m = tx.get('members', id);
  if (!m) throw new AttendanceError(t('attendance.unknownPerson', { id }));
  const why = personalReason(rosterDataOf(tx, settingsOf(tx).labour), m, date) ?? t('attendance.whyNotDue');
  throw new AttendanceError(t('attendance.notOnRoster', { name: m.name, date, why }));
}

/** How many are present, late, excused, absent and not yet marked. */
export function countsOf(lines: readonly { idNumber: string }[], marks: Readonly<Record<string, Mark>>): MarkResult['counts'] {
  const counts = { present: 0, late: 0, excused: 0, absent: 0, unmarked: 0 };
  for (const l of lines) counts[marks[l.idNumber]?.status ?? 'unmarked']++;
  return counts;
}

/** Stores the group everybody on the session was shown in, so groups stay put once used. */
function keepGroups(tx: Tx, lines: readonly SessionLine[]): void {
  for (const l of lines) if (!tx.get('groups', l.idNumber)) tx.put('groups', l.idNumber, { id: l.idNumber, group: l.group });
}

export interface MarkingLock {
  /** The session's month is closed: marks change only by amendment. */
  closed: boolean;
  /** The session's day has not come. */
  future: boolean;
  /** Either: the session is shown, not marked. */
  readOnly: boolean;
  /** Why it cannot be marked, in words; null when it can. */
  refusal: string | null;
}

/** Whether a session can be marked now, and if not why: its month is closed, or its day has not come. */
export function markingLock(view: View, date: string, today: string): MarkingLock {
  const closed = view.get('attendanceMonths', date.slice(0, 7)) !== undefined;
  const future = date > today;
  const refusal = closed ? t('attendance.closedNoMark', { month: date.slice(0, 7), date }) : future ? t('attendance.notYet', { date }) : null;
  return { closed, future, readOnly: closed || future, refusal };
}

/**
 * Marks people in the session of `date`; `rest` marks everybody still
 * unmarked with that status (the "all the others came" key). A closed month
 * refuses: corrections there are amendments with a reason.
 */
export function markSession(tx: Tx, date: string, marks: readonly MarkInput[], opts: { rest?: 'present' } = {}): MarkResult {
  const s = sessionFor(tx, date);
  const lock = markingLock(tx, date, tx.now.date);
  if (lock.refusal) throw new AttendanceError(lock.refusal);
  const lines = sessionLines(tx, s);
  const next: Record<string, Mark> = { ...s.marks };
  for (const m of marks) next[lineFor(tx, lines, m.idNumber, date).idNumber] = checkMark(m);
  if (opts.rest) for (const l of lines) next[l.idNumber] ??= { status: opts.rest };
  let changed = 0;
  for (const [id, m] of Object.entries(next)) if (JSON.stringify(s.marks[id]) !== JSON.stringify(m)) changed++;
  if (changed) tx.update('sessions', date, (d) => void (d.marks = next));
  keepGroups(tx, lines);
  refreshRecommendations(tx, date.slice(0, 7));
  return { date, changed, counts: countsOf(lines, next) };
}

/**
 * Raises a recommendation for everyone at or over the threshold this month,
 * and withdraws one whose absences were corrected below it. Never stops a
 * benefit: the township decides.
 */
export function refreshRecommendations(tx: Tx, month: string): MonthSummary {
  const summary = monthSummary(tx, month, tx.now.date);
  const idPrefix = 'attendance-recommendation:';
  const raised = new Set<string>();
  for (const p of summary.people) {
    const id = `${idPrefix}${month}:${p.idNumber}`;
    if (!p.recommendation) continue;
    raised.add(id);
    const hh = tx.get('households', p.householdId);
    const householder = hh ? tx.get('members', hh.householderId) : undefined;
    raisePending(tx, {
      id,
      kind: 'attendance-recommendation',
      caseNo: p.caseNo,
      householderId: hh?.householderId ?? null,
      householderName: householder?.name ?? p.name,
      // Stored with the item and shown to every clerk: written in the office's language.
      reason: tIn('zh', 'attendance.recommendationReason', { name: p.name, month, absent: p.absent }),
      source: 'local',
    });
  }
  for (const item of tx.all('pending')) {
    if (item.id.startsWith(`${idPrefix}${month}:`) && !item.resolvedOn && !raised.has(item.id)) clearPending(tx, item.id);
  }
  return summary;
}

export function outboundRows(summary: MonthSummary): string[][] {
  return summary.people
    .filter((p) => p.due > 0)
    .map((p) => [summary.month, p.idNumber, p.name, String(p.due), String(p.attended), String(p.excused), String(p.absent), p.advice]);
}

/**
 * Closes a month: every session held must be fully marked; the marks lock,
 * and the 公益劳动考勤汇总 file is queued for the township.
 */
/**
 * Why a month cannot be closed on `today`, in words; null when it can: it is
 * closed already, has not begun, has sessions still to come (planned or only
 * scheduled: a month not planned to its end is not over), or has a session
 * not fully marked.
 */
export function closeRefusal(view: View, month: string, today: string): string | null {
  if (view.get('attendanceMonths', month)) return t('attendance.alreadyClosed', { month });
  if (today < `${month}-01`) return t('attendance.monthNotStarted', { month });
  const later = new Set(view.all('sessions').filter((s) => s.date.startsWith(`${month}-`) && !s.cancelled && s.date > today).map((s) => s.date));
  for (const d of scheduledDays(month, settingsOf(view).labour, calendarOf(view))) {
    if (d.skipped === undefined && d.date > today && !view.get('sessions', d.date)?.cancelled) later.add(d.date);
  }
  if (later.size) {
    const dates = [...later].sort();
    return t('attendance.sessionsToCome', { month, n: dates.length, dates: dates.join(t('attendance.sep')) });
  }
  const unmarked = monthSummary(view, month, today).unmarkedSessions;
  if (unmarked.length) return t('attendance.unmarkedSessions', { month, dates: unmarked.join(t('attendance.sep')) });
  return null;
}

export function closeMonth(tx: Tx, month: string): MonthSummary {
  const today = tx.now.date;
  const refusal = closeRefusal(tx, month, today);
  if (refusal) throw new AttendanceError(refusal);
  const summary = refreshRecommendations(tx, month);
  const final = { ...summary, closed: true };
  const outId = queueOutbound(tx, 'attendance', OUTBOUND_COLUMNS.attendance, outboundRows(final), tIn('zh', 'attendance.outboundTitle', { month }));
  tx.put('attendanceMonths', month, { id: month, closedOn: today, outboundIds: [outId], amendments: [] });
  return final;
}

/**
 * A correction to a closed month: journaled with its reason, kept in the
 * month's record, and the month's file is sent again, corrected.
 */
export function amendMark(tx: Tx, date: string, input: MarkInput, reason: string): { summary: MonthSummary; from: Mark | null; to: Mark } {
  const month = date.slice(0, 7);
  const closed = tx.get('attendanceMonths', month);
  if (!closed) throw new AttendanceError(t('attendance.notClosedUseMark', { month, date }));
  if (!reason.trim()) throw new AttendanceError(t('attendance.amendNeedsReason'));
  const s = sessionFor(tx, date);
  const line = lineFor(tx, sessionLines(tx, s), input.idNumber, date);
  const to = checkMark(input);
  const from = s.marks[line.idNumber] ?? null;
  if (JSON.stringify(from) === JSON.stringify(to)) throw new AttendanceError(t('attendance.alreadyThat', { name: line.name, date, mark: word('mark', to.status) }));
  tx.update('sessions', date, (d) => void (d.marks = { ...d.marks, [line.idNumber]: to }));
  const summary = refreshRecommendations(tx, month);
  const outId = queueOutbound(tx, 'attendance', OUTBOUND_COLUMNS.attendance, outboundRows(summary), tIn('zh', 'attendance.outboundTitleAmended', { month, name: line.name, date }));
  tx.update('attendanceMonths', month, (m) => {
    m.amendments = [...m.amendments, { on: tx.now.date, date, idNumber: line.idNumber, from: from ? { ...from } : null, to, reason: reason.trim() }];
    m.outboundIds = [...m.outboundIds, outId];
  });
  return { summary, from: from ? { ...from } : null, to };
}

/** A person's mark in each session of a month that concerns them: what an amendment starts from. */
export function personMarks(view: View, month: string, idNumber: string): { date: string; mark: Mark | null }[] {
  const data = rosterDataOf(view, settingsOf(view).labour);
  const labour = settingsOf(view).labour;
  const out: { date: string; mark: Mark | null }[] = [];
  for (const s of sessionsOfMonth(view, month)) {
    if (s.cancelled) continue;
    const line = sessionLines(view, s, data, labour).find((l) => l.idNumber === idNumber);
    if (line) out.push({ date: s.date, mark: line.mark ? { ...line.mark } : null });
  }
  return out;
}
