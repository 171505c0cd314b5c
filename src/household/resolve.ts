// Which household a clerk means: a household id, any member's ID number
// (past members too) or a case number.
import type { View } from '../store/office.js';

/** Accepts a household id, an ID number of any member (past ones too) or a case number. */
export function resolveHousehold(view: View, key: string): string | null {
  const k = key.trim();
  if (view.get('households', k)) return k;
  const up = k.toUpperCase();
  const m = view.get('members', up);
  if (m) return m.householdId;
  const c = view.get('cases', k);
  if (c) return c.householdId;
  if (view.get('households', `h${up}`)) return `h${up}`;
  return null;
}
