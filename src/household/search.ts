// The one household search, for the app's search box (/), `household search`
// and `case list --find`: by name, pinyin initials (zs finds 张三; initials are
// stored on each member, so pinyin-pro is not loaded here), ID number or a
// part of it, case number, address. Full-width digits, letters and X (typed
// with a Chinese input method) count as their ASCII selves. Former members
// (moved out) still find their household, marked as former.
import type { View } from '../store/office.js';
import { t } from '../i18n/index.js';

export type MatchKind = 'member' | 'idNumber' | 'case' | 'address';

export interface SearchHit {
  householdId: string;
  householderName: string;
  address: string;
  /** what matched, for the clerk: 成员 李小红 / 原成员 李小红 身份证号 / 申请 430105003001-2026-0007 / 住址 */
  matched: string;
  /** what matched, for programs */
  kind: MatchKind;
  /** the match was a member who has left the household */
  former: boolean;
  /** lower is better */
  rank: number;
}

/** The query as the search reads it: NFKC (full-width → ASCII), trimmed. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').trim();
}

interface Best {
  rank: number;
  kind: MatchKind;
  former: boolean;
  matched: string;
}

/**
 * Households matching a query, best first. Latin letters match initials from
 * the start (zs → 张三, 张淑…); digits (and X) match anywhere in an ID number
 * or case number (at least 4 of them); other text matches names and addresses
 * (addresses from two characters). `limit` 0 means all.
 */
export function searchHouseholds(view: View, query: string, limit = 50): SearchHit[] {
  const q = normaliseQuery(query);
  if (!q) return [];
  const best = new Map<string, Best>();
  const offer = (householdId: string, b: Best) => {
    const cur = best.get(householdId);
    if (!cur || b.rank < cur.rank) best.set(householdId, b);
  };
  const letters = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null;
  const digits = /^[0-9xX-]{4,}$/.test(q) ? q.toUpperCase() : null;
  for (const m of view.all('members')) {
    const former = Boolean(m.leftOn);
    // The words are looked up only for a member who matched.
    const who = () => (former ? t('household.search.formerMember', { name: m.name }) : t('household.search.member', { name: m.name }));
    const name = (rank: number) => offer(m.householdId, { rank, kind: 'member', former, matched: who() });
    if (m.name === q) name(0);
    else if (m.name.startsWith(q)) name(1);
    else if (m.name.includes(q)) name(2);
    else if (letters && m.initials.startsWith(letters)) name(m.initials === letters ? 1 : 3);
    else if (digits && m.idNumber.includes(digits)) {
      offer(m.householdId, { rank: m.idNumber === digits ? 0 : 4, kind: 'idNumber', former, matched: t('household.search.idNumber', { who: who() }) });
    }
  }
  if (digits) {
    for (const c of view.all('cases')) {
      if (c.caseNo.includes(digits)) offer(c.householdId, { rank: c.caseNo === digits ? 0 : 5, kind: 'case', former: false, matched: t('household.search.case', { caseNo: c.caseNo }) });
    }
  }
  if (!letters && !digits && [...q].length >= 2) {
    for (const h of view.all('households')) if (h.address.includes(q)) offer(h.id, { rank: 6, kind: 'address', former: false, matched: t('household.search.address') });
  }
  const hits: SearchHit[] = [];
  for (const [householdId, b] of best) {
    const h = view.get('households', householdId);
    if (!h) continue;
    const householderName = view.get('members', h.householderId)?.name ?? '';
    hits.push({ householdId, householderName, address: h.address, ...b });
  }
  hits.sort((a, b) => a.rank - b.rank || a.householderName.localeCompare(b.householderName, 'zh-CN') || a.householdId.localeCompare(b.householdId));
  return limit > 0 ? hits.slice(0, limit) : hits;
}
