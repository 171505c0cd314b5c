// The gradual-exit period (渐退期) of a recipient who found work: the benefit
// continues and the new wage is not counted until the period ends.
import { isMonth } from '../rules/month.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { addMonths } from '../rules/dayNumber.js';
import { RecipientError } from './errors.js';
import { t, tIn } from '../i18n/index.js';

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

/**
 * The gradual exit by which a member is known to work on `date` (from the
 * first month of the new work on): such a member does not attend labour
 * sessions. Null when none.
 */
export function employedOn(exits: readonly DeepReadonly<GradualExit>[], memberId: string, date: string): DeepReadonly<GradualExit> | null {
  const month = date.slice(0, 7);
  return exits.find((g) => g.memberId === memberId && g.from <= month) ?? null;
}

/** Why the roster leaves an employed member out (the attendance roster's reason column). */
export function employedReason(g: DeepReadonly<GradualExit>): string {
  return t('recipients.exit.rosterReason', { work: g.work, from: g.from });
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
  if (!e) problems.push(t('recipients.problem.noEnrolment', { enrolmentId: input.enrolmentId }));
  else if (e.status !== 'active') problems.push(t('recipients.problem.exitNotActive'));
  const m = tx.get('members', input.memberId);
  if (!m || (e && m.householdId !== e.householdId)) problems.push(t('recipients.problem.exitMember'));
  if (!isMonth(input.from)) problems.push(t('recipients.problem.exitFrom', { month: input.from }));
  if (!input.work.trim()) problems.push(t('recipients.problem.exitWork'));
  if (input.wageFen != null && (!Number.isInteger(input.wageFen) || input.wageFen < 0)) problems.push(t('recipients.problem.wage'));
  if (problems.length) throw new RecipientError(t('recipients.exit.notSaved', { problems: problems.join(t('recipients.separator')) }));
  const months = settingsOf(tx).gradualExitMonths;
  const id = `${e!.id}:${input.from}`;
  if (tx.get('gradualExits', id)) throw new RecipientError(t('recipients.exit.notSaved', { problems: t('recipients.problem.exitTwice', { month: input.from }) }));
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

/** The journal's summary of a gradual exit (a record: always Chinese). */
export function exitSummary(enrolmentId: string, from: string): string {
  return tIn('zh', 'recipients.exit.summary', { enrolmentId, from });
}

/** What the clerk is told once a gradual exit is recorded. */
export function exitSaved(x: Pick<GradualExit, 'memberName' | 'from' | 'until'>): string {
  return t('recipients.exit.saved', { name: x.memberName, from: x.from, until: x.until });
}
