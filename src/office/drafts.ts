// Drafts (草稿) of forms the clerk is filling in, saved as they go so that a
// power cut or Ctrl-C loses at most the field being typed. One transaction
// per save: the journal makes a save durable before the call returns.
import type { Tx, View } from '../store/office.js';
import type { IntakeForm } from '../case/intakeForm.js';

export interface IntakeDraft {
  id: string;
  kind: 'intake';
  operator: string;
  createdAt: string;
  savedAt: string;
  form: IntakeForm;
}

export function saveIntakeDraft(tx: Tx, id: string, form: IntakeForm): void {
  const cur = tx.get('drafts', id) as unknown as IntakeDraft | undefined;
  const rec: IntakeDraft = { id, kind: 'intake', operator: tx.meta.operator, createdAt: cur?.createdAt ?? tx.now.iso, savedAt: tx.now.iso, form: structuredClone(form) };
  tx.put('drafts', id, rec as unknown as Record<string, unknown>);
}

export function deleteDraft(tx: Tx, id: string): void {
  if (tx.get('drafts', id)) tx.delete('drafts', id);
}

/** Unfinished intake drafts, newest first. */
export function intakeDrafts(view: View): IntakeDraft[] {
  return (view.all('drafts') as unknown as IntakeDraft[]).filter((d) => d.kind === 'intake').sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function newDraftId(nowMs: number): string {
  return `intake-${nowMs.toString(36)}`;
}
