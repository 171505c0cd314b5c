// Thousands of damaged, odd and random files dropped into one inbox (and the
// folders below it), read by sync once: nothing throws, every file that is
// not ignored gets exactly one receipt that agrees with the file, copies of
// the same content each get their own receipt (the later ones 重复文件), the
// inbox is left exactly as it was, and the stores open and pass the doctor.
// Deterministic: the corpus comes from a fixed seed.
import { chmodSync, existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/exchange/readCsv.js';
import { detectKind } from '../../src/exchange/inbound/detect.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { Office } from '../../src/store/office.js';
import { RECEIPT_COLUMNS } from '../../src/sync/receipts.js';
import { SyncState } from '../../src/sync/seen.js';
import { corpusFile, hugeFile, Rng } from './support/corpus.js';
import {
  drop,
  expectedReceiptName,
  fastTmpdir,
  fixtureText,
  listReceipts,
  makeOffice,
  NOW_ENV,
  parseReceipt,
  removeAll,
  sha256,
  sync,
  treeListing,
  utf8Bom,
  type TestOffice,
} from './support/office.js';

const SEED = 20261120;
const FILES = 2000;
const COPIES = 60;
const HUGE = 3;

const FOLDERS = ['', '', '', 'township/', 'county/2026-11/', '街道 审核/', 'deep/a/b/c/d/', 'USB盘/区县/'];
const EXTENSIONS = ['.csv', '.csv', '.csv', '.csv', '.CSV', ''];
/** Names the spec says to ignore: none of them may get a receipt. */
const IGNORED = ['~$审批结果.csv', '.hidden.csv', '审批结果.csv.part', 'a.csv.PART', 'b.tmp', 'c.csv.crdownload', '.~lock.审批结果.csv#', '.syncthing.x.csv.tmp'];

const RESULTS = new Set(['已应用', '未变化', '已过时', '拒绝', '待处理']);

interface Dropped {
  rel: string;
  bytes: Buffer;
  how: string;
}

function buildInbox(o: TestOffice): { files: Dropped[]; ignored: string[] } {
  const rng = new Rng(SEED);
  const files: Dropped[] = [];
  const put = (rel: string, bytes: Buffer, how: string) => {
    drop(o.inbox, rel, bytes);
    files.push({ rel, bytes, how });
  };
  for (let i = 0; i < FILES - COPIES - HUGE; i++) {
    const f = corpusFile(rng);
    const name = `${String(i).padStart(4, '0')}${rng.pick(['', ' 审批结果', '-roster', '（第2批）', ' copy'])}${rng.pick(EXTENSIONS)}`;
    put(`${rng.pick(FOLDERS)}${name}`, f.bytes, f.how);
  }
  for (let i = 0; i < HUGE; i++) {
    const f = hugeFile(rng);
    put(`huge/${i}-huge.csv`, f.bytes, f.how);
  }
  // The same content again under other names: Syncthing conflict copies, a re-sent file.
  for (let i = 0; i < COPIES; i++) {
    const src = files[rng.int(files.length - HUGE)]!;
    const base = src.rel.split('/').at(-1)!.replace(/\.csv$/i, '');
    const rel = rng.chance(0.5) ? `${base}.sync-conflict-20261120-0930${String(i).padStart(2, '0')}-ABCDEFG.csv` : `resent/${base} (${i + 1}).csv`;
    put(rel, src.bytes, `copy of ${src.rel}`);
  }
  // Ignored names, in subfolders too, holding readable files that would otherwise be applied.
  const ignored: string[] = [];
  IGNORED.forEach((name, i) => {
    for (const folder of ['', 'county/2026-11/', 'deep/a/']) {
      const rel = `${folder}${name}`;
      drop(o.inbox, rel, utf8Bom(fixtureText('04-township-review.csv').replace('2026-11-20', `2026-11-${21 + (i % 8)}`) + `${'\r\n'.repeat(i + 1)}`));
      ignored.push(rel);
    }
  });
  // Some files read-only, all with their own past mtimes: none of it may change.
  files.forEach((f, i) => {
    const abs = join(o.inbox, ...f.rel.split('/'));
    if (i % 7 === 0) chmodSync(abs, 0o444);
    const t = new Date(Date.UTC(2026, 10, 20, 1, 0, 0) + i * 1000);
    utimesSync(abs, t, t);
  });
  return { files, ignored };
}

/** JavaScript's string order, which the run uses to pick the first of several copies. */
const byRel = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

afterAll(removeAll);

describe('sync once over thousands of damaged and random files', () => {
  it(`reads ${FILES} files without throwing, one receipt each, inbox untouched, stores sound`, async () => {
    const o = await makeOffice({ prefix: 'jiuzhu-fuzz-', base: fastTmpdir() });
    const { files, ignored } = buildInbox(o);
    expect(files.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(files.map((f) => f.rel)).size).toBe(files.length);
    const inboxBefore = treeListing(o.inbox);

    const state = new SyncState();
    const first = await sync(o, { state });
    expect(first.problems).toEqual([]);
    expect(first.arriving).toBe(0);

    // Which name of each content is processed, which are copies.
    const bySha = new Map<string, Dropped[]>();
    for (const f of files) {
      const sha = sha256(f.bytes);
      bySha.set(sha, [...(bySha.get(sha) ?? []), f]);
    }
    for (const list of bySha.values()) list.sort((a, b) => byRel(a.rel, b.rel));
    const duplicates = [...bySha.values()].filter((l) => l.length > 1);
    expect(duplicates.length).toBeGreaterThanOrEqual(COPIES / 2);

    // Every file reported once; the first of each content merged, the others duplicates.
    // (Mismatches are collected and compared at the end: thousands of expect calls cost seconds.)
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) wrong.push(what);
    };
    const reported = new Map(first.files.map((r) => [r.name, r]));
    expect(first.files).toHaveLength(files.length);
    expect([...reported.keys()].sort(byRel)).toEqual(files.map((f) => f.rel).sort(byRel));
    for (const list of bySha.values()) {
      list.forEach((f, i) => check((reported.get(f.rel)?.outcome === 'duplicate') === i > 0, `${f.rel} (${f.how}): outcome ${reported.get(f.rel)?.outcome}`));
    }

    // Exactly one receipt per file, none for the ignored names, none other.
    const receipts = listReceipts(o);
    const expectedNames = files.map((f) => expectedReceiptName(f.rel, f.bytes));
    expect(new Set(expectedNames).size).toBe(files.length);
    expect(receipts).toEqual([...expectedNames].sort());
    for (const rel of ignored) expect(receipts.some((n) => n.endsWith(`-${rel.split('/').at(-1)!.replace(/\.csv$/i, '')}.csv`))).toBe(false);

    // Each receipt agrees with its file.
    let wholeFileRejections = 0;
    let rowsApplied = 0;
    for (const list of bySha.values()) {
      list.forEach((f, i) => {
        const name = expectedReceiptName(f.rel, f.bytes);
        const receipt = parseReceipt(name, readFileSync(join(o.receipts, name)));
        const what = `${f.rel} (${f.how})`;
        check(receipt.header.join() === RECEIPT_COLUMNS.join(), `${what}: receipt header ${receipt.header.join()}`);
        if (i > 0) {
          const r = receipt.rows[0];
          check(receipt.rows.length === 1 && r?.行号 === '0' && r.原因.includes('重复文件'), `${what}: duplicate receipt ${JSON.stringify(receipt.rows)}`);
          return;
        }
        const table = readCsvTable(f.bytes);
        const kind = table.ok ? detectKind(table.headers) : null;
        if (!table.ok || !kind?.ok) {
          wholeFileRejections++;
          const r = receipt.rows[0];
          check(receipt.rows.length === 1 && r?.行号 === '0' && r.结果 === '拒绝' && r.原因 !== '', `${what}: whole-file rejection ${JSON.stringify(receipt.rows)}`);
          return;
        }
        const notes = receipt.rows.filter((r) => r.结果 === '提示');
        const data = receipt.rows.filter((r) => r.结果 !== '提示');
        const ignoredColumns = kind.unknownColumns.length + table.duplicateHeaders.length;
        check(notes.length === (ignoredColumns > 0 ? 1 : 0), `${what}: ${notes.length} 提示 rows for ${ignoredColumns} ignored columns`);
        if (notes[0]) {
          check(notes[0].行号 === String(table.headerRowNumber), `${what}: 提示 on row ${notes[0].行号}, header on ${table.headerRowNumber}`);
          for (const c of kind.unknownColumns) check(notes[0].原因.includes(c), `${what}: 提示 does not name ${c}`);
        }
        // One receipt row per data row, numbered as a spreadsheet shows it.
        const numbers = data.map((r) => r.行号).join();
        const want = table.rows.map((r) => String(r.rowNumber)).join();
        check(numbers === want, `${what}: receipt rows ${numbers}, data rows ${want}`);
        for (const r of data) {
          check(RESULTS.has(r.结果), `${what} row ${r.行号}: 结果 ${r.结果}`);
          if (r.结果 !== '已应用' && r.结果 !== '未变化') check(r.原因 !== '', `${what} row ${r.行号}: ${r.结果} without a reason`);
          if (r.结果 === '已应用') rowsApplied++;
        }
        // Kept byte for byte.
        const kept = join(o.data, 'sync', 'received', sha256(f.bytes));
        check(existsSync(kept) && readFileSync(kept).equals(f.bytes), `${what}: not kept byte for byte`);
      });
    }
    expect(wrong).toEqual([]);
    // The corpus exercises both paths, not only one.
    expect(wholeFileRejections).toBeGreaterThan(100);
    expect(rowsApplied).toBeGreaterThan(50);

    // The inbox is exactly as it was: contents, sizes, modes, mtimes, folders.
    expect(treeListing(o.inbox)).toEqual(inboxBefore);

    // A second run, with the daemon's state and then without, finds nothing new.
    const again = await sync(o, { state });
    expect(again.files).toEqual([]);
    expect(again.problems).toEqual([]);
    const fresh = await sync(o);
    expect(fresh.files).toEqual([]);
    expect(listReceipts(o)).toEqual(receipts);
    expect(treeListing(o.inbox)).toEqual(inboxBefore);

    // The stores open cleanly and the doctor finds no damage.
    const reopened = await Office.open(o.data, { env: NOW_ENV });
    expect(reopened.view.count('files')).toBe(bySha.size);
    const doctor = await runDoctor(o.data);
    expect(doctor.findings.filter((f) => f.level === 'damage')).toEqual([]);
    expect(doctor.ok).toBe(true);
    // About 20–30 s on an idle two-core machine; the margin is for a busy one.
  }, 180_000);
});

