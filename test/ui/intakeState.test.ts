// The intake screen's state and keys, without rendering.
import { describe, it, expect } from 'vitest';
import type { Key } from 'ink';
import { emptyForm } from '../../src/case/intakeForm.js';
import { currentRow, initialIntakeState, intakeKey, intakeReducer, persists, type IntakeState } from '../../src/ui/screens/intake/state.js';
import type { IntakeDraft } from '../../src/office/drafts.js';

const NO_KEY = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
} as Key;
const k = (patch: Partial<Key>): Key => ({ ...NO_KEY, ...patch });

function press(s: IntakeState, input: string, key: Key = NO_KEY): IntakeState {
  const c = intakeKey(s, input, key);
  return c && !['save', 'open', 'deleteDraft', 'new', 'leave', 'back', 'ignore'].includes(c.type) ? intakeReducer(s, c as never) : s;
}

const fresh = () => initialIntakeState([], emptyForm('2026-11-02', '城市'), 'd1');

describe('the intake state', () => {
  it('starts on the form without drafts, and on the drafts page with some', () => {
    expect(fresh().mode).toBe('form');
    const draft: IntakeDraft = { id: 'd0', form: emptyForm('2026-11-01', '城市'), savedAt: '2026-11-01T10:00:00+08:00', operator: '王芳' } as IntakeDraft;
    const s = initialIntakeState([draft], emptyForm('2026-11-02', '城市'), 'd1');
    expect(s.mode).toBe('resume');
    const resumed = press(s, '\r', k({ return: true }));
    expect([resumed.mode, resumed.draftId, resumed.form.applicationDate]).toEqual(['form', 'd0', '2026-11-01']);
    expect(intakeKey(s, 'd', NO_KEY)).toEqual({ type: 'deleteDraft' });
    expect(intakeReducer(s, { type: 'drafts', drafts: [] }).mode).toBe('form');
  });

  it('walks the rows, cycles a choice, ticks a box and types into a text row', () => {
    let s = fresh();
    expect(currentRow(s).row.key).toBe('program');
    const before = s.form.program;
    s = press(s, ' ');
    expect(s.form.program).not.toBe(before);
    s = press(s, '', k({ leftArrow: true }));
    expect(s.form.program).toBe(before);
    s = press(s, '', k({ downArrow: true }));
    s = press(s, '', k({ downArrow: true }));
    s = press(s, '', k({ downArrow: true }));
    expect(currentRow(s).row.key).toBe('address');
    s = press(s, '东风路158号');
    s = press(s, '', k({ backspace: true }));
    expect(s.form.address).toBe('东风路158');
    expect(intakeKey(s, '?', NO_KEY)).toBeNull(); // the shell's help, even in a text row
    expect(intakeKey(s, '', k({ escape: true }))).toEqual({ type: 'leave' });
    expect(intakeKey(s, 's', k({ ctrl: true }))).toEqual({ type: 'save' });
  });

  it('adds a member and lands on the new name; only leaving a field, choices, ticks and added rows save the draft', () => {
    let s = fresh();
    while (currentRow(s).row.key !== 'addMember') s = press(s, '', k({ downArrow: true }));
    const cmd = intakeKey(s, '\r', k({ return: true }))!;
    expect(cmd).toEqual({ type: 'rowAction' });
    s = intakeReducer(s, cmd as never);
    expect(s.form.members).toHaveLength(2);
    expect(s.cursor).toBe('m1-name');
    expect(persists({ type: 'rowAction' })).toBe(true);
    expect(persists({ type: 'move', by: 1 })).toBe(true);
    expect(persists({ type: 'type', text: 'x' })).toBe(false);
  });

  it('after a save offers to open the case or take the next one', () => {
    const s = intakeReducer(fresh(), { type: 'saved', added: { caseNo: 'N1', status: 'accepted', missing: [], warnings: [] } as never });
    expect(s.mode).toBe('saved');
    expect(intakeKey(s, '\r', k({ return: true }))).toEqual({ type: 'open' });
    expect(intakeKey(s, 'n', NO_KEY)).toEqual({ type: 'new' });
    expect(intakeKey(s, 'q', NO_KEY)).toBeNull();
  });
});
