// The coverage form's state (单人保: who the benefit covers): the cursor and
// the members ticked. Pure; the view turns keys into actions with coverKey.
import type { Key } from 'ink';
import type { CoverageQuestion } from '../../../recipients/coverage.js';

export interface CoverState {
  selected: number;
  /** ID numbers ticked; null until the clerk changes one (the question's current coverage shows) */
  ticked: string[] | null;
}

export type CoverAction = { type: 'select'; index: number } | { type: 'toggle'; id: string; from: readonly string[] };

export const initialCoverState: CoverState = { selected: 0, ticked: null };

export function coverReducer(s: CoverState, a: CoverAction): CoverState {
  switch (a.type) {
    case 'select':
      return { ...s, selected: a.index };
    case 'toggle': {
      const cur = s.ticked ?? [...a.from];
      return { ...s, ticked: cur.includes(a.id) ? cur.filter((x) => x !== a.id) : [...cur, a.id] };
    }
  }
}

/** Who is ticked: the clerk's ticks, else those the benefit covers now (the 原因 default until chosen). */
export function tickedOf(s: CoverState, q: CoverageQuestion): string[] {
  return s.ticked ?? q.members.filter((m) => m.covered).map((m) => m.idNumber);
}

/** What a key does: move, tick or untick (Space), save (Enter). */
export function coverKey(s: CoverState, q: CoverageQuestion, input: string, key: Key): { action: CoverAction } | { save: string[] } | null {
  const n = q.members.length;
  if (key.upArrow || input === 'k') return { action: { type: 'select', index: Math.max(0, s.selected - 1) } };
  if (key.downArrow || input === 'j') return { action: { type: 'select', index: Math.min(n - 1, s.selected + 1) } };
  if (input === ' ') {
    const m = q.members[s.selected];
    return m ? { action: { type: 'toggle', id: m.idNumber, from: tickedOf(s, q) } } : null;
  }
  if (key.return) return { save: tickedOf(s, q) };
  return null;
}
