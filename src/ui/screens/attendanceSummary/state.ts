// The monthly summary screen's state, as a reducer that knows nothing of Ink:
// which month, the cursor, whether only the flagged are shown, and the
// question before closing the month.

export interface SummaryState {
  /** `YYYY-MM`. */
  month: string;
  cursor: number;
  /** Only the people with a warning or a recommendation. */
  onlyFlagged: boolean;
  /** Asking "close this month?" (y closes, any other key does not). */
  confirming: boolean;
}

export type SummaryAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'month'; month: string }
  | { type: 'toggleFlagged' }
  | { type: 'confirm' }
  | { type: 'answered' };

export function initialSummaryState(month: string): SummaryState {
  return { month, cursor: 0, onlyFlagged: false, confirming: false };
}

export function summaryReducer(s: SummaryState, a: SummaryAction): SummaryState {
  switch (a.type) {
    case 'move':
      return { ...s, cursor: Math.max(0, Math.min(Math.max(0, a.count - 1), s.cursor + a.by)) };
    case 'month':
      return { ...s, month: a.month, cursor: 0, confirming: false };
    case 'toggleFlagged':
      return { ...s, onlyFlagged: !s.onlyFlagged, cursor: 0 };
    case 'confirm':
      return { ...s, confirming: true };
    case 'answered':
      return { ...s, confirming: false };
  }
}
