// The receipts screen's state: the list cursor, and the receipt (or the
// preview of an inbox file) open on top of it with its own scroll. Pure; the
// view turns keys into actions with receiptsKey and loads what Enter opens.
import type { Key } from 'ink';
import { listKey, type ListRow } from '../../widgets.js';
import { cursorOf } from '../recipients/state.js';
import type { ReceiptRow } from '../../../sync/merge/index.js';

export interface ReceiptDetail {
  title: string;
  /** null: the receipt could not be read */
  rows: ReceiptRow[] | null;
  /** an inbox file's preview: nothing was applied */
  preview: boolean;
}

export interface ReceiptsState {
  selected: number;
  detail: ReceiptDetail | null;
  /** first receipt row shown */
  top: number;
}

export type ReceiptsAction = { type: 'select'; index: number } | { type: 'show'; detail: ReceiptDetail } | { type: 'close' } | { type: 'scroll'; by: number; height: number };

export const initialReceiptsState: ReceiptsState = { selected: -1, detail: null, top: 0 };

export function receiptsReducer(s: ReceiptsState, a: ReceiptsAction): ReceiptsState {
  switch (a.type) {
    case 'select':
      return { ...s, selected: a.index };
    case 'show':
      return { ...s, detail: a.detail, top: 0 };
    case 'close':
      return { ...s, detail: null, top: 0 };
    case 'scroll': {
      const n = s.detail?.rows?.length ?? 0;
      return { ...s, top: Math.max(0, Math.min(Math.max(0, n - a.height), s.top + a.by)) };
    }
  }
}

/** What a key does: move, open the row under the cursor, or, with a receipt open, scroll it and close it. */
export function receiptsKey(s: ReceiptsState, rows: readonly ListRow[], height: number, input: string, key: Key): { action: ReceiptsAction } | { open: number } | null {
  if (s.detail) {
    if (key.escape || input === 'q' || key.leftArrow || key.return) return { action: { type: 'close' } };
    if (key.upArrow || input === 'k') return { action: { type: 'scroll', by: -1, height } };
    if (key.downArrow || input === 'j') return { action: { type: 'scroll', by: 1, height } };
    if (key.pageUp) return { action: { type: 'scroll', by: -Math.max(1, height - 1), height } };
    if (key.pageDown || input === ' ') return { action: { type: 'scroll', by: Math.max(1, height - 1), height } };
    return null;
  }
  const sel = cursorOf(s.selected, rows);
  const moved = listKey(rows, sel, height, input, key);
  if (moved !== null) return { action: { type: 'select', index: moved } };
  if (key.return && rows[sel] && rows[sel]!.selectable !== false) return { open: sel };
  return null;
}
