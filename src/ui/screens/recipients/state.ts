// The recipients list's state: the cursor and whether ended benefits show.
// Pure; the view turns keys into actions with recipientsKey.
import type { Key } from 'ink';
import { firstSelectable, listKey, type ListRow } from '../../widgets.js';

export interface RecipientsState {
  /** -1: the first row */
  selected: number;
  /** ended (terminated) benefits shown too */
  all: boolean;
}

export type RecipientsAction = { type: 'select'; index: number } | { type: 'toggleAll' };

export const initialRecipientsState: RecipientsState = { selected: -1, all: false };

export function recipientsReducer(s: RecipientsState, a: RecipientsAction): RecipientsState {
  switch (a.type) {
    case 'select':
      return { ...s, selected: a.index };
    case 'toggleAll':
      return { all: !s.all, selected: -1 };
  }
}

/** The row the cursor is on: always a selectable one. */
export function cursorOf(selected: number, rows: readonly ListRow[]): number {
  return selected >= 0 && selected < rows.length && rows[selected]!.selectable !== false ? selected : firstSelectable(rows);
}

export type RecipientsOpen = 'archive' | 'review' | 'exit' | 'cancel' | 'cover';

/** What a key does on the list: an action, a screen to open for the chosen benefit, or nothing. */
export function recipientsKey(s: RecipientsState, rows: readonly ListRow[], height: number, input: string, key: Key): { action: RecipientsAction } | { open: RecipientsOpen } | null {
  const sel = cursorOf(s.selected, rows);
  const moved = listKey(rows, sel, height, input, key);
  if (moved !== null) return { action: { type: 'select', index: moved } };
  if (input === 'f') return { action: { type: 'toggleAll' } };
  if (!rows[sel]) return null;
  if (key.return) return { open: 'archive' };
  if (input === 'v') return { open: 'review' };
  if (input === 'e') return { open: 'exit' };
  if (input === 'x') return { open: 'cancel' };
  if (input === 'b') return { open: 'cover' };
  return null;
}
