// One inbound file: read, kept, its kind found, its rows merged and its
// record written in one transaction, then its receipt sent. `import roster`
// reads one file given by path the same way.
import { sha256Hex } from '../store/journal.js';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Office } from '../store/office.js';
import { ensureDir, writeFileAtomic } from '../store/atomicFile.js';
import { CsvReadError, streamCsvTable } from '../exchange/readCsv.js';
import { KIND_SPECS, streamRows, type InboundKind } from '../exchange/inbound/index.js';
import { detectKind } from '../exchange/inbound/detect.js';
import { mergeReasons, mergeRows, type MergeResult, type ReceiptRow } from './merge/index.js';
import { settingsOf } from '../office/context.js';
import { outcomeOf, SyncError, SYNC_OPERATOR, type FileOutcome, type FileRecord, type FileReport } from './report.js';
import type { Found } from './inbox.js';
import { SyncState } from './seen.js';
import { receiptBytes, receiptCopy, receiptName, sendReceipt, type ReceiptTarget } from './receipts.js';
import { exists } from './share.js';
import { t, tIn } from '../i18n/index.js';

const receivedCopy = (dataDir: string, sha: string) => join(dataDir, 'sync', 'received', sha);

export function reportOf(rec: FileRecord, name: string, outcome: FileOutcome = rec.outcome): FileReport {
  const counts = outcome === 'duplicate' ? { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 } : rec.counts;
  return { name, sha256: rec.sha256, kind: rec.kind, outcome, ...counts, receipt: outcome === 'duplicate' ? receiptName(rec.sha256, name) : rec.receipt };
}

export interface ProcessContext extends ReceiptTarget {
  /** `import roster`: refuse a file of any other kind before anything is merged. */
  expectKind?: InboundKind;
  strict: boolean;
  officeCode: string;
}

