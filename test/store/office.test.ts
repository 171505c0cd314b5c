import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Office, StoreError } from '../../src/store/office.js';
import { readJournal, GENESIS_HASH } from '../../src/store/journal.js';
import { child } from '../support/paths.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { writeDemoOffice } from '../../src/demo/write.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'jiuzhu-store-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const meta = { operator: '王芳', source: 'local' as const, action: 'test' };
/** A checkpoint after every change: the store files follow the journal at once. */
const everyChange = { ...process.env, JIUZHU_CHECKPOINT_BYTES: '0' };
/** A bound of 1 MiB and no rewrite of small stores at each change: a big office's behaviour on a small one. */
const bigOffice = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1 << 20) };

function runWriter(dir: string, who: string, count: number): { done: Promise<string[]>; started: Promise<void>; kill: () => void } {
  const p = spawn(process.execPath, [child('writer'), dir, who, String(count)], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  // The first acknowledged write: kills are timed from here, not from the spawn, whose start-up a loaded machine stretches.
  const started = new Promise<void>((resolve) => {
    p.stdout.once('data', () => resolve());
    p.once('exit', () => resolve());
  });
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const done = new Promise<string[]>((resolve, reject) => {
    p.on('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(out.split('\n').filter(Boolean));
      else reject(new Error(`writer exited ${code}: ${err}`));
    });
  });
  return { done, started, kill: () => p.kill('SIGKILL') };
}

async function verifyChain(dir: string): Promise<number> {
  const tail = await readJournal(join(dir, 'journal.jsonl'), 0, GENESIS_HASH, 0);
  expect(tail.damage).toBeNull();
  return tail.entries.length;
}

