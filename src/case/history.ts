// A case's history: the office's own steps and the township's and county's
// results, in time order.
import type { Case, CaseEvent } from '../office/model.js';
import { inboundEvents, type DecisionRecord } from '../sync/decisions.js';
import type { DeepReadonly, View } from '../store/office.js';

/**
 * The whole history of a case: what this office did (kept in the case) and
 * the township's and county's results (kept as decisions, see
 * sync/merge.ts), in time order.
 */
export function caseHistory(view: View, c: DeepReadonly<Case>): CaseEvent[] {
  const subject = `case:${c.caseNo}`;
  const decisions = (view.all('decisions') as unknown as DecisionRecord[]).filter((d) => d.subjects.includes(subject));
  const all = [...(c.history as CaseEvent[]), ...inboundEvents(decisions)].map((e, i) => ({ e, i }));
  all.sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
  return all.map((x) => x.e);
}
