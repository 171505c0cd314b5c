// One sync run: read what has arrived in `<shared>/inbox/`, keep it, merge
// it file by file (one transaction each), write a receipt for every file,
// then write the office's queued outbound files into `<shared>/outbox/`.
// `sync once` runs this once; the daemon runs it on every change and on a
// timer, keeping its scan cache between runs.
import { sha256Hex } from '../store/journal.js';
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat, access, mkdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Office } from '../store/office.js';
import { ensureDir, isTempName, readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
import { readCsvTable } from '../exchange/readCsv.js';
import { detectKind, KIND_SPECS, parseRows, type InboundKind } from '../exchange/kinds.js';
import { csvBytes, type OutEncoding } from '../exchange/csvOut.js';
import type { OutboundFile } from '../exchange/outbound.js';
import { mergeReasons, mergeRows, type MergeResult, type ReceiptRow } from './merge.js';
import { settingsOf } from '../office/context.js';
import { UserFacingError } from '../office/errors.js';

export const RECEIPT_COLUMNS = ['行号', '结果', '原因', '申请编号', '身份证号'] as const;
export const SYNC_OPERATOR = '同步';

export type FileOutcome = 'applied' | 'partial' | 'rejected' | 'duplicate';

/** A processed inbound file, as the `files` collection keeps it (id = sha256). */
export interface FileRecord {
  id: string;
  sha256: string;
  /** Paths under `inbox/` it was seen at; the first is the one it was processed as. */
  names: string[];
  kind: InboundKind | null;
  encoding: string | null;
  rows: number;
  outcome: Exclude<FileOutcome, 'duplicate'>;
  counts: MergeResult['counts'];
  receipt: string;
  processedAt: string;
  strict: boolean;
}

export interface FileReport {
  name: string;
  sha256: string;
  kind: InboundKind | null;
  outcome: FileOutcome;
  applied: number;
  unchanged: number;
  stale: number;
  rejected: number;
  pending: number;
  receipt: string;
}

export interface SyncReport {
  files: FileReport[];
  exported: string[];
  /** Problems that did not stop the run (share away, disk full…), for the log and status. */
  problems: string[];
  /** Files still being copied in; read at the next run. */
  arriving: number;
}

export class SyncError extends UserFacingError {}

// --------------------------------------------------------------- the folder

const IGNORED_PREFIXES = ['.', '~$', '.~lock'];
const IGNORED_SUFFIXES = ['.tmp', '.part', '.crdownload'];

export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return IGNORED_PREFIXES.some((p) => name.startsWith(p)) || IGNORED_SUFFIXES.some((s) => lower.endsWith(s));
}

interface Found {
  abs: string;
  /** Path under `inbox/`, with `/`. */
  rel: string;
  size: number;
  mtimeMs: number;
}

interface DirListing {
  mtimeMs: number;
  files: Found[];
  dirs: string[];
}

/**
 * Lists the inbox with plain synchronous calls: on an idle run this is all
 * the work there is. With `quick`, a folder whose own mtime has not changed
 * (no file added, removed or renamed in it) is not listed again and its
 * files are not stat'ed: a file rewritten in place is found by the next
 * full listing (the daemon makes one on every file event and every few
 * minutes).
 */
