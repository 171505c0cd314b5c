// The roster reconciliation list (名单核对): where the county's roster and the
// community's records differ, and resolving such an item.
import type { PendingItem } from '../office/model.js';
import type { Tx, View } from '../store/office.js';
import { clearPending, openPending } from '../office/pending.js';
import { RecipientError } from './errors.js';

export const ROSTER_KINDS: ReadonlySet<PendingItem['kind']> = new Set(['roster-differs', 'roster-unlisted']);

/** The roster reconciliation list (名单核对): open roster mismatches, oldest first. */
export function rosterReconciliation(view: View): PendingItem[] {
  return openPending(view).filter((p) => ROSTER_KINDS.has(p.kind));
}

/** What resolving a pending item must record: how it was resolved (the note goes to the journal). */
export function resolutionProblems(note: string): string[] {
  return note.trim() ? [] : ['处理情况：请写明如何处理的'];
}

/** The clerk has looked into an item: it is stamped resolved, never deleted; the note goes to the journal. */
export function resolvePendingItem(tx: Tx, id: string, note: string): void {
  const problems = resolutionProblems(note);
  if (problems.length) throw new RecipientError(problems.join('；'));
  const cur = tx.get('pending', id);
  if (!cur) throw new RecipientError(`没有编号为「${id}」的待处理事项`);
  if (cur.resolvedOn) throw new RecipientError(`这项待处理事项已在 ${cur.resolvedOn} 处理过`);
  clearPending(tx, id);
}
