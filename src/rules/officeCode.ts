// 12-digit statistical division codes (统计用区划代码) and their ancestry:
// 2 province, 2 city, 2 county, 3 township, 3 community.

export function isOfficeCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

export function townshipOf(community: string): string {
  return community.slice(0, 9);
}

export function countyOf(community: string): string {
  return community.slice(0, 6);
}

/** An upper office (6-digit county or 9-digit township) is an ancestor when its code is a prefix. */
export function isAncestor(upper: string, community: string): boolean {
  return (upper.length === 6 || upper.length === 9) && /^\d+$/.test(upper) && community.startsWith(upper);
}

export function senderLevel(code: string): 'county' | 'township' | null {
  if (/^\d{6}$/.test(code)) return 'county';
  if (/^\d{9}$/.test(code)) return 'township';
  return null;
}

export const CASE_NO_RE = /^(\d{12})-(\d{4})-(\d{4})$/;

export function formatCaseNo(office: string, year: number, seq: number): string {
  return `${office}-${year}-${String(seq).padStart(4, '0')}`;
}