export async function processFile(office: Office, f: Found, pc: ProcessContext): Promise<FileReport | null> {
  let buf: Buffer;
  try {
    buf = await readFile(f.abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new SyncError(t('sync.error.noReadPermission'));
    throw err;
  }
  const after = await stat(f.abs);
  if (after.size !== f.size || after.mtimeMs !== f.mtimeMs || buf.length !== f.size) return null; // changed while read
  const sha256 = sha256Hex(buf);
  const name = f.rel;
  const markSeen = () => {
    pc.state.seen.set(f.rel, { size: f.size, mtimeMs: f.mtimeMs, sha256 });
    pc.state.dirty = true;
  };

  const known = office.view.get('files', sha256) as FileRecord | undefined;
  if (known) {
    if (known.names.includes(name)) {
      markSeen();
      return null;
    }
    // The same content under another name (a Syncthing conflict copy, a re-sent file).
    const { result: rec } = await office.transact({ operator: SYNC_OPERATOR, source: `file:${sha256}`, action: 'sync.duplicate', summary: tIn('zh', 'sync.journal.duplicate', { name }) }, (tx) => {
      const cur = tx.get('files', sha256) as unknown as FileRecord;
      const next = cur.names.includes(name) ? cur : { ...cur, names: [...cur.names, name] };
      tx.put('files', sha256, next as unknown as Record<string, unknown>);
      return next;
    });
    await sendReceipt(pc, rec, name);
    markSeen();
    return reportOf(known, name, 'duplicate');
  }

  // Kept before anything is merged: whatever happens next, the file is not lost.
  const keep = receivedCopy(pc.dataDir, sha256);
  if (!(await exists(keep))) {
    await ensureDir(join(pc.dataDir, 'sync', 'received'));
    await writeFileAtomic(keep, buf);
  }

  const receipt = receiptName(sha256, name);
  const table = streamCsvTable(buf);
  const detected = table.ok ? detectKind(table.headers) : table;
  if (pc.expectKind) {
    if (!detected.ok) throw new SyncError(t('sync.error.notRead', { name, reason: detected.reason }));
    if (detected.kind !== pc.expectKind) {
      throw new SyncError(t('sync.error.wrongKind', { name, kind: KIND_SPECS[detected.kind].title, expected: KIND_SPECS[pc.expectKind].title }));
    }
  }
  const { result } = await office.transact(
    { operator: SYNC_OPERATOR, source: `file:${sha256}`, action: 'sync.file', summary: tIn('zh', 'sync.journal.read', { name }) },
    async (tx) => {
      let kind: InboundKind | null = null;
      let encoding: string | null = null;
      let rowsCount = 0;
      let receiptRows: ReceiptRow[];
      let counts: MergeResult['counts'] = { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 };
      let outcome: FileRecord['outcome'];
      const rejectWhole = (reason: string) => {
        receiptRows = [{ row: 0, result: '拒绝', reason, caseNo: '', idNumber: '' }];
        outcome = 'rejected';
      };
      if (!table.ok || !detected.ok) {
        rejectWhole(detected.ok ? '' : detected.reason);
        if (table.ok) encoding = table.encoding;
      } else {
        const d = detected;
        // Rows are counted, parsed and merged as the parser reaches them.
        const rows = (function* () {
          for (const row of table.rows) {
            rowsCount++;
            yield row;
          }
        })();
        try {
          const merged = mergeRows(tx, d.kind, streamRows(d.kind, rows, pc.officeCode), { sha256, name }, pc.officeCode, pc.strict);
          kind = d.kind;
          encoding = table.encoding;
          counts = merged.counts;
          outcome = outcomeOf(counts, rowsCount);
          const notes: ReceiptRow[] = [];
          const ignored = [...d.unknownColumns, ...table.duplicateHeaders.map((h) => tIn('zh', 'sync.receipt.duplicateColumn', { column: h }))];
          if (ignored.length) notes.push({ row: table.headerRowNumber, result: '提示', reason: mergeReasons.unknownColumns(ignored), caseNo: '', idNumber: '' });
          receiptRows = [...notes, ...merged.rows];
        } catch (err) {
          // The text breaks off further down: the file is not read, as if it had failed at its header.
          if (!(err instanceof CsvReadError)) throw err;
          if (pc.expectKind) throw new SyncError(t('sync.error.notRead', { name, reason: err.reason }));
          tx.pending.clear();
          rowsCount = 0;
          rejectWhole(err.reason);
        }
      }
      const rec: FileRecord = { id: sha256, sha256, names: [name], kind, encoding, rows: rowsCount, outcome: outcome!, counts, receipt, processedAt: tx.now.iso, strict: pc.strict };
      tx.put('files', sha256, rec as unknown as Record<string, unknown>);
      // The receipt's own copy, written before the commit: after a crash it is
      // either there for a committed file, or the file is merged again.
      await ensureDir(join(pc.dataDir, 'sync', 'receipts'));
      await writeFileAtomic(receiptCopy(pc.dataDir, sha256), receiptBytes(receiptRows!));
      return rec;
    },
  );
  markSeen();
  await sendReceipt(pc, result, name);
  return reportOf(result, name);
}

/**
 * Reads one file given by path (`import roster`) the way the inbox is read:
 * kept, merged in one transaction, with a receipt (in the outbox when a
 * shared folder is set, and always in the data folder).
 */
export async function importFile(office: Office, path: string, expectKind: InboundKind, shared: string | null, strict = false): Promise<FileReport> {
  const s = await stat(path);
  const settings = settingsOf(office.view);
  const state = new SyncState();
  const receipts = shared ? join(shared, 'outbox', 'receipts') : join(office.dir, 'sync', 'receipts-out');
  const f: Found = { abs: path, rel: basename(path), size: s.size, mtimeMs: s.mtimeMs };
  const r = await processFile(office, f, { problems: [], expectKind, dataDir: office.dir, receipts, strict, officeCode: settings.office.code, state });
  if (!r) {
    const known = office.view.get('files', sha256Hex(await readFile(path))) as FileRecord | undefined;
    if (known) return reportOf(known, basename(path), 'duplicate');
    throw new SyncError(t('sync.error.changedWhileRead', { path }));
  }
  return r;
}
