// The settings screen's reducer, without rendering.
import { describe, it, expect } from 'vitest';
import { editText, initialSettingsState, settingsReducer, type SettingsAction } from '../../src/ui/screens/settings/state.js';

const run = (...actions: SettingsAction[]) => actions.reduce(settingsReducer, initialSettingsState);

describe('settings screen state', () => {
  it('moves within the list, and not while a value is being typed', () => {
    expect(run({ type: 'move', by: 1, count: 3 }, { type: 'move', by: 5, count: 3 }).sel).toBe(2);
    expect(run({ type: 'move', by: -1, count: 3 }).sel).toBe(0);
    expect(run({ type: 'edit', text: '15' }, { type: 'move', by: 1, count: 3 }).sel).toBe(0);
  });

  it('types, erases, keeps a refusal until the next try, and leaves edit on save or cancel', () => {
    const typed = run({ type: 'edit', text: '15' }, { type: 'erase' }, { type: 'erase' }, { type: 'type', input: '99\n' });
    expect(typed.editing).toBe('99');
    const refused = settingsReducer(typed, { type: 'refused', error: '应为 1 到 60 之间的整数' });
    expect(refused).toMatchObject({ editing: '99', error: '应为 1 到 60 之间的整数' });
    expect(settingsReducer(refused, { type: 'saved' })).toMatchObject({ editing: null, error: null });
    expect(settingsReducer(refused, { type: 'cancel' })).toMatchObject({ editing: null, error: null });
    expect(run({ type: 'type', input: 'x' }).editing).toBeNull();
  });

  it('shows a value as it is typed back', () => {
    expect(editText([1, 3, 5], '是', '否')).toBe('1,3,5');
    expect(editText(true, '是', '否')).toBe('是');
    expect(editText(1.5, '是', '否')).toBe('1.5');
  });
});
