// Finding a household in the case list (kept apart from search.ts so reading
// commands do not load pinyin-pro: the initials were computed when written).
import type { View } from '../store/office.js';

/**
 * Households with a current member matching `query`: a part of the name, the
 * pinyin initials from the start (`zs` finds 张三), or a part of the ID number
 * (four digits or more, or the whole number).
 */
export function householdsMatching(view: View, query: string): Set<string> {
  const q = query.normalize('NFKC').trim();
  const lower = q.toLowerCase();
  const out = new Set<string>();
  if (!q) return out;
  const asId = /^[\dXx]{4,18}$/.test(q) ? q.toUpperCase() : null;
  const asInitials = /^[a-z]+$/.test(lower) ? lower : null;
  for (const m of view.all('members')) {
    if (m.leftOn) continue;
    if (m.name.includes(q) || (asInitials && m.initials.startsWith(asInitials)) || (asId && m.idNumber.includes(asId))) out.add(m.householdId);
  }
  return out;
}