function walk(root: string, dir: string, out: Found[], problems: string[], cache: Map<string, DirListing>, quick: boolean): void {
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch (err) {
    if (dir === root) throw err;
    cache.delete(dir);
    return;
  }
  const cached = cache.get(dir);
  if (quick && cached && cached.mtimeMs === dirStat.mtimeMs) {
    out.push(...cached.files);
    for (const d of cached.dirs) walk(root, d, out, problems, cache, quick);
    return;
  }
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (dir === root) throw err;
    problems.push(`无法读取文件夹 ${relative(root, dir)}：${(err as NodeJS.ErrnoException).code ?? ''}`);
    return;
  }
  const listing: DirListing = { mtimeMs: dirStat.mtimeMs, files: [], dirs: [] };
  for (const e of entries) {
    if (isIgnoredName(e.name)) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) listing.dirs.push(abs);
    else if (e.isFile() || e.isSymbolicLink()) {
      const s = statSync(abs, { throwIfNoEntry: false });
      // Gone between the listing and the stat: it is not there.
      if (!s || !s.isFile()) continue;
      listing.files.push({ abs, rel: relative(root, abs).split(sep).join('/'), size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  cache.set(dir, listing);
  out.push(...listing.files);
  for (const d of listing.dirs) walk(root, d, out, problems, cache, quick);
}

const NAME_BYTES = 255;

export function receiptName(sha256: string, rel: string): string {
  let base = basename(rel).replace(/\.(csv|txt|tsv)$/i, '');
  // A name the file system cannot hold is shortened, character by character, to fit.
  while (Buffer.byteLength(`receipt-${sha256.slice(0, 8)}-${base}.csv`) > NAME_BYTES) base = [...base].slice(0, -1).join('');
  return `receipt-${sha256.slice(0, 8)}-${base}.csv`;
}

const receiptCopy = (dataDir: string, sha: string) => join(dataDir, 'sync', 'receipts', `${sha}.csv`);
const receivedCopy = (dataDir: string, sha: string) => join(dataDir, 'sync', 'received', sha);
const seenPath = (dataDir: string) => join(dataDir, 'sync', 'seen.json');

function receiptBytes(rows: readonly ReceiptRow[]): Buffer {
  return csvBytes(
    RECEIPT_COLUMNS,
    rows.map((r) => [String(r.row), r.result, r.reason, r.caseNo, r.idNumber]),
  );
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `dir` below `root`, never `root` itself: a shared folder that is
 * away (a USB stick pulled, a share not mounted) must not be recreated on the
 * local disk, where receipts would hide under the mount point once it is back.
 */
async function mkdirBelow(root: string, dir: string): Promise<void> {
  await stat(root); // ENOENT while the share is away: the next run writes what is missing
  await mkdir(dir, { recursive: true });
}

/** Outbox files are read by the township's people and software: not private like the data folder. */
const SHARED_MODE = 0o644;

// ------------------------------------------------------------------ state

/** What a long-running daemon keeps between runs, so an idle run costs only a listing. */
export class SyncState {
  /** path → size/mtime/sha of a file already dealt with. */
  seen = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
  /** receipts confirmed present in the outbox. */
  receiptsOk = new Set<string>();
  /** Every processed file's receipt was checked once (at start); later runs retry only failed writes. */
  receiptsChecked = false;
  /** Receipts whose write failed (share away, disk full): `sha:name`. */
  receiptsFailed = new Set<string>();
  /** The inbox folders as last listed. */
  dirs = new Map<string, DirListing>();
  loaded = false;
  dirty = false;

  async load(dataDir: string): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const buf = await readFileIfExists(seenPath(dataDir));
    if (!buf) return;
    try {
      const o = JSON.parse(buf.toString('utf8')) as Record<string, { size: number; mtimeMs: number; sha256: string }>;
      for (const [k, v] of Object.entries(o)) this.seen.set(k, v);
    } catch {
      // A damaged cache is only a cache: everything is hashed again.
    }
  }

  async save(dataDir: string): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await writeFileAtomic(seenPath(dataDir), JSON.stringify(Object.fromEntries(this.seen)));
  }
}

export interface SyncOptions {
  shared: string;
  strict?: boolean;
  state?: SyncState;
  /** How long size and mtime must stay unchanged (ms); default: the settings'. */
  stableMs?: number;
  /** Skip folders unchanged since the last listing (the daemon's timer runs). */
  quick?: boolean;
  /** Checked between files: a SIGTERM finishes the current file, then stops. */
  shouldStop?: () => boolean;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function outcomeOf(counts: MergeResult['counts'], rows: number): Exclude<FileOutcome, 'duplicate'> {
  if (rows > 0 && counts.rejected === rows) return 'rejected';
  if (counts.rejected > 0) return 'partial';
  return 'applied';
}

function reportOf(rec: FileRecord, name: string, outcome: FileOutcome = rec.outcome): FileReport {
  const counts = outcome === 'duplicate' ? { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 } : rec.counts;
  return { name, sha256: rec.sha256, kind: rec.kind, outcome, ...counts, receipt: outcome === 'duplicate' ? receiptName(rec.sha256, name) : rec.receipt };
}

// ------------------------------------------------------------------- run

export async function syncOnce(office: Office, opts: SyncOptions): Promise<SyncReport> {
  const dataDir = office.dir;
  const state = opts.state ?? new SyncState();
  await state.load(dataDir);
  const log = opts.log ?? (() => undefined);
  const report: SyncReport = { files: [], exported: [], problems: [], arriving: 0 };
  const inbox = join(opts.shared, 'inbox');
  const outbox = join(opts.shared, 'outbox');
  const receipts = join(outbox, 'receipts');

  await office.refresh();
  const settings = settingsOf(office.view);
  const stableMs = opts.stableMs ?? settings.arrivalStableMs;

  await writeMissingReceipts(office, receipts, state, report);
  await removeOurTempFiles([outbox, receipts]);

  let found: Found[] = [];
  try {
    walk(inbox, inbox, found, report.problems, state.dirs, opts.quick ?? false);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    report.problems.push(code === 'ENOENT' ? `找不到收件文件夹 ${inbox}（共享文件夹或U盘不在？），稍后重试` : `无法读取收件文件夹 ${inbox}（${code}）`);
    found = [];
  }

  // Files already dealt with (same path, size and mtime) cost nothing more.
  const candidates = found.filter((f) => {
    const s = state.seen.get(f.rel);
    return !(s && s.size === f.size && s.mtimeMs === f.mtimeMs && office.view.get('files', s.sha256));
  });

  // Arrival: unchanged size and mtime over the stable moment.
  const young = candidates.filter((f) => Date.now() - f.mtimeMs < stableMs);
  if (young.length) {
    const wait = Math.max(...young.map((f) => stableMs - (Date.now() - f.mtimeMs)));
    await sleep(Math.min(Math.max(wait, 0), stableMs));
  }
  const ready: Found[] = [];
  for (const f of candidates) {
    if (young.includes(f)) {
      try {
        const s = await stat(f.abs);
        if (s.size !== f.size || s.mtimeMs !== f.mtimeMs) {
          report.arriving++;
          continue;
        }
      } catch {
        continue;
      }
    }
    ready.push(f);
  }
  // The same order everywhere, so two offices' runs over one inbox agree.
  ready.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

  for (const f of ready) {
    if (opts.shouldStop?.()) break;
    try {
      const r = await processFile(office, f, { problems: report.problems, dataDir, receipts, strict: opts.strict ?? false, officeCode: settings.office.code, state });
      if (r) {
        report.files.push(r);
        log(`${r.outcome} ${f.rel} ${r.kind ?? '-'} 应用${r.applied} 未变化${r.unchanged} 过时${r.stale} 拒绝${r.rejected} 待处理${r.pending}`);
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') continue; // taken away while we looked
      report.problems.push(`${f.rel}：${problemText(e)}`);
      log(`error ${f.rel}: ${problemText(e)}`);
    }
  }

  try {
    report.exported = await publishOutbound(office, outbox, settings.office.code, settings.office.outboundEncoding);
  } catch (err) {
    report.problems.push(`写出上报文件失败：${problemText(err as NodeJS.ErrnoException)}`);
  }
  try {
    await state.save(dataDir);
  } catch {
    // Only a cache.
  }
  return report;
}

/** Temp files of ours older than ten minutes: a write that was killed; no reader ever saw them. */
async function removeOurTempFiles(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!isTempName(n)) continue;
      const p = join(dir, n);
      const s = statSync(p, { throwIfNoEntry: false });
      if (s && Date.now() - s.mtimeMs > 10 * 60_000) await unlink(p).catch(() => undefined);
    }
  }
}

