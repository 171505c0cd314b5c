// The roster reconciliation list (名单核对): where the county's roster and the
// community's records differ, and resolving such an item.
import type { PendingItem } from '../office/model.js';
import type { Tx, View } from '../store/office.js';
import { clearPending, openPending } from '../office/pending.js';
import { RecipientError } from './errors.js';
import { t, tIn } from '../i18n/index.js';

export const ROSTER_KINDS: ReadonlySet<PendingItem['kind']> = new Set(['roster-differs', 'roster-unlisted']);

/** The roster reconciliation list (名单核对): open roster mismatches, oldest first. */
export function rosterReconciliation(view: View): PendingItem[] {
  return openPending(view).filter((p) => ROSTER_KINDS.has(p.kind));
}

/** What resolving a pending item must record: how it was resolved (the note goes to the journal). */
export function resolutionProblems(note: string): string[] {
  return note.trim() ? [] : [t('recipients.problem.resolutionNote')];
}

/** The clerk has looked into an item: it is stamped resolved, never deleted; the note goes to the journal. */
export function resolvePendingItem(tx: Tx, id: string, note: string): void {
  const problems = resolutionProblems(note);
  if (problems.length) throw new RecipientError(problems.join(t('recipients.separator')));
  const cur = tx.get('pending', id);
  if (!cur) throw new RecipientError(t('recipients.pending.notFound', { id }));
  if (cur.resolvedOn) throw new RecipientError(t('recipients.pending.alreadyResolved', { date: cur.resolvedOn }));
  clearPending(tx, id);
}

/** The journal's summary of a resolution, with its note (a record: always Chinese). */
export function resolveSummary(id: string, note: string): string {
  return tIn('zh', 'recipients.pending.summary', { id, note: note.trim() });
}
