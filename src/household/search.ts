// Finding a household from the app's search box or `household search`: by
// name, pinyin initials (zs finds 张三; initials are stored on each member, so
// pinyin-pro is not loaded here), ID number or part of it, case number, address.
import type { View } from '../store/office.js';
import { householderOf } from '../case/household.js';

export interface SearchHit {
  householdId: string;
  householderName: string;
  address: string;
  /** what matched, for the clerk: 成员 李小红 / 身份证号 / 申请 430105003001-2026-0007 */
  matched: string;
  /** lower is better */
  rank: number;
}

/**
 * Households matching a query, best first. Latin letters match initials from
 * the start (zs → 张三, 张淑…); digits match anywhere in an ID number or case
 * number (at least 4 of them); other text matches names and addresses.
 */
export function searchHouseholds(view: View, query: string, limit = 50): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const best = new Map<string, { rank: number; matched: string }>();
  const offer = (householdId: string, rank: number, matched: string) => {
    const cur = best.get(householdId);
    if (!cur || rank < cur.rank) best.set(householdId, { rank, matched });
  };
  const letters = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null;
  const digits = /^[0-9xX-]{4,}$/.test(q) ? q.toUpperCase() : null;
  for (const m of view.all('members')) {
    const who = m.leftOn ? `原成员 ${m.name}` : `成员 ${m.name}`;
    if (m.name === q) offer(m.householdId, 0, who);
    else if (m.name.startsWith(q)) offer(m.householdId, 1, who);
    else if (m.name.includes(q)) offer(m.householdId, 2, who);
    else if (letters && m.initials.startsWith(letters)) offer(m.householdId, m.initials === letters ? 1 : 3, who);
    else if (digits && m.idNumber.includes(digits)) offer(m.householdId, m.idNumber === digits ? 0 : 4, `${who} 身份证号`);
  }
  if (digits) for (const c of view.all('cases')) if (c.caseNo.includes(digits)) offer(c.householdId, c.caseNo === digits ? 0 : 5, `申请 ${c.caseNo}`);
  if (!letters && !digits && [...q].length >= 2) for (const h of view.all('households')) if (h.address.includes(q)) offer(h.id, 6, '住址');
  const hits: SearchHit[] = [];
  for (const [householdId, b] of best) {
    const h = view.get('households', householdId);
    if (!h) continue;
    hits.push({ householdId, householderName: householderOf(view, householdId).name, address: h.address, matched: b.matched, rank: b.rank });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.householderName.localeCompare(b.householderName, 'zh-CN') || a.householdId.localeCompare(b.householdId))
    .slice(0, limit);
}
