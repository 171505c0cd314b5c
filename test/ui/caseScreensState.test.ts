// The case list's and the case screen's state and keys, without rendering.
import { describe, it, expect } from 'vitest';
import type { Key } from 'ink';
import { caseListKey, caseListReducer, initialCaseListState, programLabel, PROGRAM_CHOICES, caseListViews } from '../../src/ui/screens/caseList/state.js';
import { caseKey, caseReducer, initialCaseState, FIELDS, type CaseState, type MenuItem } from '../../src/ui/screens/case/state.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
} as Key;
const k = (patch: Partial<Key>): Key => ({ ...NO_KEY, ...patch });

describe('the case list state', () => {
  it('types a query, erases it, clears it with Esc, and Esc on an empty query goes back', () => {
    let s = initialCaseListState;
    for (const ch of 'hgy') s = caseListReducer(s, caseListKey(s, ch, NO_KEY, 0) as never);
    expect(s.query).toBe('hgy');
    s = caseListReducer(s, caseListKey(s, '', k({ backspace: true }), 0) as never);
    expect(s.query).toBe('hg');
    expect(caseListKey(s, '', k({ escape: true }), 0)).toEqual({ type: 'clear' });
    expect(caseListKey(initialCaseListState, '', k({ escape: true }), 0)).toEqual({ type: 'back' });
  });
  it('keeps the cursor within the list, and Tab and ←→ cycle the view and program back to the start', () => {
    let s = caseListReducer(initialCaseListState, { type: 'move', by: 1, count: 2 });
    s = caseListReducer(s, { type: 'move', by: 1, count: 2 });
    expect(s.cursor).toBe(1);
    expect(caseListReducer(initialCaseListState, { type: 'move', by: 1, count: 0 }).cursor).toBe(0);
    s = caseListReducer(s, caseListKey(s, '', k({ tab: true }), 2) as never);
    expect([s.view, s.cursor]).toEqual([1, 0]);
    s = caseListReducer(s, caseListKey(s, '', k({ tab: true, shift: true }), 2) as never);
    s = caseListReducer(s, caseListKey(s, '', k({ tab: true, shift: true }), 2) as never);
    expect(s.view).toBe(caseListViews().length - 1);
    s = caseListReducer(s, caseListKey(s, '', k({ leftArrow: true }), 2) as never);
    expect(s.program).toBe(PROGRAM_CHOICES.length - 1);
    expect(programLabel(0)).toBe('全部类别');
  });
  it('leaves ? and / to the shell, and names Enter and Ctrl+P', () => {
    expect(caseListKey(initialCaseListState, '?', NO_KEY, 3)).toBeNull();
    expect(caseListKey(initialCaseListState, '/', NO_KEY, 3)).toBeNull();
    expect(caseListKey(initialCaseListState, '\r', k({ return: true }), 3)).toEqual({ type: 'open' });
    expect(caseListKey(initialCaseListState, 'p', k({ ctrl: true }), 3)).toEqual({ type: 'printNotice' });
  });
});

describe('the case screen state', () => {
  const menu: MenuItem[] = ['review', 'withdraw', 'correct', 'print:receipt'];
  const apply = (s: CaseState, input: string, key: Key = NO_KEY) => {
    const c = caseKey(s, input, key, menu, '2026-11-06');
    return c && !['run', 'print', 'back', 'ignore'].includes(c.type) ? caseReducer(s, c as never) : s;
  };
  it('opens a step form from the menu with today’s date, and prints a form instead of opening one', () => {
    const s = apply(initialCaseState, '\r', k({ return: true }));
    expect(s.form).toBe('review');
    expect(s.values.date).toBe('2026-11-06');
    expect(s.values.result).toBe('通过');
    const last = caseReducer(initialCaseState, { type: 'pick', by: 9, count: menu.length });
    expect(caseKey(last, '\r', k({ return: true }), menu, '2026-11-06')).toEqual({ type: 'print', form: 'receipt' });
  });
  it('walks the fields, cycles the result, types into text fields only, and confirms on the last row', () => {
    let s = apply(initialCaseState, '\r', k({ return: true }));
    s = apply(s, ' ');
    expect(s.values.result).toBe('不通过');
    s = apply(s, '', k({ leftArrow: true }));
    expect(s.values.result).toBe('通过');
    s = apply(s, 'x'); // the result is chosen, not typed
    expect(s.values.result).toBe('通过');
    s = apply(s, '', k({ downArrow: true }));
    s = apply(s, '', k({ downArrow: true }));
    s = apply(s, '张伟,李华,陈红');
    expect(s.values.by).toBe('张伟,李华,陈红');
    for (let i = 0; i < 5; i++) s = apply(s, '', k({ downArrow: true }));
    expect(s.field).toBe(FIELDS.review.length);
    expect(caseKey(s, '\r', k({ return: true }), menu, '2026-11-06')).toEqual({ type: 'run' });
    expect(caseKey(s, 'q', NO_KEY, menu, '2026-11-06')).toEqual({ type: 'ignore' });
    expect(caseKey(s, '?', NO_KEY, menu, '2026-11-06')).toBeNull();
    expect(apply(s, '', k({ escape: true })).form).toBeNull();
  });
  it('toggles the history with h, closes it with Esc, and Esc on the menu goes back', () => {
    const h = apply(initialCaseState, 'h');
    expect(h.history).toBe(true);
    expect(apply(h, '', k({ escape: true })).history).toBe(false);
    expect(caseKey(initialCaseState, '', k({ escape: true }), menu, '2026-11-06')).toEqual({ type: 'back' });
    expect(caseKey(initialCaseState, '?', NO_KEY, menu, '2026-11-06')).toBeNull();
  });
});
