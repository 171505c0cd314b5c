// Shared helpers of the sync end-to-end tests (formats, fuzz): an office with
// the four fixture applications, a shared folder, dropping inbound files the
// way a share or a USB stick leaves them, and reading receipts back.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, rmSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { Office } from '../../../src/store/office.js';
import { defaultSettings, type Settings } from '../../../src/office/settings.js';
import { addCase, checkIntake } from '../../../src/case/intake.js';
import { syncOnce, type SyncOptions } from '../../../src/sync/run.js';
import { receiptName, RECEIPT_COLUMNS } from '../../../src/sync/receipts.js';
import type { SyncReport } from '../../../src/sync/report.js';
import { PUBLIC_FIXTURES } from '../../support/paths.js';
import type { ReceiptLine } from '../../support/office.js';

export const OFFICE_CODE = '430105003001';
export const FIXTURE_INBOX = join(PUBLIC_FIXTURES, 'inbox');
export const FIXTURE_INTAKE = join(PUBLIC_FIXTURES, 'intake');
const INTAKE_FILES = ['01-liu-jianguo.json', '02-huang-guiying.json', '03-chen-zhiqiang.json', '04-zhao-deming.json'];

/** "Now" of every office here: the day the fixture applications were made. */
export const NOW_ENV: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-02T09:30:00+08:00' };

/** The four fixture cases and their householders. */
export const CASES = {
  liu: { caseNo: '430105003001-2026-0001', id: '430105197803152315', name: '刘建国' },
  huang: { caseNo: '430105003001-2026-0002', id: '430105194612033264', name: '黄桂英' },
  chen: { caseNo: '430105003001-2026-0003', id: '43010519821128129X', name: '陈志强' },
  zhao: { caseNo: '430105003001-2026-0004', id: '430105196908143576', name: '赵德明' },
} as const;

export interface TestOffice {
  root: string;
  data: string;
  shared: string;
  inbox: string;
  receipts: string;
  office: Office;
}

let template: string | null = null;

/** Temporary folders made here; `removeAll` (in each file's afterAll) takes them away. */
const made: string[] = [];

export function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  template = null;
}

export function removeOffice(o: TestOffice): void {
  rmSync(o.root, { recursive: true, force: true });
}

/** Builds the data folder once (settings + the four accepted applications); each test gets a copy. */
async function buildTemplate(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'jiuzhu-sync-template-'));
  made.push(root);
  const data = join(root, 'data');
  const office = await Office.create(data, NOW_ENV);
  await office.transact({ operator: '王芳', source: 'local', action: 'office.init' }, (tx) => {
    // `shared` is set per test office below through syncOnce's option; the
    // settings' value is only what the CLI would use.
    tx.put('settings', 'office', defaultSettings({ code: OFFICE_CODE, name: '东风社区', shared: join(root, 'shared') }));
  });
  for (const f of INTAKE_FILES) {
    const checked = checkIntake(JSON.parse(readFileSync(join(FIXTURE_INTAKE, f), 'utf8')));
    if (!checked.ok) throw new Error(`fixture ${f} does not pass intake: ${JSON.stringify(checked.problems)}`);
    await office.transact({ operator: '王芳', source: 'local', action: 'case.add' }, (tx) => addCase(tx, checked.value));
  }
  return data;
}

/**
 * A folder in memory when the machine has one (Linux's /dev/shm): the fuzz
 * run commits thousands of transactions, and their fsyncs are not what it tests.
 */
export function fastTmpdir(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return statSync('/dev/shm').isDirectory() ? '/dev/shm' : tmpdir();
  } catch {
    return tmpdir();
  }
}

export async function makeOffice(opts: { prefix?: string; base?: string } = {}): Promise<TestOffice> {
  template ??= await buildTemplate();
  const root = mkdtempSync(join(opts.base ?? tmpdir(), opts.prefix ?? 'jiuzhu-sync-'));
  made.push(root);
  const data = join(root, 'data');
  cpSync(template, data, { recursive: true, preserveTimestamps: true });
  const shared = join(root, 'shared');
  const inbox = join(shared, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const office = await Office.open(data, { env: NOW_ENV });
  // The office's own settings point at this test's shared folder.
  await office.transact({ operator: '王芳', source: 'local', action: 'settings.shared' }, (tx) => {
    const s = tx.get('settings', 'office')!;
    tx.put('settings', 'office', { ...(s as Settings), office: { ...(s as Settings).office, shared } });
  });
  return { root, data, shared, inbox, receipts: join(shared, 'outbox', 'receipts'), office };
}

/** A minute ago: older than any arrival wait, so a run reads the file at once. */
const settledTime = () => new Date(Date.now() - 60_000);

/** Writes a file under inbox/ (folders made as needed), settled as if copied a minute ago. */
export function drop(inbox: string, rel: string, bytes: Buffer | string): string {
  const abs = join(inbox, ...rel.split('/'));
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, bytes);
  const t = settledTime();
  utimesSync(abs, t, t);
  return abs;
}

