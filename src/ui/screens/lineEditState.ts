// A list with a one-line editor under it (the settings screen, the end of an
// exemption): the cursor, the text being typed for the selected row, and why
// the last try was refused. Pure, so it is tested without Ink.
export interface LineEditState {
  sel: number;
  /** The text being typed for the selected row, or null when only browsing. */
  editing: string | null;
  /** Why the last value was refused, shown under the field. */
  error: string | null;
}

export const initialLineEditState: LineEditState = { sel: 0, editing: null, error: null };

export type LineEditAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'edit'; text: string }
  | { type: 'type'; input: string }
  | { type: 'erase' }
  | { type: 'cancel' }
  | { type: 'refused'; error: string }
  | { type: 'saved' };

export function lineEditReducer(s: LineEditState, a: LineEditAction): LineEditState {
  switch (a.type) {
    case 'move':
      if (s.editing !== null) return s;
      return { ...s, sel: Math.max(0, Math.min(a.count - 1, s.sel + a.by)), error: null };
    case 'edit':
      return { ...s, editing: a.text, error: null };
    case 'type':
      return s.editing === null ? s : { ...s, editing: s.editing + a.input.replace(/[\r\n]/g, '') };
    case 'erase':
      return s.editing === null ? s : { ...s, editing: [...s.editing].slice(0, -1).join('') };
    case 'cancel':
      return { ...s, editing: null, error: null };
    case 'refused':
      return { ...s, error: a.error };
    case 'saved':
      return { ...s, editing: null, error: null };
  }
}

/** The keys of a one-line editor, as reducer actions; null when the key is not the editor's. */
export function lineEditKey(input: string, key: { escape?: boolean; backspace?: boolean; delete?: boolean; ctrl?: boolean; meta?: boolean; tab?: boolean; upArrow?: boolean; downArrow?: boolean; return?: boolean }): LineEditAction | 'submit' | null {
  if (key.escape) return { type: 'cancel' };
  if (key.return) return 'submit';
  if (key.backspace || key.delete) return { type: 'erase' };
  if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) return { type: 'type', input };
  return null;
}

/**
 * The keys of a list with a one-line editor that both screens share: while
 * typing, the editor's keys (Enter hands the text to `submit`); otherwise ↑↓
 * move. Returns whether the key was used.
 */
export function listEditKey(
  input: string,
  key: Parameters<typeof lineEditKey>[1] & { upArrow?: boolean; downArrow?: boolean },
  now: LineEditState,
  count: number,
  dispatch: (a: LineEditAction) => void,
  submit: (text: string) => void,
): boolean {
  if (now.editing !== null) {
    const a = lineEditKey(input, key);
    if (a === 'submit') submit(now.editing);
    else if (a) dispatch(a);
    return true;
  }
  if (key.upArrow || key.downArrow) {
    dispatch({ type: 'move', by: key.upArrow ? -1 : 1, count });
    return true;
  }
  return false;
}
