// The reducers of the labour month-end screens, without rendering.
import { describe, it, expect } from 'vitest';
import type { Key } from 'ink';
import { amendReducer, initialAmendState, statusOfKey, type AmendAction } from '../../src/ui/screens/amend/state.js';
import { exemptionFormReducer, exemptionInputOf, initialExemptionForm } from '../../src/ui/screens/exemptionForm/state.js';
import { lineEditKey } from '../../src/ui/screens/lineEditState.js';
import type { Field } from '../../src/ui/widgets.js';

const key = (k: Partial<Key> = {}): Key => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, ...k }) as Key;

describe('the amendment screen state', () => {
  const run = (...a: AmendAction[]) => a.reduce(amendReducer, initialAmendState);
  it('chooses a session, then a new mark with 1–4, then types the reason; Esc goes back to choosing', () => {
    expect(statusOfKey('1')).toBe('present');
    expect(statusOfKey('3')).toBe('excused');
    expect(statusOfKey('5')).toBeNull();
    expect(statusOfKey('12')).toBeNull();
    const s = run({ type: 'move', by: 2, count: 10 }, { type: 'choose', status: 'excused' }, { type: 'move', by: 1, count: 10 }, { type: 'type', input: '病假条' }, { type: 'erase' });
    expect(s).toMatchObject({ sel: 2, status: 'excused', reason: '病假' });
    expect(amendReducer(amendReducer(s, { type: 'refused', error: 'x' }), { type: 'cancel' })).toEqual({ ...initialAmendState, sel: 2 });
    expect(run({ type: 'type', input: 'x' }).reason).toBe('');
  });
});

describe('the exemption form state', () => {
  const fields: Field[] = [
    { key: 'idNumber', label: 'p', kind: 'choice', choices: [['a', 'A'], ['b', 'B']] },
    { key: 'kind', label: 'k', kind: 'choice', choices: [['残疾', '残疾'], ['重病', '重病']] },
    { key: 'from', label: 'f', kind: 'text' },
    { key: 'to', label: 't', kind: 'text' },
    { key: 'reason', label: 'r', kind: 'text' },
  ];
  it('starts on the kind when the person is chosen already, and gives addExemption what it holds', () => {
    let s = initialExemptionForm({ idNumber: 'b', kind: '残疾', from: '2026-10-31' });
    expect(s.form.focus).toBe(1);
    s = exemptionFormReducer(s, { type: 'type', fields, input: '', key: key({ rightArrow: true }) });
    s = exemptionFormReducer(s, { type: 'type', fields, input: '', key: key({ downArrow: true }) });
    s = exemptionFormReducer(s, { type: 'type', fields, input: '', key: key({ downArrow: true }) });
    s = exemptionFormReducer(s, { type: 'type', fields, input: '2026-12-31', key: key() });
    expect(exemptionInputOf(s)).toEqual({ idNumber: 'b', kind: '重病', from: '2026-10-31', to: '2026-12-31' });
    s = exemptionFormReducer(s, { type: 'refused', error: 'bad' });
    expect(s.error).toBe('bad');
    expect(exemptionFormReducer(s, { type: 'type', fields, input: '', key: key({ upArrow: true }) }).error).toBeNull();
    expect(initialExemptionForm({ idNumber: '', kind: '残疾', from: '2026-10-31' }).form.focus).toBe(0);
  });
});

describe('the one-line editor keys', () => {
  it('maps Esc, Enter, Backspace and typing', () => {
    expect(lineEditKey('', key({ escape: true }))).toEqual({ type: 'cancel' });
    expect(lineEditKey('', key({ return: true }))).toBe('submit');
    expect(lineEditKey('', key({ backspace: true }))).toEqual({ type: 'erase' });
    expect(lineEditKey('7', key())).toEqual({ type: 'type', input: '7' });
    expect(lineEditKey('', key({ upArrow: true }))).toBeNull();
  });
});
