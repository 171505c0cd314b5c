// The case fold: a case's results and status from all decisions about it.
import type { Case, CaseStatus } from '../../office/model.js';
import type { DeepReadonly } from '../../store/office.js';
import { COUNTY_STATUS, TOWNSHIP_STATUS, type DecisionRecord } from '../decisions.js';
import type { CountyDecisionRecord, TownshipReviewRecord } from '../../exchange/inbound/index.js';

export type CaseState = Pick<Case, 'status' | 'township' | 'decision'>;

/** The case's results and status from all decisions about it, in rank order. */
export function foldCase(c: DeepReadonly<Case>, decs: readonly DecisionRecord[]): CaseState {
  const lastT = decs.filter((d) => d.kind === 'township-review').at(-1);
  const lastC = decs.filter((d) => d.kind === 'county-decision').at(-1);

  let status: CaseStatus = c.status;
  const latest = decs.at(-1);
  if (latest && !(c.submittedOn && latest.when.slice(0, 10) < c.submittedOn)) {
    const r = latest.record as TownshipReviewRecord | CountyDecisionRecord;
    status = r.kind === 'township-review' ? TOWNSHIP_STATUS[r.result].status : COUNTY_STATUS[r.result].status;
  }
  const lt = lastT?.record as TownshipReviewRecord | undefined;
  const lc = lastC?.record as CountyDecisionRecord | undefined;
  return {
    status,
    township: lt ? { result: lt.result, date: lt.date, note: lt.note, ...(lt.by ? { by: lt.by } : {}) } : null,
    decision: lc
      ? {
          result: lc.result,
          date: lc.date,
          program: lc.program,
          persons: lc.persons,
          monthlyAmountFen: lc.monthlyAmountFen,
          category: lc.category,
          startMonth: lc.startMonth,
          ...(lc.reason ? { reason: lc.reason } : {}),
          ...(lc.by ? { by: lc.by } : {}),
        }
      : null,
  };
}
