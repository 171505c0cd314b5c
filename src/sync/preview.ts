// `sync preview FILE`: the receipt a file would get if it arrived now, row by
// row, with nothing applied, kept or written. The rows are merged into a
// transaction that is never committed: no lock is taken, no journal line,
// no kept copy, no receipt, no files record.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sha256Hex } from '../store/journal.js';
import { Tx, View, type Office } from '../store/office.js';
import { readCsvTable } from '../exchange/readCsv.js';
import { parseRows, type InboundKind } from '../exchange/inbound/index.js';
import { detectKind } from '../exchange/inbound/detect.js';
import { mergeReasons, mergeRows, type MergeResult, type ReceiptRow } from './merge/index.js';
import { settingsOf } from '../office/context.js';
import { outcomeOf, SYNC_OPERATOR, type FileOutcome, type FileRecord } from './report.js';
import { tIn } from '../i18n/index.js';

export interface Preview {
  name: string;
  sha256: string;
  kind: InboundKind | null;
  outcome: FileOutcome;
  rows: ReceiptRow[];
  counts: MergeResult['counts'];
}

/** The committed records behind a view, for a transaction that is only looked at. */
class Committed extends View {
  static of(v: View): ConstructorParameters<typeof View>[0] {
    return (v as Committed).data;
  }
}

const NONE = { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 };

/** What `buf` (named `name`) would do if it arrived now; writes nothing. */
export function previewBytes(office: Office, buf: Buffer, name: string, strict = false): Preview {
  const sha256 = sha256Hex(buf);
  const known = office.view.get('files', sha256) as FileRecord | undefined;
  if (known) {
    const reason = tIn('zh', 'sync.receipt.duplicate', { first: known.names[0]!, date: known.processedAt.slice(0, 10) });
    return { name, sha256, kind: known.kind, outcome: 'duplicate', rows: [{ row: 0, result: '未变化', reason, caseNo: '', idNumber: '' }], counts: { ...NONE } };
  }
  const table = readCsvTable(buf);
  const detected = table.ok ? detectKind(table.headers) : table;
  if (!table.ok || !detected.ok) {
    return { name, sha256, kind: null, outcome: 'rejected', rows: [{ row: 0, result: '拒绝', reason: detected.ok ? '' : detected.reason, caseNo: '', idNumber: '' }], counts: { ...NONE } };
  }
  const officeCode = settingsOf(office.view).office.code;
  const tx = new Tx(Committed.of(office.view), { operator: SYNC_OPERATOR, source: `file:${sha256}`, action: 'sync.preview' }, office.now());
  const merged = mergeRows(tx, detected.kind, parseRows(detected.kind, table, officeCode), { sha256, name }, officeCode, strict);
  const ignored = [...detected.unknownColumns, ...table.duplicateHeaders.map((h) => tIn('zh', 'sync.receipt.duplicateColumn', { column: h }))];
  const notes: ReceiptRow[] = ignored.length ? [{ row: table.headerRowNumber, result: '提示', reason: mergeReasons.unknownColumns(ignored), caseNo: '', idNumber: '' }] : [];
  return { name, sha256, kind: detected.kind, outcome: outcomeOf(merged.counts, table.rows.length), rows: [...notes, ...merged.rows], counts: merged.counts };
}

/** `sync preview FILE`: reads the file and previews it. */
export async function previewFile(office: Office, path: string, strict = false): Promise<Preview> {
  return previewBytes(office, await readFile(path), basename(path), strict);
}

/** `sync preview --json` (cli.md). */
export function previewJson(p: Preview) {
  return { kind: p.kind, rows: p.rows, ...p.counts };
}
