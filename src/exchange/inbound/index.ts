// The seven inbound kinds of spec/exchange.md, one file each; this is their
// list (in the spec's order), the union of their records, and the reading of
// a table of one kind into typed records or the Chinese reasons a row is rejected.
import { isOfficeCode } from '../../rules/officeCode.js';
import { isBlankCell, parseIdCell } from '../cells.js';
import type { CsvRow, CsvTable } from '../readCsv.js';
import { parseCaseNoCell, RowReader, type CellParser, type InboundKindDef } from './reader.js';
import { townshipReview, type TownshipReviewRecord } from './townshipReview.js';
import { countyDecision, type CountyDecisionRecord } from './countyDecision.js';
import { benefitChange, type BenefitChangeRecord } from './benefitChange.js';
import { standard, type StandardRecord } from './standard.js';
import { verification, type VerificationRecord } from './verification.js';
import { holidays, type HolidayRecord } from './holidays.js';
import { roster, type RosterRecord } from './roster.js';

export type { TownshipReviewRecord, CountyDecisionRecord, BenefitChangeRecord, StandardRecord, VerificationRecord, HolidayRecord, RosterRecord };

export type InboundRecord =
  | TownshipReviewRecord
  | CountyDecisionRecord
  | BenefitChangeRecord
  | StandardRecord
  | VerificationRecord
  | HolidayRecord
  | RosterRecord;

export type InboundKind = InboundRecord['kind'];
export type RecordOf<K extends InboundKind> = Extract<InboundRecord, { kind: K }>;

export interface KindSpec {
  /** The name the upper levels give the file, as the receipt and the clerk say it. */
  title: string;
  required: readonly string[];
  optional: readonly string[];
}

const INBOUND: { [K in InboundKind]: InboundKindDef<RecordOf<K>> } = {
  'township-review': townshipReview,
  'county-decision': countyDecision,
  'benefit-change': benefitChange,
  standard,
  verification,
  holidays,
  roster,
};

export const KIND_SPECS: Record<InboundKind, KindSpec> = INBOUND;

export type RowOutcome<R> =
  | { ok: true; row: number; record: R }
  | { ok: false; row: number; reason: string; caseNo?: string; idNumber?: string };

/** The case number and ID number of a rejected row: normalised when valid, else as written. */
function receiptKeys(kind: InboundKind, cells: Readonly<Record<string, string>>): { caseNo?: string; idNumber?: string } {
  const columns = INBOUND[kind].receipt;
  const keys: { caseNo?: string; idNumber?: string } = {};
  const pick = (column: string, parse: CellParser<string>): string | undefined => {
    const raw = cells[column];
    if (raw === undefined || isBlankCell(raw)) return undefined;
    const r = parse(raw);
    return r.ok ? r.value : raw.trim();
  };
  const caseNo = columns.caseNo === undefined ? undefined : pick(columns.caseNo, parseCaseNoCell);
  const idNumber = columns.idNumber === undefined ? undefined : pick(columns.idNumber, parseIdCell);
  if (caseNo !== undefined) keys.caseNo = caseNo;
  if (idNumber !== undefined) keys.idNumber = idNumber;
  return keys;
}

/**
 * One data row of a table of `kind` as a typed record or a rejection with
 * all its reasons (`列名：原因`, joined by `；`). `officeCode` is this
 * community's 12-digit code, against which 发送单位代码 is checked.
 */
export function parseRow<K extends InboundKind>(kind: K, row: CsvRow, officeCode: string): RowOutcome<RecordOf<K>> {
  const reader = new RowReader(row.cells, officeCode);
  const fields = (INBOUND[kind] as InboundKindDef<RecordOf<K>>).parse(reader);
  if (fields && reader.reasons.length === 0) {
    return { ok: true, row: row.rowNumber, record: { kind, ...fields } as RecordOf<K> };
  }
  return { ok: false, row: row.rowNumber, reason: reader.reasons.join('；'), ...receiptKeys(kind, row.cells) };
}

function checkOfficeCode(officeCode: string): void {
  if (!isOfficeCode(officeCode)) throw new Error(`parseRows: office code must be 12 digits, got ${JSON.stringify(officeCode)}`);
}

/** Every row of `rows` parsed as it comes (see `parseRow`). */
export function* streamRows<K extends InboundKind>(kind: K, rows: Iterable<CsvRow>, officeCode: string): Generator<RowOutcome<RecordOf<K>>> {
  checkOfficeCode(officeCode);
  for (const row of rows) yield parseRow(kind, row, officeCode);
}

/** Every data row of a table of `kind` (see `parseRow`). */
export function parseRows<K extends InboundKind>(kind: K, table: CsvTable, officeCode: string): RowOutcome<RecordOf<K>>[] {
  checkOfficeCode(officeCode);
  return table.rows.map((row) => parseRow(kind, row, officeCode));
}