describe('damaged files that reach the merge', () => {
  it('a roster whose householder row was cut off (a filtered or half-copied sheet) leaves the stores sound', async () => {
    const o = await makeOffice({ prefix: 'jiuzhu-fuzz-roster-' });
    // Row 6 of 07-roster.csv is 邓福生 himself; row 7, his wife 罗翠兰, stays.
    const lines = fixtureText('07-roster.csv').split('\r\n');
    expect(lines[5]).toContain('邓福生,430105195806211414,邓福生,430105195806211414,户主');
    const bytes = utf8Bom(lines.filter((_, i) => i !== 5).join('\r\n'));
    drop(o.inbox, 'roster-filtered.csv', bytes);
    const r = await sync(o);
    expect(r.problems).toEqual([]);
    expect(r.files).toHaveLength(1);
    const receipt = parseReceipt(expectedReceiptName('roster-filtered.csv', bytes), readFileSync(join(o.receipts, expectedReceiptName('roster-filtered.csv', bytes))));
    expect(receipt.rows.map((x) => x.行号)).toEqual(['2', '3', '4', '5', '6', '7']);
    // Whatever the run makes of the row, the stores must stay consistent: no household without its householder.
    const households = o.office.view.all('households');
    for (const h of households) expect(o.office.view.get('members', h.householderId), `household ${h.id}`).toBeDefined();
    const doctor = await runDoctor(o.data);
    expect(doctor.findings.filter((f) => f.level === 'damage')).toEqual([]);
  });
});
