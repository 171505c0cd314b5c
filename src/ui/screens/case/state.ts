// The case screen's state, as a reducer that knows nothing of Ink: the menu
// cursor, the history shown or not, and the open step form (its fields, the
// field being typed, what was typed); and what each key means (`d` records
// the refusal notice as delivered while it is owed).
import type { Key } from 'ink';
import type { Case } from '../../../office/model.js';
import type { DeepReadonly } from '../../../store/office.js';
import { REVIEW_RESULTS, type Step } from '../../../case/steps.js';
import { nextActions } from '../../../case/next.js';
import { refusalNoticeOwed } from '../../../case/refusalDelivery.js';
import type { Form } from '../../../print/forms.js';
import { cycle } from '../intake/rows.js';

/** A step of the way, the correction, or the refusal notice recorded as delivered. */
export type CaseForm = Step | 'correct' | 'deliver';
export type MenuItem = CaseForm | `print:${Form}`;
export type FieldName = 'date' | 'by' | 'result' | 'note' | 'materials';

/** The fields of each step's form, in the order the cursor walks them (the confirm row comes last). */
export const FIELDS: Record<CaseForm, readonly FieldName[]> = {
  accept: ['date', 'materials'],
  investigate: ['date', 'by', 'note'],
  review: ['result', 'date', 'by', 'note'],
  notice: ['date'],
  objection: ['date', 'note'],
  resolve: ['date', 'note'],
  submit: ['date'],
  withdraw: ['date', 'note'],
  correct: ['note', 'materials'],
  deliver: ['date', 'by', 'note'],
};

/** The menu: the steps the way allows now, the correction, the refusal notice delivered, the printable forms (src/case decides). */
export function menuOf(c: DeepReadonly<Case>): MenuItem[] {
  const next = nextActions(c);
  return [...next.steps, ...(next.correct ? (['correct'] as const) : []), ...(refusalNoticeOwed(c) ? (['deliver'] as const) : []), ...next.forms.map((f) => `print:${f}` as const)];
}

export interface CaseState {
  history: boolean;
  pick: number;
  form: CaseForm | null;
  field: number;
  values: Record<FieldName, string>;
}

const blank = (date: string): Record<FieldName, string> => ({ date, by: '', result: REVIEW_RESULTS[0], note: '', materials: '' });

export const initialCaseState: CaseState = { history: false, pick: 0, form: null, field: 0, values: blank('') };

export type CaseAction =
  | { type: 'history' }
  | { type: 'pick'; by: number; count: number }
  | { type: 'open'; form: CaseForm; today: string }
  | { type: 'close' }
  | { type: 'done' }
  | { type: 'field'; by: number }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'result'; dir: 1 | -1 };

export function caseReducer(s: CaseState, a: CaseAction): CaseState {
  const fields = s.form ? FIELDS[s.form] : [];
  const name = fields[s.field];
  switch (a.type) {
    case 'history':
      return { ...s, history: !s.history };
    case 'pick':
      return { ...s, pick: Math.max(0, Math.min(a.count - 1, s.pick + a.by)) };
    case 'open':
      return { ...s, form: a.form, field: 0, values: blank(a.today) };
    case 'close':
      return { ...s, form: null };
    case 'done':
      return { ...s, form: null, pick: 0 };
    case 'field':
      return { ...s, field: Math.max(0, Math.min(fields.length, s.field + a.by)) };
    case 'type':
      return name && name !== 'result' ? { ...s, values: { ...s.values, [name]: s.values[name] + a.text } } : s;
    case 'erase':
      return name && name !== 'result' ? { ...s, values: { ...s.values, [name]: [...s.values[name]].slice(0, -1).join('') } } : s;
    case 'result':
      return { ...s, values: { ...s.values, result: cycle(REVIEW_RESULTS, s.values.result, a.dir) } };
  }
}

export type CaseCommand = CaseAction | { type: 'run' } | { type: 'print'; form: Form } | { type: 'back' } | { type: 'ignore' };

/**
 * What a key means on the case screen; null leaves it to the shell (`?`
 * help, `/` search, `q` quit on the menu). In a form every typed key is the
 * form's, but `?`.
 */
export function caseKey(s: CaseState, input: string, key: Key, menu: readonly MenuItem[], today: string): CaseCommand | null {
  if (!s.form) {
    if (key.escape) return s.history ? { type: 'history' } : { type: 'back' };
    if (input === 'h') return { type: 'history' };
    if (input === 'd' && menu.includes('deliver')) return { type: 'open', form: 'deliver', today };
    if (key.upArrow) return { type: 'pick', by: -1, count: menu.length };
    if (key.downArrow) return { type: 'pick', by: 1, count: menu.length };
    if (key.return) {
      const item = menu[s.pick];
      if (!item) return { type: 'ignore' };
      return item.startsWith('print:') ? { type: 'print', form: item.slice(6) as Form } : { type: 'open', form: item as CaseForm, today };
    }
    return null;
  }
  if (key.escape) return { type: 'close' };
  if (key.ctrl && input === 's') return { type: 'run' };
  if (key.upArrow || (key.tab && key.shift)) return { type: 'field', by: -1 };
  if (key.downArrow || key.tab) return { type: 'field', by: 1 };
  if (input === '?') return null;
  const fields = FIELDS[s.form];
  if (s.field === fields.length) return key.return ? { type: 'run' } : { type: 'ignore' };
  if (fields[s.field] === 'result') {
    if (key.leftArrow || key.rightArrow || input === ' ') return { type: 'result', dir: key.leftArrow ? -1 : 1 };
    return key.return ? { type: 'field', by: 1 } : { type: 'ignore' };
  }
  if (key.return) return { type: 'field', by: 1 };
  if (key.backspace || key.delete) return { type: 'erase' };
  const text = input.replace(/[\r\n]/g, '');
  if (text && !key.ctrl && !key.meta) return { type: 'type', text };
  return { type: 'ignore' };
}
