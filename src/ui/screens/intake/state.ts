// The intake screen's state, as a reducer that knows nothing of Ink: which
// page (the drafts to resume, the form, the saved case), the form itself and
// the row the cursor is on, the problems of the last save; and what each key
// means. Which changes save the draft is said here too (`persists`).
import type { Key } from 'ink';
import type { IntakeForm } from '../../../case/intakeForm.js';
import type { IntakeDraft } from '../../../office/drafts.js';
import type { AddedCase, Problem } from '../../../case/intake.js';
import { cycle, move, rowsOf, type Row } from './rows.js';

export interface IntakeState {
  mode: 'resume' | 'form' | 'saved';
  drafts: readonly IntakeDraft[];
  /** the draft chosen on the resume page */
  pick: number;
  form: IntakeForm;
  /** the draft this form is saved as */
  draftId: string;
  /** the key of the row the cursor is on */
  cursor: string;
  problems: readonly Problem[];
  /** the line under the form: draft saved, save refused */
  status: string;
  saved: AddedCase | null;
}

export function initialIntakeState(drafts: readonly IntakeDraft[], form: IntakeForm, draftId: string): IntakeState {
  return { mode: drafts.length ? 'resume' : 'form', drafts, pick: 0, form, draftId, cursor: 'program', problems: [], status: '', saved: null };
}

export type IntakeAction =
  | { type: 'pick'; by: number }
  | { type: 'resume' }
  | { type: 'startForm' }
  | { type: 'fresh'; form: IntakeForm; draftId: string }
  | { type: 'drafts'; drafts: readonly IntakeDraft[] }
  | { type: 'move'; by: 1 | -1 | 10 | -10 }
  | { type: 'choose'; dir: 1 | -1 }
  | { type: 'tick' }
  | { type: 'rowAction' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'status'; text: string }
  | { type: 'refused'; problems: readonly Problem[]; status: string }
  | { type: 'saved'; added: AddedCase };

/** The row under the cursor (the first focusable one when the cursor's row is gone). */
export function currentRow(s: IntakeState): { rows: Row[]; index: number; row: Row } {
  const rows = rowsOf(s.form);
  const index = Math.max(0, rows.findIndex((r) => r.key === s.cursor));
  return { rows, index, row: rows[index]! };
}

function edit(s: IntakeState, fn: (d: IntakeForm) => void): IntakeForm {
  const next = structuredClone(s.form);
  fn(next);
  return next;
}

export function intakeReducer(s: IntakeState, a: IntakeAction): IntakeState {
  switch (a.type) {
    case 'pick':
      return { ...s, pick: Math.max(0, Math.min(s.drafts.length - 1, s.pick + a.by)) };
    case 'resume': {
      const d = s.drafts[s.pick];
      return d ? { ...s, mode: 'form', form: d.form, draftId: d.id, cursor: 'program' } : s;
    }
    case 'startForm':
      return { ...s, mode: 'form' };
    case 'fresh':
      return { ...s, mode: 'form', form: a.form, draftId: a.draftId, cursor: 'program', problems: [], status: '', saved: null };
    case 'drafts':
      return { ...s, drafts: a.drafts, pick: 0, mode: a.drafts.length || s.mode !== 'resume' ? s.mode : 'form' };
    case 'status':
      return { ...s, status: a.text };
    case 'refused':
      return { ...s, problems: a.problems, status: a.status };
    case 'saved':
      return { ...s, mode: 'saved', saved: a.added, problems: [] };
  }
  const { rows, index, row } = currentRow(s);
  switch (a.type) {
    case 'move': {
      let i = index;
      for (let n = 0; n < Math.abs(a.by); n++) i = move(rows, i, a.by > 0 ? 1 : -1);
      return { ...s, cursor: rows[i]!.key };
    }
    case 'choose':
      return row.kind === 'choice' ? { ...s, form: edit(s, (d) => row.set(d, cycle(row.options, row.value, a.dir))) } : s;
    case 'tick':
      return row.kind === 'tick' ? { ...s, form: edit(s, (d) => row.toggle(d)) } : s;
    case 'type':
      return row.kind === 'text' ? { ...s, form: edit(s, (d) => row.set(d, row.value + a.text)) } : s;
    case 'erase':
      return row.kind === 'text' ? { ...s, form: edit(s, (d) => row.set(d, [...row.value].slice(0, -1).join(''))) } : s;
    case 'rowAction': {
      if (row.kind !== 'action' || row.key === 'save') return s;
      const form = edit(s, (d) => void row.run(d));
      // land on what was just added: the new member's name, the new income's amount
      let cursor = row.key;
      if (row.key === 'addMember') cursor = `m${form.members.length - 1}-name`;
      else if (row.key.endsWith('-addinc')) {
        const i = Number(row.key.slice(1, row.key.indexOf('-')));
        cursor = `m${i}-inc${form.members[i]!.incomes.length - 1}-amt`;
      } else {
        const next = rowsOf(form);
        if (!next.some((r) => r.key === row.key)) cursor = next[Math.min(index, next.length - 1)]!.key;
      }
      return { ...s, form, cursor };
    }
  }
}

/** Changes after which the draft is saved: leaving a field, a choice, a tick, a member or income added. */
export function persists(a: IntakeAction): boolean {
  return a.type === 'move' || a.type === 'choose' || a.type === 'tick' || a.type === 'rowAction';
}

export type IntakeCommand = IntakeAction | { type: 'save' } | { type: 'open' } | { type: 'deleteDraft' } | { type: 'new' } | { type: 'leave' } | { type: 'back' } | { type: 'ignore' };

/** What a key means on the intake screen; null leaves it to the shell (`?`, and `/` `q` off the form). */
export function intakeKey(s: IntakeState, input: string, key: Key): IntakeCommand | null {
  if (s.mode === 'resume') {
    if (key.upArrow) return { type: 'pick', by: -1 };
    if (key.downArrow) return { type: 'pick', by: 1 };
    if (key.return) return { type: 'resume' };
    if (input === 'n') return { type: 'startForm' };
    if (input === 'd') return s.drafts[s.pick] ? { type: 'deleteDraft' } : { type: 'ignore' };
    if (key.escape) return { type: 'back' };
    return null;
  }
  if (s.mode === 'saved') {
    if (key.return) return { type: 'open' };
    if (input === 'n') return { type: 'new' };
    if (key.escape) return { type: 'back' };
    return null;
  }
  const { row } = currentRow(s);
  if (key.escape) return { type: 'leave' };
  if (key.ctrl && input === 's') return { type: 'save' };
  if (key.upArrow || (key.tab && key.shift)) return { type: 'move', by: -1 };
  if (key.downArrow || key.tab) return { type: 'move', by: 1 };
  if (key.pageDown || key.pageUp) return { type: 'move', by: key.pageUp ? -10 : 10 };
  if (input === '?') return null;
  if (row.kind === 'choice' && (key.leftArrow || key.rightArrow || input === ' ')) return { type: 'choose', dir: key.leftArrow ? -1 : 1 };
  if (row.kind === 'tick' && (input === ' ' || key.return)) return { type: 'tick' };
  if (row.kind === 'action' && key.return) return row.key === 'save' ? { type: 'save' } : { type: 'rowAction' };
  if (row.kind === 'text') {
    if (key.return) return { type: 'move', by: 1 };
    if (key.backspace || key.delete) return { type: 'erase' };
    const text = input.replace(/[\r\n]/g, '');
    if (text && !key.ctrl && !key.meta) return { type: 'type', text };
  }
  return { type: 'ignore' };
}
