// Recipients (在保对象): the enrolment list, the gradual-exit period (渐退期)
// of a recipient who found work, the cancellation register (撤消登记) and the
// roster reconciliation list (名单核对). What the community records lives in
// its own collections; enrolments themselves belong to the county's decisions.
import type { Category, Enrolment, EnrolmentStatus, PendingItem, Source } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { householderOf } from '../case/cases.js';
import { clearPending, openPending } from '../office/pending.js';
import { addMonths, isIsoDate } from '../rules/dayNumber.js';
import { UserFacingError } from '../office/errors.js';
import { isMonth } from '../rules/month.js';

export class RecipientError extends UserFacingError {}


export interface GradualExit {
  /** `<enrolment id>:<from month>` */
  id: string;
  enrolmentId: string;
  householdId: string;
  memberId: string;
  memberName: string;
  /** where and what: 某物业公司保洁 */
  work: string;
  wageFen: number | null;
  /** first month of the new work, and the last month of the period (inclusive) */
  from: string;
  until: string;
  note: string;
  by: string;
  at: string;
}

export interface Cancellation {
  /** the enrolment id: one entry per stop; a later stop of a resumed benefit gets `#n` */
  id: string;
  enrolmentId: string;
  householdId: string;
  householderName: string;
  householderId: string;
  program: string;
  /** the month the benefit stops */
  effectiveMonth: string;
  reason: string;
  /** whose decision: the county office and its document number */
  decidedBy: string;
  decisionDate: string;
  by: string;
  at: string;
}

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
  /** last month of a gradual-exit period still running, if any */
  gradualExitUntil: string | null;
}

const STATUS_ORDER: Record<EnrolmentStatus, number> = { active: 0, suspended: 1, terminated: 2 };

