// The reducers of the search, archive, recipients, register and reconcile
// screens, and what each key does there, without rendering anything.
import { describe, it, expect } from 'vitest';
import type { Key } from 'ink';
import { initialSearchState, queryOf, searchKey, searchReducer } from '../../src/ui/screens/search/state.js';
import { archiveKey, archiveReducer, initialArchiveState, tabOf } from '../../src/ui/screens/archive/state.js';
import { cursorOf, initialRecipientsState, recipientsKey, recipientsReducer } from '../../src/ui/screens/recipients/state.js';
import { initialRegisterState, registerKey } from '../../src/ui/screens/cancellations/state.js';
import { initialReconcileState, reconcileKey, reconcileReducer } from '../../src/ui/screens/reconcile/state.js';
import type { Field, ListRow } from '../../src/ui/widgets.js';

const NO: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;
const k = (over: Partial<Key> = {}): Key => ({ ...NO, ...over });
const rows = (n: number): ListRow[] => Array.from({ length: n }, (_, i) => ({ key: `r${i}`, text: `row ${i}` }));
const QUERY: Field[] = [{ key: 'q', label: 'q', kind: 'text' }];
const NOTE: Field[] = [{ key: 'text', label: 'note', kind: 'text' }];

describe('the search screen state', () => {
  it('typing edits the query and puts the cursor back on the best hit; arrows choose; Enter opens the chosen hit', () => {
    let s = searchReducer(initialSearchState, { type: 'select', index: 2 });
    const typed = searchKey(s, QUERY, rows(3), 10, 'z', k());
    expect(typed).toMatchObject({ action: { type: 'edit' } });
    s = searchReducer(s, (typed as { action: Parameters<typeof searchReducer>[1] }).action);
    expect([queryOf(s), s.selected]).toEqual(['z', 0]);
    const down = searchKey(s, QUERY, rows(3), 10, '', k({ downArrow: true }));
    s = searchReducer(s, (down as { action: Parameters<typeof searchReducer>[1] }).action);
    expect(s.selected).toBe(1);
    expect(searchKey(s, QUERY, rows(3), 10, '\r', k({ return: true }))).toEqual({ open: 1 });
    // Esc is the shell's: back to where the search was opened from.
    expect(searchKey(s, QUERY, rows(3), 10, '', k({ escape: true }))).toBeNull();
    // ? is the help, not part of a query.
    expect(searchKey(s, QUERY, rows(3), 10, '?', k())).toBeNull();
  });
});

describe('the archive screen state', () => {
  it('arrows, Tab and 1-7 switch tabs (wrapping) and put the cursor on top', () => {
    let s = archiveReducer({ ...initialArchiveState, selected: 4 }, { type: 'tab', to: -1 });
    expect([tabOf(s), s.selected]).toEqual(['history', 0]);
    s = archiveReducer(s, { type: 'tab', to: s.tab + 1 });
    expect(tabOf(s)).toBe('members');
    expect(archiveKey(s, NOTE, rows(2), 10, '4', k())).toEqual({ action: { type: 'tab', to: 3 } });
    expect(archiveKey(s, NOTE, rows(2), 10, '', k({ rightArrow: true }))).toEqual({ action: { type: 'tab', to: 1 } });
  });

  it('n writes a note; while writing, keys go to the note, Enter saves it and Esc leaves it', () => {
    expect(archiveKey(initialArchiveState, NOTE, rows(2), 10, 'n', k())).toEqual({ writeNote: true });
    const writing = archiveReducer(initialArchiveState, { type: 'note', form: { values: { text: '已电话' }, focus: 0 } });
    // '1' is text now, not a tab
    expect(archiveKey(writing, NOTE, rows(2), 10, '1', k())).toEqual({ action: { type: 'note', form: { values: { text: '已电话1' }, focus: 0 } } });
    expect(archiveKey(writing, NOTE, rows(2), 10, '\r', k({ return: true }))).toMatchObject({ saveNote: '已电话' });
    expect(archiveKey(writing, NOTE, rows(2), 10, '', k({ escape: true }))).toEqual({ leaveNote: true });
  });

  it('Enter on a case line opens the case; v opens a review', () => {
    const caseRows: ListRow[] = [{ key: 'c430105003001-2026-0001', text: 'case' }];
    expect(archiveKey(initialArchiveState, NOTE, caseRows, 10, '\r', k({ return: true }))).toEqual({ openCase: '430105003001-2026-0001' });
    expect(archiveKey(initialArchiveState, NOTE, caseRows, 10, 'v', k())).toEqual({ review: true });
  });
});

describe('the recipients list state', () => {
  it('f shows the ended benefits too and starts from the top; Enter/v/e/x open the chosen benefit', () => {
    let s = recipientsReducer(initialRecipientsState, { type: 'select', index: 2 });
    s = recipientsReducer(s, { type: 'toggleAll' });
    expect(s).toEqual({ all: true, selected: -1 });
    expect(cursorOf(s.selected, rows(3))).toBe(0);
    expect(recipientsKey(s, rows(3), 10, 'f', k())).toEqual({ action: { type: 'toggleAll' } });
    expect(recipientsKey(s, rows(3), 10, '', k({ return: true }))).toEqual({ open: 'archive' });
    expect(['v', 'e', 'x'].map((i) => recipientsKey(s, rows(3), 10, i, k()))).toEqual([{ open: 'review' }, { open: 'exit' }, { open: 'cancel' }]);
    // Nothing to open on an empty list: the key goes on to the shell.
    expect(recipientsKey(s, [], 10, 'v', k())).toBeNull();
  });
});

describe('the cancellation register state', () => {
  it('Enter registers a stop still to enter, or opens the household of a registered one', () => {
    const registered = (i: number) => i === 0;
    expect(registerKey(initialRegisterState, rows(2), registered, 10, '', k({ return: true }))).toEqual({ open: 'archive' });
    expect(registerKey({ selected: 1 }, rows(2), registered, 10, '', k({ return: true }))).toEqual({ open: 'cancel' });
    expect(registerKey({ selected: 1 }, rows(2), registered, 10, 'h', k())).toEqual({ open: 'archive' });
  });
});

describe('the roster reconciliation state', () => {
  const NOTE_FIELD: Field[] = [{ key: 'note', label: 'note', kind: 'text' }];
  it('d asks for the note; Enter resolves with it, trimmed; Esc gives up', () => {
    const ask = reconcileKey(initialReconcileState, NOTE_FIELD, rows(1), 10, 'd', k());
    expect(ask).toEqual({ action: { type: 'resolving', form: { values: { note: '' }, focus: 0 } } });
    const s = reconcileReducer(initialReconcileState, { type: 'resolving', form: { values: { note: ' 已核对 ' }, focus: 0 } });
    expect(reconcileKey(s, NOTE_FIELD, rows(1), 10, '\r', k({ return: true }))).toEqual({ resolve: '已核对' });
    expect(reconcileKey(s, NOTE_FIELD, rows(1), 10, '', k({ escape: true }))).toEqual({ action: { type: 'resolving', form: null } });
  });
});