describe('the office stores', () => {
  it('keeps a committed change across a reopen: in the journal at once, in its own store file at the checkpoint', async () => {
    const dir = await tempDir();
    const a = await Office.create(dir, bigOffice);
    const storeBefore = await readFile(join(dir, 'settings.json'), 'utf8');
    await a.transact(meta, (tx) => tx.put('counters', 'case-2026', { id: 'case-2026', value: 7 }));
    // The commit wrote the journal only: the store file is the checkpoint, rewritten later.
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(storeBefore);
    const b = await Office.open(dir, { env: bigOffice });
    expect(b.view.get('counters', 'case-2026')?.value).toBe(7);
    await b.checkpoint({ force: true });
    const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(file.collections.counters['case-2026'].value).toBe(7);
    expect(file.journalSeq).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')).seq).toBe(1);
    expect((await Office.open(dir, { env: bigOffice })).view.get('counters', 'case-2026')?.value).toBe(7);
  });

  it('rewrites the store files of a small office at every change (cheaper than the bound allows)', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir, { ...process.env, JIUZHU_CHECKPOINT_BYTES: undefined });
    await o.transact(meta, (tx) => tx.put('counters', 'x', { id: 'x', value: 1 }));
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).journalSeq).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')).seq).toBe(1);
  });

  it("does not rewrite a big office's summary for a change to a small store: the summary counts as what a checkpoint rewrites", async () => {
    const root = await tempDir();
    const dir = join(root, 'office');
    await writeDemoOffice(dir, join(root, 'exchange'), { seed: 5, households: 150, officeCode: '430105003001', officeName: '东风社区', today: '2026-11-23' });
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: undefined };
    const o = await Office.open(dir, { env });
    const summary = await readFile(join(dir, 'summary.json'));
    expect(summary.length).toBeGreaterThan(32 << 10);
    const head = await readFile(join(dir, 'head.json'), 'utf8');
    // settings.json is a few KB: alone it would be cheaper to rewrite than to replay.
    const { seq } = await o.transact(meta, (tx) => tx.put('counters', 'x', { id: 'x', value: 1 }));
    expect(await readFile(join(dir, 'head.json'), 'utf8')).toBe(head);
    expect((await readFile(join(dir, 'summary.json'))).equals(summary)).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).journalSeq).toBeLessThan(seq!);
    expect((await Office.open(dir, { env })).view.get('counters', 'x')?.value).toBe(1);
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
  }, 60_000);

  it('checkpoints by itself once the journal past the last checkpoint passes the bound', async () => {
    const dir = await tempDir();
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: '2000' };
    const o = await Office.create(dir, env);
    let seq = 0;
    for (let i = 0; i < 20; i++) seq = (await o.transact(meta, (tx) => tx.put('counters', `c${i}`, { id: `c${i}`, value: i }))).seq!;
    const head = JSON.parse(await readFile(join(dir, 'head.json'), 'utf8'));
    expect(head.seq).toBeGreaterThan(0);
    expect(head.seq).toBeLessThan(seq);
    const journal = (await stat(join(dir, 'journal.jsonl'))).size;
    expect(journal - head.end).toBeLessThan(2000);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).journalSeq).toBe(head.seq);
    const again = await Office.open(dir, { env });
    expect(again.view.count('counters')).toBe(20);
    expect((await runDoctor(dir, { shared: null })).ok).toBe(true);
  });

  it('creates data files 0600 and the folder 0700', async () => {
    const dir = join(await tempDir(), 'office');
    const o = await Office.create(dir);
    await o.transact(meta, (tx) => tx.put('counters', 'x', { id: 'x', value: 1 }));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const f of await readdir(dir)) {
      const st = await stat(join(dir, f));
      if (st.isFile()) expect([f, st.mode & 0o777]).toEqual([f, 0o600]);
    }
  });

  it('commits nothing when the function throws, and nothing when nothing changed', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir);
    await expect(
      o.transact(meta, (tx) => {
        tx.put('counters', 'a', { id: 'a', value: 1 });
        throw new Error('拒绝');
      }),
    ).rejects.toThrow('拒绝');
    expect(o.view.get('counters', 'a')).toBeUndefined();
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    const again = await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    expect(again.seq).toBeNull();
    expect(await verifyChain(dir)).toBe(1);
  });

  it('journals who, when, from where and the fields that changed, chained by hash', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir, { ...process.env, JIUZHU_NOW: '2026-11-23T10:15:00+08:00' });
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    await o.transact({ ...meta, operator: '李强', source: 'file:abc' }, (tx) => tx.update('counters', 'a', (r) => void (r.value = 2)));
    const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({
      seq: 2,
      at: '2026-11-23T10:15:00+08:00',
      operator: '李强',
      source: 'file:abc',
      changes: [{ c: 'counters', id: 'a', op: 'update', set: { value: 2 }, was: { value: 1 } }],
      prev: lines[0].hash,
    });
  });

  it('detects an edited journal entry', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir);
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    await o.transact(meta, (tx) => tx.put('counters', 'b', { id: 'b', value: 1 }));
    const path = join(dir, 'journal.jsonl');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"value":1', '"value":9'));
    const tail = await readJournal(path, 0, GENESIS_HASH, 0);
    expect(tail.damage?.line).toBe(1);
  });

  it('replays a committed entry whose store writes a crash cut off', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir, everyChange);
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    const before = await readFile(join(dir, 'settings.json'));
    const headBefore = await readFile(join(dir, 'head.json'));
    await o.transact(meta, (tx) => {
      tx.put('counters', 'a', { id: 'a', value: 2 });
      tx.put('households', 'h1', { id: 'h1' } as never);
    });
    // As if the process died right after the journal append.
    await writeFile(join(dir, 'settings.json'), before);
    await writeFile(join(dir, 'head.json'), headBefore);
    const again = await Office.open(dir, { env: everyChange });
    expect(again.view.get('counters', 'a')?.value).toBe(2);
    expect(again.view.get('households', 'h1')).toBeDefined();
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).journalSeq).toBe(2);
  });

  it('drops an append that a crash left incomplete', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir);
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    const path = join(dir, 'journal.jsonl');
    await writeFile(path, `${await readFile(path, 'utf8')}{"seq":2,"at":"2026`);
    const again = await Office.open(dir);
    await again.transact(meta, (tx) => tx.put('counters', 'b', { id: 'b', value: 1 }));
    expect(await verifyChain(dir)).toBe(2);
  });

  it('removes the temp file of a store write that a crash interrupted', async () => {
    const dir = await tempDir();
    await Office.create(dir);
    await writeFile(join(dir, '.cases.json.4242.deadbeef.tmp'), '{"store":"ca');
    await Office.open(dir);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to open when the journal was cut short of what the stores recorded', async () => {
    const dir = await tempDir();
    const o = await Office.create(dir, everyChange);
    await o.transact(meta, (tx) => tx.put('counters', 'a', { id: 'a', value: 1 }));
    await o.transact(meta, (tx) => tx.put('counters', 'b', { id: 'b', value: 1 }));
    const path = join(dir, 'journal.jsonl');
    const first = (await readFile(path, 'utf8')).split('\n')[0];
    await writeFile(path, `${first}\n`);
    await writeFile(join(dir, 'head.json'), JSON.stringify({ seq: 1, hash: JSON.parse(first!).hash, end: Buffer.byteLength(first!) + 1 }));
    await expect(Office.open(dir)).rejects.toThrow(/日志被截断/);
  });

  it('names a store file that is not JSON', async () => {
    const dir = await tempDir();
    await Office.create(dir);
    await writeFile(join(dir, 'cases.json'), '{"store":"cases","sch');
    await expect(Office.open(dir)).rejects.toThrow(StoreError);
    await expect(Office.open(dir)).rejects.toThrow(/cases\.json/);
  });

  it('sees another process\'s changes on refresh', async () => {
    const dir = await tempDir();
    const app = await Office.create(dir);
    const seen: number[] = [];
    app.onChange((e) => seen.push(...e.map((x) => x.seq)));
    const daemon = await Office.open(dir);
    await daemon.transact(meta, (tx) => tx.put('counters', 'd', { id: 'd', value: 5 }));
    expect(app.view.get('counters', 'd')).toBeUndefined();
    await app.refresh();
    expect(app.view.get('counters', 'd')?.value).toBe(5);
    expect(seen).toEqual([1]);
  });

  it('loses none of 1,000 changes from two processes writing at once', async () => {
    const dir = await tempDir();
    await Office.create(dir);
    const [a, b] = await Promise.all([runWriter(dir, 'a', 500).done, runWriter(dir, 'b', 500).done]);
    expect(a).toHaveLength(500);
    expect(b).toHaveLength(500);
    const o = await Office.open(dir);
    expect(o.view.get('counters', 'a')?.value).toBe(500);
    expect(o.view.get('counters', 'b')?.value).toBe(500);
    expect(o.view.count('meta')).toBe(1000);
    expect(o.view.count('outbound')).toBe(1000);
    expect(await verifyChain(dir)).toBe(1000);
  });

  it('survives 50 SIGKILLs of a writer at random moments with every acknowledged change kept', async () => {
    const dir = await tempDir();
    await Office.create(dir);
    const acknowledged = new Set<string>();
    let total = 0;
    for (let k = 0; k < 50; k++) {
      const w = runWriter(dir, `w${k}`, 100000);
      await w.started;
      setTimeout(w.kill, Math.floor(Math.random() * 150));
      for (const key of await w.done) acknowledged.add(key);
      // Every kill leaves a folder that opens, with a valid chain and consistent stores.
      const o = await Office.open(dir);
      total = await verifyChain(dir);
      const counters = o.view.all('counters').reduce((s, c) => s + c.value, 0);
      expect(o.view.count('meta')).toBe(total);
      expect(o.view.count('outbound')).toBe(total);
      expect(counters).toBe(total);
      const report = await runDoctor(dir);
      expect(report.findings.filter((f) => f.level === 'damage')).toEqual([]);
    }
    const o = await Office.open(dir);
    for (const key of acknowledged) expect(o.view.get('meta', key)).toBeDefined();
    expect(acknowledged.size).toBeGreaterThan(0);
  }, 180_000);
});
