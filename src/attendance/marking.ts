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
import { monthSummary, type MonthSummary } from './summary.js';
import { MARK_STATUSES, type Mark, type MarkStatus, type Session } from './types.js';
import { word } from '../i18n/index.js';

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
    throw new AttendanceError(`签到状态「${m.status}」不认识：应为 ${MARK_STATUSES.join('、')} 之一（到、迟到、请假、缺勤）`);
  }
  const note = m.note?.trim();
  if (m.status === 'excused' && !note) throw new AttendanceError('请假要写明原因（--note），例如「看病」');
  return note ? { status: m.status, note } : { status: m.status };
}

function sessionFor(tx: Tx, date: string): DeepReadonly<Session> {
  const s = tx.get('sessions', date);
  if (!s) throw new AttendanceError(`${date} 没有公益劳动：先用 jiuzhu attendance plan --month ${date.slice(0, 7)} 生成当月场次，或 jiuzhu attendance session add --date ${date} 加一次`);
  if (s.cancelled) throw new AttendanceError(`${date} 的公益劳动已取消（${s.cancelled.reason}），不能签到`);
  return s;
}

function lineFor(tx: Tx, lines: readonly SessionLine[], idNumber: string, date: string): SessionLine {
  const norm = normalizeIdNumber(idNumber);
  const id = norm.ok ? norm.id : idNumber.trim();
  const line = lines.find((l) => l.idNumber === id);
  if (line) return line;
  const m = tx.get('members', id);
  if (!m) throw new AttendanceError(`身份证号 ${id} 不是本社区登记的人员：请核对号码`);
  const why = personalReason(rosterDataOf(tx, settingsOf(tx).labour), m, date) ?? '不是在保低保家庭成员，也不是正在办理申请的申请人';
  throw new AttendanceError(`${m.name} 不在 ${date} 的应参加名单上：${why}`);
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

/** Why a session cannot be marked now: its month is closed, or its day has not come. */
export function markingLock(view: View, date: string, today: string): { closed: boolean; future: boolean } {
  return { closed: view.get('attendanceMonths', date.slice(0, 7)) !== undefined, future: date > today };
}

/**
 * Marks people in the session of `date`; `rest` marks everybody still
 * unmarked with that status (the "all the others came" key). A closed month
 * refuses: corrections there are amendments with a reason.
 */
export function markSession(tx: Tx, date: string, marks: readonly MarkInput[], opts: { rest?: 'present' } = {}): MarkResult {
  const s = sessionFor(tx, date);
  const lock = markingLock(tx, date, tx.now.date);
  if (lock.closed) {
    throw new AttendanceError(`${date.slice(0, 7)} 的考勤已结账，不能再改签到：更正请用 jiuzhu attendance amend --date ${date} --id 身份证号 --status 状态 --reason 原因`);
  }
  if (lock.future) throw new AttendanceError(`${date} 的公益劳动还没到，不能提前签到`);
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
      reason: `${p.name} ${month} 公益劳动无故缺勤 ${p.absent} 次：请提出处理建议报街道（不自动停发）`,
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
export function closeMonth(tx: Tx, month: string): MonthSummary {
  if (tx.get('attendanceMonths', month)) throw new AttendanceError(`${month} 的考勤已经结账了：更正请用 jiuzhu attendance amend`);
  const today = tx.now.date;
  if (today < `${month}-01`) throw new AttendanceError(`${month} 还没开始，不能结账`);
  // Sessions still to come, planned or only scheduled (a month not planned to its end is not over).
  const later = new Set(tx.all('sessions').filter((s) => s.date.startsWith(`${month}-`) && !s.cancelled && s.date > today).map((s) => s.date));
  for (const d of scheduledDays(month, settingsOf(tx).labour, calendarOf(tx))) {
    if (d.skipped === undefined && d.date > today && !tx.get('sessions', d.date)?.cancelled) later.add(d.date);
  }
  if (later.size) {
    const dates = [...later].sort();
    throw new AttendanceError(`${month} 还有 ${dates.length} 次公益劳动没到（${dates.join('、')}）：这些场次过后再结账，或先取消（attendance session cancel）`);
  }
  const summary = refreshRecommendations(tx, month);
  if (summary.unmarkedSessions.length) {
    throw new AttendanceError(`${month} 还有场次没签完：${summary.unmarkedSessions.join('、')}。请先补签（jiuzhu attendance mark --date 日期 …，或 --rest present 把其余的人记为到）`);
  }
  const final = { ...summary, closed: true };
  const outId = queueOutbound(tx, 'attendance', OUTBOUND_COLUMNS.attendance, outboundRows(final), `${month} 公益劳动考勤汇总`);
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
  if (!closed) throw new AttendanceError(`${month} 的考勤还没结账，直接改签到即可：jiuzhu attendance mark --date ${date} …`);
  if (!reason.trim()) throw new AttendanceError('结账后的更正要写明原因（--reason），例如「补交病假条」');
  const s = sessionFor(tx, date);
  const line = lineFor(tx, sessionLines(tx, s), input.idNumber, date);
  const to = checkMark(input);
  const from = s.marks[line.idNumber] ?? null;
  if (JSON.stringify(from) === JSON.stringify(to)) throw new AttendanceError(`${line.name} ${date} 已经是「${word('mark', to.status)}」，无需更正`);
  tx.update('sessions', date, (d) => void (d.marks = { ...d.marks, [line.idNumber]: to }));
  const summary = refreshRecommendations(tx, month);
  const outId = queueOutbound(tx, 'attendance', OUTBOUND_COLUMNS.attendance, outboundRows(summary), `${month} 公益劳动考勤汇总（更正：${line.name} ${date}）`);
  tx.update('attendanceMonths', month, (m) => {
    m.amendments = [...m.amendments, { on: tx.now.date, date, idNumber: line.idNumber, from: from ? { ...from } : null, to, reason: reason.trim() }];
    m.outboundIds = [...m.outboundIds, outId];
  });
  return { summary, from: from ? { ...from } : null, to };
}
