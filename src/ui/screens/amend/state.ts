// The amendment screen's state (更正签到): which session of the closed month,
// the new mark chosen with 1–4 as on the marking screen, and the reason being
// typed. Pure, so it is tested without Ink; the rule is amendMark.
import type { MarkStatus } from '../../../attendance/types.js';
import { MARK_STATUSES } from '../../../attendance/types.js';

export interface AmendState {
  sel: number;
  /** The new mark, once chosen; then the reason is typed. */
  status: MarkStatus | null;
  reason: string;
  error: string | null;
}

export const initialAmendState: AmendState = { sel: 0, status: null, reason: '', error: null };

export type AmendAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'choose'; status: MarkStatus }
  | { type: 'type'; input: string }
  | { type: 'erase' }
  | { type: 'cancel' }
  | { type: 'refused'; error: string }
  | { type: 'saved' };

/** The mark a digit key stands for, as on the marking screen: 1 present, 2 late, 3 excused, 4 absent. */
export function statusOfKey(input: string): MarkStatus | null {
  const i = Number(input);
  return Number.isInteger(i) && i >= 1 && i <= MARK_STATUSES.length && input.length === 1 ? MARK_STATUSES[i - 1]! : null;
}

export function amendReducer(s: AmendState, a: AmendAction): AmendState {
  switch (a.type) {
    case 'move':
      return s.status ? s : { ...s, sel: Math.max(0, Math.min(a.count - 1, s.sel + a.by)), error: null };
    case 'choose':
      return { ...s, status: a.status, reason: '', error: null };
    case 'type':
      return s.status ? { ...s, reason: s.reason + a.input.replace(/[\r\n]/g, '') } : s;
    case 'erase':
      return s.status ? { ...s, reason: [...s.reason].slice(0, -1).join('') } : s;
    case 'cancel':
      return { ...s, status: null, reason: '', error: null };
    case 'refused':
      return { ...s, error: a.error };
    case 'saved':
      return { ...s, status: null, reason: '', error: null };
  }
}
