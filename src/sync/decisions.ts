// The township's and county's decisions as they are kept (the `decisions`
// collection), their order, and the case-history events they make. Small and
// free of heavy imports: `case show` and the dashboard read it.
import type { CaseEvent, CaseStatus } from '../office/model.js';
import type { BenefitChangeRecord, CountyDecisionRecord, TownshipReviewRecord } from '../exchange/inbound/index.js';
import { tIn } from '../i18n/index.js';

export type DatedRecord = TownshipReviewRecord | CountyDecisionRecord | BenefitChangeRecord;

/** One dated decision as kept in the `decisions` collection. */
export interface DecisionRecord {
  /** Hash of the decision's content: the same decision in two files is one record. */
  id: string;
  kind: DatedRecord['kind'];
  /** `case:<caseNo>` and/or `hp:<householdId>:<program>` — what the decision is about. */
  subjects: string[];
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`. */
  when: string;
  /** 2 = county, 1 = township. */
  level: number;
  /** The file and row that first brought it (a copy in another file changes nothing). */
  sha256: string;
  row: number;
  receivedAt: string;
  record: DatedRecord;
}

export const TOWNSHIP_STATUS: Record<TownshipReviewRecord['result'], { status: CaseStatus; event: string }> = {
  同意: { status: 'township-approved', event: 'township-approved' },
  退回: { status: 'returned', event: 'returned' },
  不同意: { status: 'rejected', event: 'township-rejected' },
};
export const COUNTY_STATUS: Record<CountyDecisionRecord['result'], { status: CaseStatus; event: string }> = {
  批准: { status: 'approved', event: 'approved' },
  不予批准: { status: 'rejected', event: 'rejected' },
};

/** Orders decisions: date (and time), then county over township, then SHA-256, then row. */
export function compareDecisions(a: DecisionRecord, b: DecisionRecord): number {
  if (a.when !== b.when) return a.when < b.when ? -1 : 1;
  if (a.level !== b.level) return a.level - b.level;
  if (a.sha256 !== b.sha256) return a.sha256 < b.sha256 ? -1 : 1;
  return a.row - b.row;
}

/** The event a decision puts in the case's history (see `inboundEvents`). */
export function decisionEvent(d: DecisionRecord): CaseEvent {
  const r = d.record as TownshipReviewRecord | CountyDecisionRecord;
  const ev = r.kind === 'township-review' ? TOWNSHIP_STATUS[r.result].event : COUNTY_STATUS[r.result].event;
  const note = r.kind === 'township-review' ? r.note : r.reason;
  const e: CaseEvent = { at: d.receivedAt, event: ev, by: r.by || r.name || (d.level === 2 ? tIn('zh', 'sync.record.byCounty') : tIn('zh', 'sync.record.byTownship')), source: `file:${d.sha256}`, date: r.date };
  if (note) e.note = note;
  return e;
}

/**
 * A case's decisions from inbound files as history events, in rank order,
 * those that are not current (outranked by a later one of their kind) marked
 * stale. They are derived from the kept decisions when read, not copied into
 * the case, so a 100,000-row county file does not rewrite every history.
 */
export function inboundEvents(decisions: readonly DecisionRecord[]): CaseEvent[] {
  const sorted = [...decisions].sort(compareDecisions);
  const current = new Set([sorted.filter((d) => d.kind === 'township-review').at(-1)?.id, sorted.filter((d) => d.kind === 'county-decision').at(-1)?.id]);
  return sorted.map((d) => {
    const e = decisionEvent(d);
    if (!current.has(d.id)) e.stale = true;
    return e;
  });
}
