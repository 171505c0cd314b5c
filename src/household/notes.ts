// Notes on a household's file: appended, never edited away.
import type { Tx } from '../store/office.js';
import { ArchiveError } from './errors.js';
import { t, tIn } from '../i18n/index.js';

/** Appends a note to the household's file. Notes are never edited or removed. */
export function addHouseholdNote(tx: Tx, householdId: string, text: string): void {
  const note = text.trim();
  if (!note) throw new ArchiveError(t('household.note.empty'));
  if (!tx.get('households', householdId)) throw new ArchiveError(t('household.note.noHousehold', { householdId }));
  tx.update('households', householdId, (h) => {
    h.notes = [...h.notes, { at: tx.now.iso, by: tx.meta.operator, text: note }];
  });
}

/** The journal's summary of a note (a record: always Chinese). */
export function noteSummary(text: string): string {
  return tIn('zh', 'household.journal.note', { text: text.slice(0, 40) });
}
