// The search screen's state: the query box and the chosen hit. Pure; the
// view turns keys into actions with searchKey and dispatches them.
import type { Key } from 'ink';
import { formKey, listKey, type Field, type FormState, type ListRow } from '../../widgets.js';

export interface SearchState {
  form: FormState;
  selected: number;
}

export type SearchAction = { type: 'edit'; form: FormState } | { type: 'select'; index: number };

export const initialSearchState: SearchState = { form: { values: { q: '' }, focus: 0 }, selected: 0 };

export function searchReducer(s: SearchState, a: SearchAction): SearchState {
  switch (a.type) {
    case 'edit':
      // A new query is a new list: the cursor goes back to the best hit.
      return { form: a.form, selected: 0 };
    case 'select':
      return { ...s, selected: a.index };
  }
}

export const queryOf = (s: SearchState): string => s.form.values.q ?? '';

/** What a key does: an action, opening the chosen hit, or nothing (the shell's keys get it). */
export type SearchKey = { action: SearchAction } | { open: number } | null;

export function searchKey(s: SearchState, fields: readonly Field[], rows: readonly ListRow[], height: number, input: string, key: Key): SearchKey {
  // Esc goes back and ? is the help: no name, ID number or address holds a ?.
  if (key.escape || input === '?') return null;
  const sel = Math.min(s.selected, Math.max(0, rows.length - 1));
  if (key.return) return { open: sel };
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    const moved = listKey(rows, sel, height, input, key);
    if (moved !== null) return { action: { type: 'select', index: moved } };
  }
  const ev = formKey(fields, s.form, input, key);
  return ev.used ? { action: { type: 'edit', form: ev.state } } : null;
}
