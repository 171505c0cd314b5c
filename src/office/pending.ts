// What waits for the clerk (待处理): kept decisions, roster mismatches,
// attendance and review recommendations. Items are never deleted; the clerk
// resolves them, which stamps `resolvedOn`.
import type { PendingItem } from './model.js';
import type { Tx, View } from '../store/office.js';
import { word } from '../i18n/index.js';
import { compareText } from '../rules/order.js';

/**
 * Adds or refreshes one item. `id` is stable per subject (e.g.
 * `roster-unlisted:<householdId>`), so raising the same thing twice keeps one
 * item and its first `since`.
 */
export function raisePending(tx: Tx, item: Omit<PendingItem, 'since'> & { since?: string }): void {
  const cur = tx.get('pending', item.id);
  const since = cur && !cur.resolvedOn ? cur.since : (item.since ?? tx.now.date);
  const next: PendingItem = { ...item, since };
  delete next.resolvedOn;
  if (cur && !cur.resolvedOn && JSON.stringify({ ...cur }) === JSON.stringify(next)) return;
  tx.put('pending', item.id, next);
}

/** Withdraws an item whose cause went away (e.g. a later roster lists the household). */
export function clearPending(tx: Tx, id: string): void {
  const cur = tx.get('pending', id);
  if (cur && !cur.resolvedOn) tx.update('pending', id, (p) => void (p.resolvedOn = tx.now.date));
}

/** Open items, oldest first. */
export function openPending(view: View): PendingItem[] {
  return (view.all('pending') as PendingItem[]).filter((p) => !p.resolvedOn).sort((a, b) => compareText(a.since, b.since) || compareText(a.id, b.id));
}

/** An item as `pending list --json` (cli.md) shows it. */
export function pendingRow(p: PendingItem) {
  return {
    kind: p.kind,
    caseNo: p.caseNo,
    householderId: p.householderId,
    householderName: p.householderName,
    reason: p.reason,
    since: p.since,
    source: p.source,
  };
}

/** Each kind as the clerk reads it, in the process's language (the word table `pendingKind`); an unknown kind shows as written. */
export function pendingKindWord(kind: string): string {
  return word('pendingKind', kind);
}
