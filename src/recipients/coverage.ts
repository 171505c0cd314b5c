// Single-person coverage (单人保): when the county covers fewer persons than
// the household has, the clerk chooses who. The choice is kept on the case
// (`coverage`); until it is made the enrolment covers the members named in
// the decision's 原因 (when they are exactly 保障人数 of them) or, failing
// that, the householder first, and a `coverage-unchosen` item waits.
import type { Case } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { clearPending, raisePending } from '../office/pending.js';
import { membersOf } from '../case/household.js';
import { RecipientError } from './errors.js';
import { t, tIn } from '../i18n/index.js';

export const coveragePendingId = (caseNo: string) => `coverage-unchosen:${caseNo}`;

interface Person {
  idNumber: string;
  name: string;
}

/** The members whose names the decision's 原因 mentions (e.g. 仅保障李梅、陈浩然), in the household's order. */
export function namedInReason(reason: string, members: readonly Person[]): string[] {
  if (!reason) return [];
  // A longer name wins over one it contains (李梅梅 over 李梅).
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  let rest = reason;
  const found = new Set<string>();
  for (const m of byLength) {
    if (m.name && rest.includes(m.name)) {
      found.add(m.idNumber);
      rest = rest.split(m.name).join('\u0000');
    }
  }
  return members.filter((m) => found.has(m.idNumber)).map((m) => m.idNumber);
}

/** Householder first, then by ID number: the order the lists show. */
function ordered(ids: readonly string[], householderId: string): string[] {
  return [...ids].sort((a, b) => (a === householderId ? -1 : b === householderId ? 1 : a.localeCompare(b)));
}

/** The 原因 default: the named members when they are exactly `persons`, else none. */
export function defaultCoverage(reason: string, members: readonly Person[], persons: number): string[] | null {
  const named = namedInReason(reason, members);
  return named.length === persons ? named : null;
}

function validChoice(choice: readonly string[] | undefined, memberIds: readonly string[], persons: number): choice is string[] {
  return !!choice && choice.length === persons && choice.every((id) => memberIds.includes(id));
}

export interface ApprovalCoverage {
  caseNo: string;
  householdId: string;
  householderId: string;
  /** 保障人数; null: the whole household. */
  persons: number | null;
  /** The household's current members (the merge's own lookup). */
  memberIds: readonly string[];
  reason: string;
  source: `file:${string}`;
}

/**
 * Who an approval covers (called by the enrolment fold for each approval):
 * the whole household, the clerk's choice, or, until there is one, the 原因
 * default or the householder first; raises or clears the case's
 * `coverage-unchosen` item.
 */
export function coverageOfApproval(tx: Tx, a: ApprovalCoverage): string[] {
  const ids = ordered(a.memberIds, a.householderId);
  const pid = coveragePendingId(a.caseNo);
  if (a.persons === null || a.persons >= ids.length) {
    clearPending(tx, pid);
    return a.persons === null ? ids : ids.slice(0, a.persons);
  }
  const c = tx.get('cases', a.caseNo) as DeepReadonly<Case> | undefined;
  const chosen = c?.coverage?.members as string[] | undefined;
  if (validChoice(chosen, ids, a.persons)) {
    clearPending(tx, pid);
    return [...chosen];
  }
  const byId = new Map(ids.map((id) => [id, { idNumber: id, name: tx.get('members', id)?.name ?? '' }]));
  const def = defaultCoverage(a.reason, [...byId.values()], a.persons);
  const householder = byId.get(a.householderId);
  raisePending(tx, {
    id: pid,
    kind: 'coverage-unchosen',
    caseNo: a.caseNo,
    householderId: a.householderId,
    householderName: householder?.name ?? '',
    reason: def
      ? tIn('zh', 'recipients.coverage.pendingNamed', { persons: a.persons, size: ids.length, names: def.map((id) => byId.get(id)!.name).join(tIn('zh', 'recipients.coverage.nameSeparator')) })
      : tIn('zh', 'recipients.coverage.pendingUnnamed', { persons: a.persons, size: ids.length }),
    source: a.source,
  });
  return def ?? ids.slice(0, a.persons);
}

/** The clerk's choice, kept on the case. */
export interface CoverageChoice {
  members: string[];
  date: string;
  by: string;
}

/** What the clerk chooses from: the case's approval, its household and the offered default. */
export interface CoverageQuestion {
  caseNo: string;
  enrolmentId: string;
  persons: number;
  members: { idNumber: string; name: string; relation: string; covered: boolean; suggested: boolean }[];
  /** The 原因 default, if its names are exactly 保障人数 members. */
  suggested: string[] | null;
  chosen: boolean;
  reason: string;
}

