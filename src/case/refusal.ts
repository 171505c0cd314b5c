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
