// The cancellation register's state: the cursor. Pure; the view turns keys
// into actions with registerKey.
import type { Key } from 'ink';
import { listKey, type ListRow } from '../../widgets.js';
import { cursorOf } from '../recipients/state.js';

export interface RegisterState {
  selected: number;
}

export type RegisterAction = { type: 'select'; index: number };

export const initialRegisterState: RegisterState = { selected: -1 };

export function registerReducer(s: RegisterState, a: RegisterAction): RegisterState {
  return a.type === 'select' ? { selected: a.index } : s;
}

/**
 * What a key does: Enter registers a stop the county made (or opens the
 * household when it is registered already), h opens the household.
 */
export function registerKey(s: RegisterState, rows: readonly ListRow[], registered: (index: number) => boolean, height: number, input: string, key: Key): { action: RegisterAction } | { open: 'archive' | 'cancel' } | null {
  const sel = cursorOf(s.selected, rows);
  const moved = listKey(rows, sel, height, input, key);
  if (moved !== null) return { action: { type: 'select', index: moved } };
  if (!rows[sel]) return null;
  if (key.return) return { open: registered(sel) ? 'archive' : 'cancel' };
  if (input === 'h') return { open: 'archive' };
  return null;
}
