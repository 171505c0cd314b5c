// What a refusal is: the county's 不予批准, or the township's 不同意 while no
// county decision came after it. Only a refused case has a refusal notice.
import type { Case } from '../office/model.js';
import type { DeepReadonly } from '../store/office.js';

export interface Refusal {
  by: 'county' | 'township';
  date: string;
  reason: string;
}

export function refusalOf(c: DeepReadonly<Case>): Refusal | null {
  const d = c.decision;
  const t = c.township;
  if (d?.result === '不予批准') return { by: 'county', date: d.date, reason: d.reason ?? '' };
  if (t?.result === '不同意' && !d) return { by: 'township', date: t.date, reason: t.note };
  return null;
}

/** The township agreed (同意), to be sent on to the county. A case or its document. */
export function townshipAgreed(c: { readonly township?: { readonly result: string } | null }): boolean {
  return c.township?.result === '同意';
}

/** The county approved (批准). A case or its document. */
export function countyApproved(c: { readonly decision?: { readonly result: string } | null }): boolean {
  return c.decision?.result === '批准';
}