export function sync(o: TestOffice, opts: Partial<SyncOptions> = {}): Promise<SyncReport> {
  return syncOnce(o.office, { shared: o.shared, stableMs: 0, ...opts });
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

// ------------------------------------------------------------- encodings

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
export const utf8Bom = (text: string): Buffer => Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
export const gb18030 = (text: string): Buffer => iconv.encode(text, 'gb18030');
/** Excel's "Unicode text": UTF-16LE with BOM; the text should already be tab-separated. */
export const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** A fixture file's text, BOM removed (fixtures are UTF-8 with BOM, CRLF). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURE_INBOX, name), 'utf8').replace(/^\uFEFF/, '');
}

/** Rows of CSV text (no quoting in the fixtures): header first. */
export function fixtureRows(name: string): string[][] {
  return fixtureText(name)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

/** CSV text from cells; cells with a delimiter, quote or line break are quoted (RFC 4180). */
export function csv(rows: readonly (readonly string[])[], opts: { eol?: string; delimiter?: string } = {}): string {
  const eol = opts.eol ?? '\r\n';
  const d = opts.delimiter ?? ',';
  const cell = (c: string) => (c.includes(d) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(d)).join(eol) + eol;
}

// --------------------------------------------------------------- receipts

export type { ReceiptLine };

export interface Receipt {
  name: string;
  bytes: Buffer;
  header: string[];
  rows: ReceiptLine[];
}

/** Reads and checks the receipt's form: UTF-8 with BOM, the five columns, every row of five cells. */
export function parseReceipt(name: string, bytes: Buffer): Receipt {
  if (!bytes.subarray(0, 3).equals(UTF8_BOM)) throw new Error(`receipt ${name} does not start with a UTF-8 BOM`);
  const records = parse(bytes.subarray(3), { relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  if (!header) throw new Error(`receipt ${name} is empty`);
  const rows = body.map((r) => {
    if (r.length !== RECEIPT_COLUMNS.length) throw new Error(`receipt ${name}: a row of ${r.length} cells`);
    return Object.fromEntries(RECEIPT_COLUMNS.map((c, i) => [c, r[i]!])) as unknown as ReceiptLine;
  });
  return { name, bytes, header, rows };
}

/** The receipt of the file dropped at `rel` with content `bytes`, by the naming rule of exchange.md. */
export function expectedReceiptName(rel: string, bytes: Buffer): string {
  const base = rel.split('/').at(-1)!.replace(/\.csv$/i, '');
  return `receipt-${sha256(bytes).slice(0, 8)}-${base}.csv`;
}

export function readReceipt(o: TestOffice, rel: string, bytes: Buffer): Receipt {
  const name = expectedReceiptName(rel, bytes);
  // The module's own naming must agree with the spec's (checked by the tests too).
  if (receiptName(sha256(bytes), rel) !== name && /\.csv$/i.test(rel)) {
    throw new Error(`receiptName(${rel}) = ${receiptName(sha256(bytes), rel)}, expected ${name}`);
  }
  return parseReceipt(name, readFileSync(join(o.receipts, name)));
}

export function listReceipts(o: TestOffice): string[] {
  try {
    // Everything in the folder: a temporary file left behind would show here too.
    return readdirSync(o.receipts).sort();
  } catch {
    return [];
  }
}

/** Receipt rows as compact tuples [行号, 结果] for whole-receipt comparisons. */
export const outcomes = (r: Receipt): [string, string][] => r.rows.map((x) => [x.行号, x.结果]);

// --------------------------------------------------------------- folders

export interface TreeEntry {
  path: string;
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  mode: number;
  sha256: string;
}

/** Every file and folder below `root` with its hash, size, mode and mtime, sorted. */
export function treeListing(root: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      const s = statSync(abs);
      const path = relative(root, abs).split(sep).join('/');
      if (e.isDirectory()) {
        out.push({ path, type: 'dir', size: 0, mtimeMs: s.mtimeMs, mode: s.mode, sha256: '' });
        walk(abs);
      } else {
        out.push({ path, type: 'file', size: s.size, mtimeMs: s.mtimeMs, mode: s.mode, sha256: sha256(readFileSync(abs)) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
