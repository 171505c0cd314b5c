// The clerk prompt's state: the cursor on the known names and the new name
// being typed. Pure, so it is tested without Ink.
import type { Key } from 'ink';
import { formKey, type Field, type FormState } from '../../widgets.js';

export interface OperatorState {
  selected: number;
  form: FormState;
}

export const initialOperatorState: OperatorState = { selected: 0, form: { values: { name: '' }, focus: 0 } };

export type OperatorAction = { type: 'move'; by: number; count: number } | { type: 'type'; fields: readonly Field[]; input: string; key: Key };

export function operatorReducer(s: OperatorState, a: OperatorAction): OperatorState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.by)) };
    case 'type':
      return { ...s, form: formKey(a.fields, s.form, a.input, a.key).state };
  }
}

/** Who will sign: a typed name wins over the one selected in the list; null when there is neither. */
export function chosenOperator(s: OperatorState, names: readonly string[]): string | null {
  const typed = (s.form.values.name ?? '').trim();
  return typed || names[s.selected] || null;
}
