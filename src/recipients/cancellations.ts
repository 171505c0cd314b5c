// The cancellation register (撤消登记): who stopped receiving, from when, why
// and by whose decision, plus the stops the county made that are not entered yet.
import { isMonth } from '../rules/month.js';
import type { Enrolment, Source } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { householderOf } from '../case/household.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { RecipientError } from './errors.js';
import { t, tIn } from '../i18n/index.js';

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

/** What a cancellation must record: the stop month, a reason, the deciding office and its date; every problem named by its field. */
export function cancellationProblems(view: View, input: CancellationInput): string[] {
  const problems: string[] = [];
  if (!view.get('enrolments', input.enrolmentId)) problems.push(t('recipients.problem.noEnrolment', { enrolmentId: input.enrolmentId }));
  if (!isMonth(input.effectiveMonth)) problems.push(t('recipients.problem.cancelMonth', { month: input.effectiveMonth }));
  if (!input.reason.trim()) problems.push(t('recipients.problem.cancelReason'));
  if (!input.decidedBy.trim()) problems.push(t('recipients.problem.cancelDecidedBy'));
  if (!isIsoDate(input.decisionDate)) problems.push(t('recipients.problem.cancelDate', { date: input.decisionDate }));
  return problems;
}

/** Enters a stop in the register. The benefit itself stops by the county's file, not here. */
export function registerCancellation(tx: Tx, input: CancellationInput): Cancellation {
  const problems = cancellationProblems(tx, input);
  if (problems.length) throw new RecipientError(t('recipients.cancel.notSaved', { problems: problems.join(t('recipients.separator')) }));
  const e = tx.get('enrolments', input.enrolmentId);
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

/** The journal's summary of a cancellation (a record: always Chinese). */
export function cancelSummary(enrolmentId: string): string {
  return tIn('zh', 'recipients.cancel.summary', { enrolmentId });
}

/** What the clerk is told once a stop is in the register. */
export function cancelSaved(c: Pick<Cancellation, 'householderName' | 'program' | 'effectiveMonth'>): string {
  return t('recipients.cancel.saved', { name: c.householderName, program: c.program, month: c.effectiveMonth });
}
