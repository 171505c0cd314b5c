// Merging one inbound file's rows into the stores (spec/exchange.md "Merge
// rules"). Every dated decision is kept as a record; a case's results and a
// household's enrolment are *folded* from all the decisions about them in
// the order of their dates (caseFold.ts, enrolmentFold.ts), so the final
// state does not depend on the order in which the files arrive. Each kind's
// rows are applied by its own file. The caller runs this inside one
// transaction together with the record that the file was processed.
import type { Tx } from '../../store/office.js';
import type { DecisionRecord } from '../decisions.js';
import type { InboundKind, InboundRecord, RosterRecord, RowOutcome } from '../../exchange/inbound/index.js';
import { MergeContext, type Applier, type RowResult } from './context.js';
import type { FileRef, ReceiptResult, ReceiptRow } from './types.js';
import { mergeReasons } from './reasons.js';
import { applyCaseDecision } from './caseDecision.js';
import { applyBenefitChange } from './benefitChange.js';
import { applyVerification } from './verification.js';
import { applyStandard } from './standard.js';
import { applyHoliday } from './holidays.js';
import { applyRoster } from './roster.js';

export type { FileRef, ReceiptResult, ReceiptRow } from './types.js';
export type { RosterBase, LocalBase } from './enrolmentFold.js';
export { mergeReasons } from './reasons.js';

/** The row-by-row kinds and what applies each (the roster is merged household by household). */
const APPLIERS: { [K in Exclude<InboundRecord['kind'], 'roster'>]: Applier<Extract<InboundRecord, { kind: K }>> } = {
  'township-review': applyCaseDecision,
  'county-decision': applyCaseDecision,
  'benefit-change': applyBenefitChange,
  verification: applyVerification,
  standard: applyStandard,
  holidays: applyHoliday,
};

/**
 * Whether a decision is outranked (exchange.md merge rule 2): a county
 * decision by a later one about the same case, a benefit change by a later
 * one about the same household and program, and a township review by any
 * later decision about the same case, the county's included: the latest
 * decision is current and a tie goes to the county, so a township result
 * that is not newer than the county's decision is 已过时 (it stays in the
 * case's record of the township's review all the same).
 */
export function isStale(decisions: readonly DecisionRecord[], dec: DecisionRecord): boolean {
  const rivals = dec.kind === 'county-decision' ? decisions.filter((d) => d.kind === 'county-decision') : decisions;
  return rivals.at(-1)?.id !== dec.id;
}

function subjectOf(dec: DecisionRecord): string {
  return dec.kind === 'benefit-change' ? dec.subjects[0]! : `case:${(dec.record as { caseNo: string }).caseNo}`;
}

export interface MergeResult {
  rows: ReceiptRow[];
  counts: { applied: number; unchanged: number; stale: number; rejected: number; pending: number };
}

const COUNT_KEY: Record<ReceiptResult, keyof MergeResult['counts'] | null> = {
  已应用: 'applied',
  未变化: 'unchanged',
  已过时: 'stale',
  拒绝: 'rejected',
  待处理: 'pending',
  提示: null,
};

/**
 * Merges the parsed rows of one file of `kind` into `tx`, each as it comes
 * from `outcomes` (a file is never held as rows). Returns the receipt's rows
 * (without the header-row note). With `strict`, a file with any rejected row
 * changes nothing and every row is 拒绝.
 */
export function mergeRows(
  tx: Tx,
  kind: InboundKind,
  outcomes: Iterable<RowOutcome<InboundRecord>>,
  file: FileRef,
  officeCode: string,
  strict = false,
): MergeResult {
  const ctx = new MergeContext(tx, file, officeCode);
  // In file order: the row's keys and its result (the roster's come once its households are merged).
  const entries: { row: number; caseNo: string; idNumber: string; r: RowResult | null }[] = [];
  const roster: { row: number; record: RosterRecord }[] = [];
  for (const o of outcomes) {
    const keys = o.ok ? keysOf(o.record) : { caseNo: o.caseNo ?? '', idNumber: o.idNumber ?? '' };
    let r: RowResult | null;
    if (!o.ok) r = { result: '拒绝', reason: o.reason };
    else if (o.record.kind === 'roster') {
      if (kind !== 'roster') throw new Error('a roster row outside a roster file');
      roster.push({ row: o.row, record: o.record });
      r = null;
    } else {
      const apply = APPLIERS[o.record.kind] as Applier<InboundRecord> | undefined;
      if (!apply) throw new Error(`unexpected record kind ${(o.record as { kind: string }).kind}`);
      r = apply(ctx, o.row, o.record);
    }
    entries.push({ row: o.row, ...keys, r });
  }
  if (roster.length) {
    const results = new Map<number, RowResult>();
    applyRoster(ctx, roster, results);
    for (const e of entries) if (e.r === null) e.r = results.get(e.row)!;
  }

  // A later row may outrank an earlier one: checked once the whole file is merged.
  for (const e of entries) {
    const r = e.r!;
    if (r.dec && (r.result === '已应用' || r.result === '未变化') && isStale(ctx.decisionsOf(subjectOf(r.dec)), r.dec)) e.r = { result: '已过时', reason: mergeReasons.stale };
  }

  if (strict && entries.some((e) => e.r!.result === '拒绝')) {
    tx.pending.clear();
    for (const e of entries) if (e.r!.result !== '拒绝') e.r = { result: '拒绝', reason: mergeReasons.strict };
  }

  const counts: MergeResult['counts'] = { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 };
  const rows: ReceiptRow[] = entries.map(({ row, caseNo, idNumber, r }) => {
    const key = COUNT_KEY[r!.result];
    if (key) counts[key]++;
    return { row, result: r!.result, reason: r!.reason, caseNo, idNumber };
  });
  return { rows, counts };
}

function keysOf(r: InboundRecord): { caseNo: string; idNumber: string } {
  switch (r.kind) {
    case 'township-review':
    case 'county-decision':
    case 'verification':
      return { caseNo: r.caseNo, idNumber: r.idNumber };
    case 'benefit-change':
      return { caseNo: '', idNumber: r.idNumber };
    case 'roster':
      return { caseNo: '', idNumber: r.memberId };
    default:
      return { caseNo: '', idNumber: '' };
  }
}

