// An office in a temp folder, driven in-process: the public fixtures'
// cases, inbound files dropped into the shared inbox, receipts read back.
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';
import { addCase, checkIntake } from '../../src/case/intake.js';
import { syncOnce, type SyncOptions } from '../../src/sync/run.js';
import { PUBLIC_FIXTURES } from './paths.js';

export const OFFICE_CODE = '430105003001';
export const FIXTURE_INBOX = join(PUBLIC_FIXTURES, 'inbox');
export const FIXTURE_INTAKE = join(PUBLIC_FIXTURES, 'intake');

export const CASE = (n: number) => `${OFFICE_CODE}-2026-${String(n).padStart(4, '0')}`;
export const LIU = '430105197803152315';
export const HUANG = '430105194612033264';
export const CHEN = '43010519821128129X';
export const ZHAO = '430105196908143576';

export interface TestOffice {
  office: Office;
  dir: string;
  shared: string;
  inbox: string;
  env: NodeJS.ProcessEnv;
}

export async function makeOffice(opts: { now?: string; withCases?: boolean } = {}): Promise<TestOffice> {
  const root = mkdtempSync(join(tmpdir(), 'jiuzhu-sync-'));
  const dir = join(root, 'data');
  const shared = join(root, 'shared');
  const inbox = join(shared, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const env = { ...process.env, JIUZHU_NOW: opts.now ?? '2026-11-02' };
  const office = await Office.create(dir, env);
  await office.transact({ operator: '王芳', source: 'local', action: 'init' }, (tx) => {
    tx.put('settings', 'office', defaultSettings({ code: OFFICE_CODE, name: '东风社区', shared }));
  });
  if (opts.withCases !== false) await addFixtureCases(office);
  return { office, dir, shared, inbox, env };
}

export async function addFixtureCases(office: Office): Promise<void> {
  for (const f of readdirSync(FIXTURE_INTAKE).sort()) {
    const checked = checkIntake(JSON.parse(readFileSync(join(FIXTURE_INTAKE, f), 'utf8')));
    if (!checked.ok) throw new Error(`fixture ${f}: ${JSON.stringify(checked.problems)}`);
    await office.transact({ operator: '王芳', source: 'local', action: 'case.add' }, (tx) => addCase(tx, checked.value));
  }
}

/** Writes a file into the inbox as if copied a minute ago (so it counts as arrived). */
export function drop(t: TestOffice, name: string, content: string | Buffer): string {
  const path = join(t.inbox, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
  return path;
}

export function dropFixture(t: TestOffice, file: string, as = file): string {
  return drop(t, as, readFileSync(join(FIXTURE_INBOX, file)));
}

export const FIXTURE_FILES = readdirSync(FIXTURE_INBOX).filter((f) => f.endsWith('.csv')).sort();

/** A CSV as a spreadsheet saves it: UTF-8 with BOM, CRLF. */
export function csv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function sync(t: TestOffice, opts: Partial<SyncOptions> = {}) {
  return syncOnce(t.office, { shared: t.shared, stableMs: 0, ...opts });
}

export interface ReceiptLine {
  行号: string;
  结果: string;
  原因: string;
  申请编号: string;
  身份证号: string;
}

export async function readReceipt(t: TestOffice, receipt: string): Promise<ReceiptLine[]> {
  const buf = await readFile(join(t.shared, 'outbox', 'receipts', receipt));
  if (buf[0] !== 0xef || buf[1] !== 0xbb || buf[2] !== 0xbf) throw new Error(`${receipt} has no UTF-8 BOM`);
  return parse(buf.subarray(3), { columns: true }) as ReceiptLine[];
}

/** The stores' merged content, for comparing two runs (the files bookkeeping left out). */
export function stateOf(office: Office, opts: { openPendingOnly?: boolean } = {}): Record<string, unknown> {
  const v = office.view;
  const byId = <T extends object>(rows: readonly T[], key: (r: T) => string) =>
    Object.fromEntries([...rows].map((r) => [key(r), r]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  const pending = v.all('pending').filter((p) => !opts.openPendingOnly || !p.resolvedOn);
  return {
    households: byId(v.all('households'), (h) => h.id),
    members: byId(v.all('members'), (m) => m.idNumber),
    cases: byId(v.all('cases'), (c) => c.caseNo),
    enrolments: byId(v.all('enrolments'), (e) => e.id),
    decisions: byId(v.all('decisions') as { id: string }[], (d) => d.id),
    standards: byId(v.all('standards'), (s) => s.id),
    holidays: byId(v.all('holidays') as { id: string }[], (h) => h.id),
    pending: byId(opts.openPendingOnly ? pending.map((p) => ({ ...p, since: '' })) : pending, (p) => p.id),
  };
}