export function gradualExitsOf(view: View, enrolmentId: string): DeepReadonly<GradualExit>[] {
  return view
    .all('gradualExits')
    .filter((g) => g.enrolmentId === enrolmentId)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The gradual-exit period running in `month`, if any. */
export function runningExit(view: View, enrolmentId: string, month: string): DeepReadonly<GradualExit> | null {
  return gradualExitsOf(view, enrolmentId).find((g) => g.from <= month && month <= g.until) ?? null;
}

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

export interface GradualExitInput {
  enrolmentId: string;
  memberId: string;
  work: string;
  wageFen: number | null;
  from: string;
  note?: string;
}

/** Records that a member found work: the benefit continues, the wage uncounted, until the period ends. */
export function recordGradualExit(tx: Tx, input: GradualExitInput): GradualExit {
  const problems: string[] = [];
  const e = tx.get('enrolments', input.enrolmentId);
  if (!e) problems.push(`保障对象：没有编号为「${input.enrolmentId}」的在保记录`);
  else if (e.status !== 'active') problems.push('保障对象：只有在保的户才有渐退期');
  const m = tx.get('members', input.memberId);
  if (!m || (e && m.householdId !== e.householdId)) problems.push('就业成员：不是该户的成员，请核对身份证号');
  if (!isMonth(input.from)) problems.push(`就业起始年月：「${input.from}」应写成 2026-11`);
  if (!input.work.trim()) problems.push('就业情况：请写明单位和岗位');
  if (input.wageFen != null && (!Number.isInteger(input.wageFen) || input.wageFen < 0)) problems.push('月工资：应为不小于 0 的金额');
  if (problems.length) throw new RecipientError(`渐退期没有登记：${problems.join('；')}`);
  const months = settingsOf(tx).gradualExitMonths;
  const id = `${e!.id}:${input.from}`;
  if (tx.get('gradualExits', id)) throw new RecipientError(`渐退期没有登记：该户 ${input.from} 起的渐退期已经登记过`);
  const rec: GradualExit = {
    id,
    enrolmentId: e!.id,
    householdId: e!.householdId,
    memberId: m!.idNumber,
    memberName: m!.name,
    work: input.work.trim(),
    wageFen: input.wageFen,
    from: input.from,
    until: addMonths(input.from, Math.max(0, months - 1)),
    note: input.note?.trim() ?? '',
    by: tx.meta.operator,
    at: tx.now.iso,
  };
  tx.put('gradualExits', id, rec);
  return rec;
}

export interface RegisterRow {
  enrolmentId: string;
  householdId: string;
  householderName: string;
  program: string;
  effectiveMonth: string;
  reason: string;
  decidedBy: string;
  decisionDate: string;
  /** false: the county stopped the benefit but the clerk has not entered it in the register yet */
  registered: boolean;
  by: string;
  source: Source | null;
}

/** The last history event of a terminated enrolment: what the county's file said. */
function terminationOf(e: DeepReadonly<Enrolment>): { month: string; reason: string; date: string; source: Source | null } {
  const h = e.history.at(-1);
  return { month: h?.month ?? '', reason: h?.reason ?? '', date: h?.date ?? h?.at.slice(0, 10) ?? '', source: h?.source ?? null };
}

/** The cancellation register, plus terminated enrolments still to be entered in it, newest first. */
export function cancellationRegister(view: View): RegisterRow[] {
  const rows: RegisterRow[] = view.all('cancellations').map((c) => ({
    enrolmentId: c.enrolmentId,
    householdId: c.householdId,
    householderName: c.householderName,
    program: c.program,
    effectiveMonth: c.effectiveMonth,
    reason: c.reason,
    decidedBy: c.decidedBy,
    decisionDate: c.decisionDate,
    registered: true,
    by: c.by,
    source: 'local',
  }));
  const registered = new Set(rows.map((r) => r.enrolmentId));
  for (const e of view.all('enrolments')) {
    if (e.status !== 'terminated' || registered.has(e.id)) continue;
    const t = terminationOf(e);
    rows.push({
      enrolmentId: e.id,
      householdId: e.householdId,
      householderName: householderOf(view, e.householdId).name,
      program: e.program,
      effectiveMonth: t.month,
      reason: t.reason,
      decidedBy: '',
      decisionDate: t.date,
      registered: false,
      by: '',
      source: t.source,
    });
  }
  return rows.sort((a, b) => Number(a.registered) - Number(b.registered) || b.decisionDate.localeCompare(a.decisionDate) || a.enrolmentId.localeCompare(b.enrolmentId));
}

export interface CancellationInput {
  enrolmentId: string;
  effectiveMonth: string;
  reason: string;
  decidedBy: string;
  decisionDate: string;
}

/** Enters a stop in the register. The benefit itself stops by the county's file, not here. */
export function registerCancellation(tx: Tx, input: CancellationInput): Cancellation {
  const problems: string[] = [];
  const e = tx.get('enrolments', input.enrolmentId);
  if (!e) problems.push(`保障对象：没有编号为「${input.enrolmentId}」的保障记录`);
  if (!isMonth(input.effectiveMonth)) problems.push(`停发年月：「${input.effectiveMonth}」应写成 2026-11`);
  if (!input.reason.trim()) problems.push('撤消原因：请写明原因（如 收入超标、死亡、迁出）');
  if (!input.decidedBy.trim()) problems.push('决定机关：请写明作出决定的单位及文号');
  if (!isIsoDate(input.decisionDate)) problems.push(`决定日期：「${input.decisionDate}」不是日期，请写成 2026-11-23`);
  if (problems.length) throw new RecipientError(`撤消登记没有保存：${problems.join('；')}`);
  let id = e!.id;
  for (let n = 2; tx.get('cancellations', id); n++) id = `${e!.id}#${n}`;
  const h = householderOf(tx, e!.householdId);
  const rec: Cancellation = {
    id,
    enrolmentId: e!.id,
    householdId: e!.householdId,
    householderName: h.name,
    householderId: h.idNumber,
    program: e!.program,
    effectiveMonth: input.effectiveMonth,
    reason: input.reason.trim(),
    decidedBy: input.decidedBy.trim(),
    decisionDate: input.decisionDate,
    by: tx.meta.operator,
    at: tx.now.iso,
  };
  tx.put('cancellations', id, rec);
  return rec;
}

export const ROSTER_KINDS: ReadonlySet<PendingItem['kind']> = new Set(['roster-differs', 'roster-unlisted']);

/** The roster reconciliation list (名单核对): open roster mismatches, oldest first. */
export function rosterReconciliation(view: View): PendingItem[] {
  return openPending(view).filter((p) => ROSTER_KINDS.has(p.kind));
}

/** The clerk has looked into an item: it is stamped resolved, never deleted; the note goes to the journal. */
export function resolvePendingItem(tx: Tx, id: string): void {
  const cur = tx.get('pending', id);
  if (!cur) throw new RecipientError(`没有编号为「${id}」的待处理事项`);
  if (cur.resolvedOn) throw new RecipientError(`这项待处理事项已在 ${cur.resolvedOn} 处理过`);
  clearPending(tx, id);
}
