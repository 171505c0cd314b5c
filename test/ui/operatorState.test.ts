// The clerk prompt's state, without rendering: moving on the known names,
// typing a new one, and who then signs.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { chosenOperator, initialOperatorState, operatorReducer, type OperatorState } from '../../src/ui/screens/operator/state.js';
import type { Field } from '../../src/ui/widgets.js';

const key = (k: Partial<Key> = {}) => k as Key;
const FIELDS: Field[] = [{ key: 'name', label: 'name', kind: 'text' }];

describe('the clerk prompt', () => {
  it('moves within the names and picks the selected one', () => {
    const names = ['王芳', '李娜'];
    let s: OperatorState = initialOperatorState;
    s = operatorReducer(s, { type: 'move', by: 1, count: names.length });
    s = operatorReducer(s, { type: 'move', by: 1, count: names.length });
    expect(s.selected).toBe(1);
    expect(chosenOperator(s, names)).toBe('李娜');
    s = operatorReducer(s, { type: 'move', by: -5, count: names.length });
    expect(chosenOperator(s, names)).toBe('王芳');
  });

  it('a typed name wins over the selection; nothing at all is no one', () => {
    let s: OperatorState = initialOperatorState;
    for (const ch of ['张', '敏', ' ']) s = operatorReducer(s, { type: 'type', fields: FIELDS, input: ch, key: key() });
    expect(chosenOperator(s, ['王芳'])).toBe('张敏');
    s = operatorReducer(s, { type: 'type', fields: FIELDS, input: '', key: key({ backspace: true }) });
    expect(s.form.values.name).toBe('张敏');
    expect(chosenOperator(initialOperatorState, [])).toBeNull();
  });
});
