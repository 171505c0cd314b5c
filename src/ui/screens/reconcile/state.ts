// The roster reconciliation list's state: the cursor and the resolution note
// being typed. Pure; the view turns keys into actions with reconcileKey.
import type { Key } from 'ink';
import { formKey, listKey, type Field, type FormState, type ListRow } from '../../widgets.js';
import { cursorOf } from '../recipients/state.js';

export interface ReconcileState {
  selected: number;
  /** the resolution note, while one is being written */
  resolving: FormState | null;
}

export type ReconcileAction = { type: 'select'; index: number } | { type: 'resolving'; form: FormState | null };

export const initialReconcileState: ReconcileState = { selected: -1, resolving: null };

export function reconcileReducer(s: ReconcileState, a: ReconcileAction): ReconcileState {
  switch (a.type) {
    case 'select':
      return { ...s, selected: a.index };
    case 'resolving':
      return { ...s, resolving: a.form };
  }
}

export function reconcileKey(s: ReconcileState, noteFields: readonly Field[], rows: readonly ListRow[], height: number, input: string, key: Key): { action: ReconcileAction } | { resolve: string } | { open: 'archive' } | null {
  if (s.resolving) {
    if (key.escape) return { action: { type: 'resolving', form: null } };
    const ev = formKey(noteFields, s.resolving, input, key);
    if (ev.submit) return { resolve: (ev.state.values.note ?? '').trim() };
    return { action: { type: 'resolving', form: ev.state } };
  }
  const sel = cursorOf(s.selected, rows);
  const moved = listKey(rows, sel, height, input, key);
  if (moved !== null) return { action: { type: 'select', index: moved } };
  if (!rows[sel]) return null;
  if (key.return) return { open: 'archive' };
  if (input === 'd') return { action: { type: 'resolving', form: { values: { note: '' }, focus: 0 } } };
  return null;
}