function problemText(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOSPC') return '磁盘已满，稍后重试（没有写入半个文件）';
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') return '没有写入权限，稍后重试';
  if (e.code === 'EIO') return '读写出错（U盘被拔出？），稍后重试';
  if (e instanceof UserFacingError) return e.message;
  return e.code ? `${e.code}` : e.message;
}

interface ProcessContext {
  /** Where a problem that did not stop the file is reported. */
  problems: string[];
  /** `import roster`: refuse a file of any other kind before anything is merged. */
  expectKind?: InboundKind;
  dataDir: string;
  receipts: string;
  strict: boolean;
  officeCode: string;
  state: SyncState;
}

async function processFile(office: Office, f: Found, pc: ProcessContext): Promise<FileReport | null> {
  let buf: Buffer;
  try {
    buf = await readFile(f.abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new SyncError('没有读取这个文件的权限，请让放文件的单位改为可读后再放一次；稍后会再试');
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
    const { result: rec } = await office.transact({ operator: SYNC_OPERATOR, source: `file:${sha256}`, action: 'sync.duplicate', summary: `重复文件 ${name}` }, (tx) => {
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
  const table = readCsvTable(buf);
  const detected = table.ok ? detectKind(table.headers) : table;
  if (pc.expectKind) {
    if (!detected.ok) throw new SyncError(`${name}：${detected.reason}`);
    if (detected.kind !== pc.expectKind) {
      throw new SyncError(`${name} 是“${KIND_SPECS[detected.kind].title}”，不是“${KIND_SPECS[pc.expectKind].title}”：请换成${KIND_SPECS[pc.expectKind].title}文件`);
    }
  }
  let kind: InboundKind | null = null;
  let encoding: string | null = null;
  let rowsCount = 0;
  const { result } = await office.transact(
    { operator: SYNC_OPERATOR, source: `file:${sha256}`, action: 'sync.file', summary: `读入 ${name}` },
    async (tx) => {
      let receiptRows: ReceiptRow[];
      let counts: MergeResult['counts'] = { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 };
      let outcome: FileRecord['outcome'];
      if (!table.ok || !detected.ok) {
        receiptRows = [{ row: 0, result: '拒绝', reason: detected.ok ? '' : detected.reason, caseNo: '', idNumber: '' }];
        outcome = 'rejected';
        if (table.ok) encoding = table.encoding;
      } else {
        const d = detected;
        kind = d.kind;
        encoding = table.encoding;
        rowsCount = table.rows.length;
        const outcomes = parseRows(kind, table, pc.officeCode);
        const merged = mergeRows(tx, kind, outcomes, { sha256, name }, pc.officeCode, pc.strict);
        counts = merged.counts;
        outcome = outcomeOf(counts, rowsCount);
        const notes: ReceiptRow[] = [];
        const ignored = [...d.unknownColumns, ...table.duplicateHeaders.map((h) => `${h}（重复的列，只读了第一列）`)];
        if (ignored.length) notes.push({ row: table.headerRowNumber, result: '提示', reason: mergeReasons.unknownColumns(ignored), caseNo: '', idNumber: '' });
        receiptRows = [...notes, ...merged.rows];
      }
      const rec: FileRecord = { id: sha256, sha256, names: [name], kind, encoding, rows: rowsCount, outcome, counts, receipt, processedAt: tx.now.iso, strict: pc.strict };
      tx.put('files', sha256, rec as unknown as Record<string, unknown>);
      // The receipt's own copy, written before the commit: after a crash it is
      // either there for a committed file, or the file is merged again.
      await ensureDir(join(pc.dataDir, 'sync', 'receipts'));
      await writeFileAtomic(receiptCopy(pc.dataDir, sha256), receiptBytes(receiptRows));
      return rec;
    },
  );
  markSeen();
  await sendReceipt(pc, result, name);
  return reportOf(result, name);
}

/** Writes a file's receipt into the outbox; one that cannot be written now is retried at later runs, and said now. */
async function sendReceipt(pc: ProcessContext, rec: FileRecord, name: string): Promise<void> {
  const key = `${rec.sha256}:${name}`;
  try {
    await writeReceipt(pc.dataDir, pc.receipts, rec, name);
    pc.state.receiptsOk.add(key);
  } catch (err) {
    pc.state.receiptsFailed.add(key);
    pc.problems.push(`回执 ${receiptName(rec.sha256, name)} 暂时无法写入：${problemText(err as NodeJS.ErrnoException)}`);
  }
}

function duplicateReceipt(known: FileRecord): Buffer {
  return receiptBytes([
    { row: 0, result: '未变化', reason: `重复文件：内容与已处理的 ${known.names[0]} 相同（${known.processedAt.slice(0, 10)}），未再次应用`, caseNo: '', idNumber: '' },
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
      report.problems.push(`补写回执 ${receiptName(rec.sha256, name)} 失败：${problemText(err as NodeJS.ErrnoException)}`);
      break;
    }
  }
  if (ok) state.receiptsChecked = true;
}

// --------------------------------------------------------------- outbound

function stamp(iso: string): string {
  return iso.slice(0, 19).replace(/\D/g, '');
}

function addSecond(s: string): string {
  const d = new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14) + 1));
  return d.toISOString().slice(0, 19).replace(/\D/g, '');
}

/** Writes every queued outbound file; returns the names written. Never overwrites. */
export async function publishOutbound(office: Office, outbox: string, officeCode: string, encoding: OutEncoding): Promise<string[]> {
  const all = office.view.all('outbound') as unknown as OutboundFile[];
  const queued = all.filter((o) => !o.writtenAs).sort((a, b) => a.id.localeCompare(b.id));
  if (!queued.length) return [];
  await mkdirBelow(dirname(outbox), outbox);
  const written: string[] = [];
  const taken = new Set(all.map((o) => o.writtenAs).filter(Boolean));
  for (const o of queued) {
    const body = csvBytes(o.columns, o.rows, encoding);
    let s = stamp(o.queuedAt);
    let name = `${o.kind}-${officeCode}-${s}.csv`;
    let existing: Buffer | null;
    for (;;) {
      existing = await readFileIfExists(join(outbox, name));
      if (!taken.has(name) && (existing === null || existing.equals(body))) break;
      s = addSecond(s);
      name = `${o.kind}-${officeCode}-${s}.csv`;
    }
    // Already there with these bytes: a crash came between writing it and recording it.
    if (existing === null) await writeFileAtomic(join(outbox, name), body, SHARED_MODE);
    taken.add(name);
    await office.transact({ operator: SYNC_OPERATOR, source: 'local', action: 'sync.publish', summary: `上报 ${name}` }, (tx) => {
      const cur = tx.get('outbound', o.id) as unknown as OutboundFile | undefined;
      if (cur && !cur.writtenAs) tx.put('outbound', o.id, { ...cur, writtenAs: name, writtenAt: tx.now.iso } as unknown as Record<string, unknown>);
    });
    written.push(name);
  }
  return written;
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
    throw new SyncError(`${path} 在读取时发生了变化，请等文件复制完成后再导入`);
  }
  return r;
}