/** The coverage question of a case whose approval covers fewer persons than the household has; null when there is none. */
export function coverageQuestion(view: View, caseNo: string): CoverageQuestion | null {
  const c = view.get('cases', caseNo) as DeepReadonly<Case> | undefined;
  if (!c || c.decision?.result !== '批准') return null;
  const enrolmentId = `${c.householdId}:${c.decision.program ?? c.program}`;
  const e = view.get('enrolments', enrolmentId);
  if (!e || e.caseNo !== caseNo) return null;
  const hh = view.get('households', c.householdId);
  const members = membersOf(view, c.householdId);
  const ids = ordered(members.map((m) => m.idNumber), hh?.householderId ?? '');
  const persons = c.decision.persons ?? ids.length;
  if (persons >= ids.length) return null;
  const byId = new Map(members.map((m) => [m.idNumber, m]));
  const reason = c.decision.reason ?? '';
  const suggested = defaultCoverage(reason, ids.map((id) => byId.get(id)!), persons);
  return {
    caseNo,
    enrolmentId,
    persons,
    members: ids.map((id) => {
      const m = byId.get(id)!;
      return { idNumber: id, name: m.name, relation: m.relation, covered: e.covered.includes(id), suggested: !!suggested?.includes(id) };
    }),
    suggested,
    chosen: validChoice(c.coverage?.members as string[] | undefined, ids, persons),
    reason,
  };
}

/** Why a choice cannot be kept; empty when it can. */
export function coverageProblems(q: CoverageQuestion, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(q.members.map((m) => m.idNumber));
  for (const id of ids) if (!known.has(id)) problems.push(t('recipients.coverage.notMember', { id }));
  if (new Set(ids).size !== ids.length) problems.push(t('recipients.coverage.twice'));
  if (ids.length !== q.persons) problems.push(t('recipients.coverage.count', { persons: q.persons, count: ids.length }));
  return problems;
}

/**
 * `enrolment cover`: the clerk chooses who the benefit covers. Without
 * members the 原因 default is taken (refused when there is none). Kept on the
 * case, so a later file that folds the enrolment again keeps it.
 */
export function coverMembers(tx: Tx, caseNo: string, ids: readonly string[] | null, by: string): string[] {
  const q = coverageQuestion(tx, caseNo);
  if (!q) {
    if (!tx.get('cases', caseNo)) throw new RecipientError(t('recipients.coverage.noCase', { caseNo }));
    throw new RecipientError(t('recipients.coverage.notPartial', { caseNo }));
  }
  const chosen = ids ?? q.suggested;
  if (!chosen) throw new RecipientError(t('recipients.coverage.noDefault', { persons: q.persons }));
  const problems = coverageProblems(q, chosen);
  if (problems.length) throw new RecipientError(t('recipients.coverage.notSaved', { problems: problems.join(t('recipients.separator')) }));
  const order = q.members.map((m) => m.idNumber).filter((id) => chosen.includes(id));
  tx.update('cases', caseNo, (c) => void (c.coverage = { members: order, date: tx.now.date, by }));
  tx.update('enrolments', q.enrolmentId, (e) => void (e.covered = order));
  clearPending(tx, coveragePendingId(caseNo));
  return order;
}

/** The names of the members an enrolment covers, in its order. */
export function coveredNames(view: View, covered: readonly string[]): string[] {
  return covered.map((id) => view.get('members', id)?.name ?? id);
}

export interface CoverageSummary {
  /** fewer persons covered than the household has */
  partial: boolean;
  names: string[];
  /** the clerk has not chosen yet (a `coverage-unchosen` item is open) */
  unchosen: boolean;
}

/** Who a benefit covers, as the lists show it: null when it covers the whole household. */
export function coverageSummary(view: View, e: { householdId: string; covered: readonly string[]; persons: number; caseNo: string | null }): CoverageSummary | null {
  const size = membersOf(view, e.householdId).length;
  if (e.persons >= size) return null;
  const open = e.caseNo ? view.get('pending', coveragePendingId(e.caseNo)) : undefined;
  return { partial: true, names: coveredNames(view, e.covered), unchosen: !!open && !open.resolvedOn };
}

/** `保障成员：李梅、陈浩然（待选定）` for a single-person benefit; null when it covers the whole household. */
export function coverageText(view: View, e: { householdId: string; covered: readonly string[]; persons: number; caseNo: string | null }): string | null {
  const c = coverageSummary(view, e);
  if (!c) return null;
  return t('recipients.coverage.line', { names: c.names.join(t('recipients.coverage.nameSeparator')) }) + (c.unchosen ? t('recipients.coverage.unchosen') : '');
}
