// Notes on a household's file: appended, never edited away.
import type { Tx } from '../store/office.js';
import { ArchiveError } from './errors.js';

/** Appends a note to the household's file. Notes are never edited or removed. */
export function addHouseholdNote(tx: Tx, householdId: string, text: string): void {
  const t = text.trim();
  if (!t) throw new ArchiveError('备注没有保存：内容是空的');
  if (!tx.get('households', householdId)) throw new ArchiveError(`备注没有保存：没有这一户「${householdId}」`);
  tx.update('households', householdId, (h) => {
    h.notes = [...h.notes, { at: tx.now.iso, by: tx.meta.operator, text: t }];
  });
}
