// The summary beside the checkpoint stands for the office: the dashboard drawn
// from it equals the dashboard drawn from the whole data, after random changes,
// with and without checkpoints between them, and after a crash at every step of
// a checkpoint.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAscii } from 'node:buffer';
import { Office } from '../../src/store/office.js';
import { openSummaryView } from '../../src/store/summaryView.js';
import { readSummaryFile, readSummaryStamp, writeSummary } from '../../src/store/summary.js';
import { PIECE_CHARS } from '../../src/store/atomicFile.js';
import { writeDemoOffice } from '../../src/demo/write.js';
import { dashboard } from '../../src/dashboard/dashboard.js';
import { CASE_STATUSES } from '../../src/office/model.js';
import { child } from '../support/paths.js';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { readHeadFile, SUMMARY_MIN_BYTES } from '../../src/store/office.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { jiuzhu } from '../support/cli.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const TODAY = '2026-11-23';
process.env.JIUZHU_NOW = TODAY;
const meta = { operator: '王芳', source: 'local' as const, action: 'test' };

/** A small pseudo-random generator, seeded, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function demo(households: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'jiuzhu-summary-'));
  dirs.push(root);
  const dir = join(root, 'office');
  await writeDemoOffice(dir, join(root, 'shared'), { seed: 3, households, officeCode: '430105003001', officeName: '东风社区', today: TODAY });
  return dir;
}

async function same(dir: string, day = TODAY): Promise<boolean> {
  const sv = await openSummaryView(dir, day);
  const full = await Office.open(dir, { repair: false });
  if (!sv) return false;
  expect(dashboard(sv, day)).toEqual(dashboard(full.view, day));
  return true;
}

async function randomChange(office: Office, r: () => number): Promise<void> {
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  await office.transact(meta, (tx) => {
    const k = Math.floor(r() * 8);
    if (k <= 1) {
      const c = pick(tx.all('cases'));
      if (c) tx.update('cases', c.caseNo, (d) => void (d.status = pick(CASE_STATUSES)!));
    } else if (k === 2) {
      const e = pick(tx.all('enrolments'));
      if (e) tx.update('enrolments', e.id, (d) => void (d.status = pick(['active', 'suspended', 'terminated'] as const)!));
    } else if (k === 3) {
      const p = pick(tx.all('pending'));
      if (p) tx.update('pending', p.id, (d) => { if (d.resolvedOn) delete d.resolvedOn; else d.resolvedOn = TODAY; });
    } else if (k === 4) {
      const m = pick(tx.all('members'));
      if (m) tx.update('members', m.idNumber, (d) => void (d.name = `${m.name}甲`));
    } else if (k === 5) {
      const c = pick(tx.all('cases'));
      if (c && r() < 0.3) tx.delete('cases', c.caseNo);
      else if (c) tx.update('cases', c.caseNo, (d) => void (d.applicationDate = `2026-${String(1 + Math.floor(r() * 11)).padStart(2, '0')}-0${1 + Math.floor(r() * 9)}`));
    } else if (k === 6) {
      const id = `s-${Math.floor(r() * 1000)}`;
      tx.put('sessions', id, { id, date: pick(['2026-11-20', TODAY, '2026-11-24'])!, start: '09:00', end: '11:00', task: '清扫', marks: {} } as never);
    } else {
      const c = pick(tx.all('cases'));
      const h = pick(tx.all('households'));
      if (c && h) tx.update('cases', c.caseNo, (d) => void (d.householdId = h.id));
    }
  });
}

describe('the summary', () => {
  it('draws the same dashboard as the whole data, over random changes and checkpoints', async () => {
    const dir = await demo(40);
    const office = await Office.open(dir);
    await office.checkpoint({ force: true });
    expect(await same(dir)).toBe(true);
    const r = rng(16);
    let followed = 0;
    for (let i = 0; i < 60; i++) {
      await randomChange(office, r);
      if (r() < 0.15) await office.checkpoint({ force: true });
      if (await same(dir)) followed++;
    }
    // Most of the time the summary follows the journal; where it cannot, status loads the office.
    expect(followed).toBeGreaterThan(20);
    await office.checkpoint({ force: true });
    expect(await same(dir)).toBe(true);
  }, 120_000);

  it('is written on its own, ahead of the checkpoint, whenever the journal past it passes its bound', async () => {
    const dir = await demo(40);
    const bound = 6_000;
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1e9), JIUZHU_SUMMARY_BYTES: String(bound) };
    const office = await Office.open(dir, { env });
    await office.checkpoint({ force: true });
    const checkpoint = await readHeadFile(dir);
    const r = rng(23);
    let ahead = 0;
    let followed = 0;
    for (let i = 0; i < 40; i++) {
      await randomChange(office, r);
      const journal = (await stat(join(dir, 'journal.jsonl'))).size;
      const stamp = (await readSummaryStamp(dir))!;
      // What status and the first frame follow past it stays under the bound.
      expect(journal - stamp.end).toBeLessThan(bound);
      if (stamp.seq > (checkpoint as { seq: number }).seq) ahead++;
      if (await same(dir)) followed++;
    }
    // The store files and head.json stayed at the checkpoint; the summary moved on without them.
    expect(await readHeadFile(dir)).toEqual(checkpoint);
    expect(ahead).toBeGreaterThan(20);
    expect(followed).toBeGreaterThan(20);
    expect((await runDoctor(dir)).findings).toEqual([]);
    // Folded into the store files at last, the two still agree.
    await office.checkpoint({ force: true });
    expect(await same(dir)).toBe(true);
  }, 120_000);

  it('waits, by default, for a quarter of its own size (at least 64 KiB) of journal past it', async () => {
    const dir = await demo(40);
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1e9) };
    const office = await Office.open(dir, { env });
    await office.checkpoint({ force: true });
    const first = (await readSummaryStamp(dir))!;
    const bound = Math.max(SUMMARY_MIN_BYTES, Math.floor(first.bytes / 4));
    let n = 0;
    for (;;) {
      await office.transact(meta, (tx) => tx.put('meta', `m${n}`, { id: `m${n}`, note: '入户核实：'.repeat(40) }));
      n++;
      const stamp = (await readSummaryStamp(dir))!;
      if (office.journalHead.end - first.end < bound) {
        expect(stamp.seq).toBe(first.seq);
      } else {
        // The commit that passed the bound wrote it, at its own entry.
        expect(stamp.seq).toBe(office.journalHead.seq);
        break;
      }
    }
    expect(n).toBeGreaterThan(10);
    expect(await same(dir)).toBe(true);
  }, 60_000);

  it('stands for the data after a crash at every step of writing it on its own', async () => {
    for (const point of ['summary:before', 'summary:temp', 'summary:after']) {
      const dir = await demo(5);
      const before = (await readSummaryStamp(dir))!;
      const p = spawn(process.execPath, [child('writer'), dir, 'w', '3'], {
        env: { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1e9), JIUZHU_SUMMARY_BYTES: '0', NODE_ENV: 'production', JIUZHU_CRASH_AT: point, JIUZHU_NOW: TODAY },
        stdio: 'ignore',
      });
      const signal = await new Promise((resolve) => p.on('exit', (_c, s) => resolve(s)));
      expect(signal, point).toBe('SIGKILL');
      // The change was committed before the summary was begun: it is kept whatever the summary.
      const stamp = (await readSummaryStamp(dir))!;
      expect(stamp.seq, point).toBe(point === 'summary:after' ? before.seq + 1 : before.seq);
      expect((await readdir(dir)).some((f) => f.endsWith('.tmp')), point).toBe(point === 'summary:temp');
      expect(await same(dir), point).toBe(true);
      const office = await Office.open(dir);
      expect(office.view.get('counters', 'w')?.value, point).toBe(1);
      expect((await readdir(dir)).some((f) => f.endsWith('.tmp')), point).toBe(false);
      expect((await runDoctor(dir)).findings, point).toEqual([]);
    }
  }, 120_000);

  it('is not used for a day before it was made (sessions of that day are left out)', async () => {
    const dir = await demo(5);
    await (await Office.open(dir)).checkpoint({ force: true });
    expect(await openSummaryView(dir, '2026-11-01')).toBeNull();
    expect(await openSummaryView(dir, TODAY)).not.toBeNull();
  }, 60_000);

  it('stands for the data after a crash at every step of a checkpoint', async () => {
    for (const point of ['checkpoint:stores-written', 'checkpoint:summary-written', 'checkpoint:after']) {
      const dir = await demo(5);
      const p = spawn(process.execPath, [child('writer'), dir, 'w', '3'], {
        env: { ...process.env, JIUZHU_CHECKPOINT_BYTES: '0', NODE_ENV: 'production', JIUZHU_CRASH_AT: point, JIUZHU_NOW: TODAY },
        stdio: 'ignore',
      });
      const signal = await new Promise((resolve) => p.on('exit', (_c, s) => resolve(s)));
      expect(signal).toBe('SIGKILL');
      expect(await same(dir)).toBe(true);
    }
  }, 120_000);

  it('is written some records at a time, and the pieces make the summary doctor derives from the stores', async () => {
    const dir = await demo(150);
    const office = await Office.open(dir);
    await office.checkpoint({ force: true });
    const bytes = await readFile(join(dir, 'summary.json'));
    // Many pieces, each of whole records: the households alone are several.
    expect(bytes.length).toBeGreaterThan(8 * PIECE_CHARS);
    const s = JSON.parse(bytes.toString('utf8'));
    expect(Object.keys(s.collections.households).length).toBeGreaterThan(100);
    expect(s.counts.cases).toBe(office.view.count('cases'));
    const doctor = await runDoctor(dir);
    expect(doctor.findings.filter((f) => f.where === 'summary.json')).toEqual([]);
    expect(await same(dir)).toBe(true);
  }, 60_000);

  it('is checked by doctor, and made again by doctor --repair', async () => {
    const dir = await demo(8);
    await (await Office.open(dir)).checkpoint({ force: true });
    expect((await runDoctor(dir)).ok).toBe(true);
    const file = join(dir, 'summary.json');
    const s = JSON.parse(await readFile(file, 'utf8'));
    const [no] = Object.keys(s.collections.cases);
    s.collections.cases[no!].status = 'accepted';
    s.collections.cases[no!].acceptedOn = '2026-01-02';
    await writeFile(file, JSON.stringify(s));
    const bad = await runDoctor(dir);
    expect(bad.ok).toBe(false);
    expect(bad.findings.some((f) => f.where === 'summary.json' && f.level === 'damage')).toBe(true);
    const fixed = await runDoctor(dir, { repair: true });
    expect(fixed.findings.some((f) => f.where === 'summary.json' && f.level === 'repaired')).toBe(true);
    expect((await runDoctor(dir)).ok).toBe(true);
    expect(await same(dir)).toBe(true);
  }, 60_000);

  it('is written in ASCII (its Chinese escaped), and one written in UTF-8 reads the same', async () => {
    const dir = await demo(8);
    const office = await Office.open(dir);
    await office.checkpoint({ force: true });
    const file = join(dir, 'summary.json');
    const bytes = await readFile(file);
    expect(isAscii(bytes)).toBe(true);
    const parsed = JSON.parse(bytes.toString('utf8'));
    expect(JSON.stringify(parsed)).toMatch(/[\u4e00-\u9fff]/);
    const before = dashboard((await openSummaryView(dir, TODAY))!, TODAY);
    await writeFile(file, JSON.stringify(parsed));
    expect(isAscii(await readFile(file))).toBe(false);
    expect(dashboard((await openSummaryView(dir, TODAY))!, TODAY)).toEqual(before);
    expect(before).toEqual(dashboard(office.view, TODAY));
    // Any text comes back as it was: Latin-1, CJK, and a character beyond the BMP (its two surrogates).
    const text = '·é×—低保😀';
    const s = JSON.parse(bytes.toString('utf8'));
    await writeSummary(dir, { meta: { x: { id: 'x', text } } }, s, s.since);
    expect(isAscii(await readFile(file))).toBe(true);
    expect((await readSummaryFile(dir))!.collections.meta!.x).toEqual({ id: 'x', text });
  }, 60_000);

  it("says the store's messages in English with --lang en", async () => {
    const root = await mkdtemp(join(tmpdir(), 'jiuzhu-summary-'));
    dirs.push(root);
    const r = jiuzhu(['status', '--data', join(root, 'none'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no office data');
    expect(r.stderr).not.toMatch(/[\u3400-\u9fff]/);
  });
});
