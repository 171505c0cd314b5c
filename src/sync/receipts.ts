// Receipts: the CSV answer to every inbound file, kept in the data folder
// before the commit and written to `<shared>/outbox/receipts/` after it
// (and again at the next start if a crash or a full disk came between).
import { basename, dirname, join } from 'node:path';
import type { Office } from '../store/office.js';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
import { csvBytes } from '../exchange/csvOut.js';
import type { ReceiptRow } from './merge/index.js';
import type { FileRecord, SyncReport } from './report.js';
import type { SyncState } from './seen.js';
import { exists, mkdirBelow, problemText, SHARED_MODE } from './share.js';
import { t, tIn } from '../i18n/index.js';

export const RECEIPT_COLUMNS = ['行号', '结果', '原因', '申请编号', '身份证号'] as const;

const NAME_BYTES = 255;

export function receiptName(sha256: string, rel: string): string {
  let base = basename(rel).replace(/\.(csv|txt|tsv)$/i, '');
  // A name the file system cannot hold is shortened, character by character, to fit.
  while (Buffer.byteLength(`receipt-${sha256.slice(0, 8)}-${base}.csv`) > NAME_BYTES) base = [...base].slice(0, -1).join('');
  return `receipt-${sha256.slice(0, 8)}-${base}.csv`;
}

export const receiptCopy = (dataDir: string, sha: string) => join(dataDir, 'sync', 'receipts', `${sha}.csv`);

export function receiptBytes(rows: readonly ReceiptRow[]): Buffer {
  return csvBytes(
    RECEIPT_COLUMNS,
    rows.map((r) => [String(r.row), r.result, r.reason, r.caseNo, r.idNumber]),
  );
}

/** Where a receipt goes and what it may report; the state notes what was written. */
export interface ReceiptTarget {
  dataDir: string;
  receipts: string;
  problems: string[];
  state: SyncState;
}

/** Writes a file's receipt into the outbox; one that cannot be written now is retried at later runs, and said now. */
export async function sendReceipt(pc: ReceiptTarget, rec: FileRecord, name: string): Promise<void> {
  const key = `${rec.sha256}:${name}`;
  try {
    await writeReceipt(pc.dataDir, pc.receipts, rec, name);
    pc.state.receiptsOk.add(key);
  } catch (err) {
    pc.state.receiptsFailed.add(key);
    pc.problems.push(t('sync.problem.receiptLater', { name: receiptName(rec.sha256, name), problem: problemText(err as NodeJS.ErrnoException) }));
  }
}

function duplicateReceipt(known: FileRecord): Buffer {
  return receiptBytes([
    { row: 0, result: '未变化', reason: tIn('zh', 'sync.receipt.duplicate', { first: known.names[0]!, date: known.processedAt.slice(0, 10) }), caseNo: '', idNumber: '' },
  ]);
}

async function writeReceipt(dataDir: string, receipts: string, rec: FileRecord, name: string): Promise<void> {
  const target = join(receipts, receiptName(rec.sha256, name));
  // A copy whose receipt name is the original's (same base name in another
  // folder) shares the original's receipt: the row results must not be
  // overwritten by a 重复文件 line.
  const original = name === rec.names[0] || receiptName(rec.sha256, name) === receiptName(rec.sha256, rec.names[0]!);
  const body = original ? await readFileIfExists(receiptCopy(dataDir, rec.sha256)) : duplicateReceipt(rec);
  if (!body) return;
  await mkdirBelow(dirname(dirname(receipts)), receipts);
  await writeFileAtomic(target, body, SHARED_MODE);
}

/**
 * After a crash, a pulled USB stick or a full disk: at the start (the first
 * run of a process) every processed file's receipt that is not in the outbox
 * is written again; later runs of the same process retry only the writes
 * that failed, so a receipt the township has taken away is not put back
 * every few seconds.
 */
export async function writeMissingReceipts(office: Office, receipts: string, state: SyncState, report: SyncReport): Promise<void> {
  const todo: { rec: FileRecord; name: string }[] = [];
  if (!state.receiptsChecked) {
    for (const rec of office.view.all('files') as unknown as FileRecord[]) for (const name of rec.names) todo.push({ rec, name });
  } else {
    for (const key of state.receiptsFailed) {
      const at = key.indexOf(':');
      const rec = office.view.get('files', key.slice(0, at)) as FileRecord | undefined;
      if (rec) todo.push({ rec, name: key.slice(at + 1) });
    }
  }
  let ok = true;
  for (const { rec, name } of todo) {
    const key = `${rec.sha256}:${name}`;
    if (state.receiptsOk.has(key)) continue;
    if (await exists(join(receipts, receiptName(rec.sha256, name)))) {
      state.receiptsOk.add(key);
      state.receiptsFailed.delete(key);
      continue;
    }
    try {
      await writeReceipt(office.dir, receipts, rec, name);
      state.receiptsOk.add(key);
      state.receiptsFailed.delete(key);
    } catch (err) {
      state.receiptsFailed.add(key);
      ok = false;
      report.problems.push(t('sync.problem.receiptRewrite', { name: receiptName(rec.sha256, name), problem: problemText(err as NodeJS.ErrnoException) }));
      break;
    }
  }
  if (ok) state.receiptsChecked = true;
}
