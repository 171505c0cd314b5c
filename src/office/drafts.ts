// Drafts (草稿) of forms the clerk is filling in, kept in the `drafts`
// collection so that Esc, Ctrl-C or a power cut loses at most the field being
// typed, and the form comes back as it was when it opens again. One shape for
// every form; one transaction per save (the journal makes it durable before
// the call returns).
import type { Tx, View } from '../store/office.js';
import type { IntakeForm } from '../case/intakeForm.js';

/** A draft as stored: what the form held (`data`), its kind, who saved it and when. */
export interface Draft<T = unknown> {
  id: string;
  /** The form: 'intake', 'review', 'exit', 'cancel', 'note'… */
  kind: string;
  data: T;
  /** The clerk who saved it last. */
  by: string;
  createdAt: string;
  savedAt: string;
}

/**
 * A stored record as a draft. Two older shapes are read too: the forms'
 * `{ id, kind, data, at, by }` and the intake's
 * `{ id, kind: 'intake', operator, createdAt, savedAt, form }`.
 */
export function asDraft(rec: Record<string, unknown> | undefined): Draft | null {
  if (!rec || typeof rec.id !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const savedAt = str(rec.savedAt) || str(rec.at);
  return {
    id: rec.id,
    kind: str(rec.kind),
    data: 'data' in rec ? rec.data : rec.form,
    by: str(rec.by) || str(rec.operator),
    createdAt: str(rec.createdAt) || savedAt,
    savedAt,
  };
}

export function readDraft(view: View, id: string): Draft | null {
  return asDraft(view.get('drafts', id) as Record<string, unknown> | undefined);
}

/** Saves what a form holds, signed by the transaction's operator; the first save's time stays `createdAt`. */
export function saveDraft(tx: Tx, id: string, kind: string, data: unknown): void {
  const cur = asDraft(tx.get('drafts', id) as Record<string, unknown> | undefined);
  const rec: Draft = { id, kind, data: structuredClone(data), by: tx.meta.operator, createdAt: cur?.createdAt || tx.now.iso, savedAt: tx.now.iso };
  tx.put('drafts', id, rec as unknown as Record<string, unknown>);
}

export function deleteDraft(tx: Tx, id: string): void {
  if (tx.get('drafts', id)) tx.delete('drafts', id);
}

/** The drafts of one kind of form, newest first. */
export function draftsOf(view: View, kind: string): Draft[] {
  return (view.all('drafts') as Record<string, unknown>[])
    .map(asDraft)
    .filter((d): d is Draft => d !== null && d.kind === kind)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** A simple form's values (text fields by key) from its draft, or null when there is none. */
export function formDraft(view: View, id: string): Record<string, string> | null {
  const d = readDraft(view, id);
  return d && d.data && typeof d.data === 'object' ? { ...(d.data as Record<string, string>) } : null;
}

// ---------------------------------------------------------------- intake

/** An unfinished intake, as the intake screen lists it. */
export interface IntakeDraft {
  id: string;
  kind: 'intake';
  operator: string;
  createdAt: string;
  savedAt: string;
  form: IntakeForm;
}

export function saveIntakeDraft(tx: Tx, id: string, form: IntakeForm): void {
  saveDraft(tx, id, 'intake', form);
}

/** Unfinished intake drafts, newest first. */
export function intakeDrafts(view: View): IntakeDraft[] {
  return draftsOf(view, 'intake').map((d) => ({ id: d.id, kind: 'intake', operator: d.by, createdAt: d.createdAt, savedAt: d.savedAt, form: d.data as IntakeForm }));
}

export function newDraftId(nowMs: number): string {
  return `intake-${nowMs.toString(36)}`;
}
