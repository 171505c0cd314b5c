// The receipts as the clerk opens them (the receipts screen): every inbound
// file processed, newest first, with its kind, outcome and counts; a file's
// receipt rows (from the data folder's own copy); and the inbox's files not
// read yet, which the clerk may preview (src/sync/preview.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { View } from '../store/office.js';
import type { FileRecord } from '../sync/report.js';
import { receiptCopy } from '../sync/receipts.js';
import { readCsvTable } from '../exchange/readCsv.js';
import type { ReceiptRow } from '../sync/merge/index.js';
import { t } from '../i18n/index.js';

const OUTCOME_KEYS = { applied: 'sync.outcome.applied', partial: 'sync.outcome.partial', rejected: 'sync.outcome.rejected', duplicate: 'sync.outcome.duplicate' } as const;

/** A file's outcome as the clerk reads it. */
export const outcomeWord = (o: keyof typeof OUTCOME_KEYS): string => t(OUTCOME_KEYS[o]);

export interface ReceiptFile {
  sha256: string;
  name: string;
  kind: FileRecord['kind'];
  outcome: FileRecord['outcome'];
  counts: FileRecord['counts'];
  processedAt: string;
  receipt: string;
}

/** Every processed inbound file, newest first. */
export function receiptFiles(view: View): ReceiptFile[] {
  return (view.all('files') as unknown as FileRecord[])
    .map((f) => ({ sha256: f.sha256, name: f.names[0] ?? f.sha256, kind: f.kind, outcome: f.outcome, counts: f.counts, processedAt: f.processedAt, receipt: f.receipt }))
    .sort((a, b) => b.processedAt.localeCompare(a.processedAt) || a.name.localeCompare(b.name));
}

/** A processed file's receipt rows, from the copy kept in the data folder; null when it cannot be read. */
export function receiptRows(dataDir: string, sha256: string): ReceiptRow[] | null {
  let buf: Buffer;
  try {
    buf = readFileSync(receiptCopy(dataDir, sha256));
  } catch {
    return null;
  }
  const table = readCsvTable(buf);
  if (!table.ok) return null;
  return table.rows.map((r) => ({
    row: Number(r.cells['行号'] ?? 0),
    result: (r.cells['结果'] ?? '') as ReceiptRow['result'],
    reason: r.cells['原因'] ?? '',
    caseNo: r.cells['申请编号'] ?? '',
    idNumber: r.cells['身份证号'] ?? '',
  }));
}

/** How a receipt row is shown: rejected rows stand out, rows waiting for the clerk less so. */
export function receiptRowTone(result: string): 'rejected' | 'pending' | null {
  return result === '拒绝' ? 'rejected' : result === '待处理' ? 'pending' : null;
}

export interface InboxFile {
  /** path under the inbox */
  name: string;
  abs: string;
  size: number;
}

/** The inbox's files (CSV, TXT, TSV), by name; an inbox that cannot be read lists none. */
export function inboxFiles(shared: string | null, depth = 3): InboxFile[] {
  if (!shared) return [];
  const inbox = join(shared, 'inbox');
  const out: InboxFile[] = [];
  const walk = (dir: string, left: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      if (n.startsWith('.') || n.startsWith('~')) continue;
      const abs = join(dir, n);
      let s;
      try {
        s = statSync(abs);
      } catch {
        continue;
      }
      if (s.isDirectory()) {
        if (left > 0) walk(abs, left - 1);
      } else if (/\.(csv|txt|tsv)$/i.test(n)) out.push({ name: relative(inbox, abs), abs, size: s.size });
    }
  };
  walk(inbox, depth);
  return out;
}
