// A crash at every step of a checkpoint (and right after a commit, before
// any checkpoint) leaves an office that opens with every committed change,
// that doctor passes, and whose next checkpoint brings the files up to the
// journal. The writer child kills itself with SIGKILL at the step that
// JIUZHU_CRASH_AT names (src/store/atomicFile.ts `crashPoint`).
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Office } from '../../src/store/office.js';
import { STORE_NAMES } from '../../src/store/schema.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { child } from '../support/paths.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const meta = { operator: '王芳', source: 'local' as const, action: 'test' };
const everyChange = { ...process.env, JIUZHU_CHECKPOINT_BYTES: '0' };

function crashingWriter(dir: string, point: string): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const p = spawn(process.execPath, [child('writer'), dir, 'w', '3'], {
    env: { ...everyChange, NODE_ENV: 'production', JIUZHU_CRASH_AT: point },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  return new Promise((resolve) => p.on('exit', (_code, signal) => resolve({ signal, out })));
}

const storeSeqs = async (dir: string) =>
  Object.fromEntries(await Promise.all(STORE_NAMES.map(async (s) => [s, JSON.parse(await readFile(join(dir, `${s}.json`), 'utf8')).journalSeq as number])));

const STEPS = [
  'commit:after-append',
  'checkpoint:before',
  'checkpoint:store-temp',
  'checkpoint:between-stores',
  'checkpoint:store-temp-next',
  'checkpoint:stores-written',
  'checkpoint:after',
];

describe('a crash in the middle of writing a journal line', () => {
  it('leaves a torn line: never committed, cut off at the next open, doctor passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-ckpt-'));
    dirs.push(dir);
    const o = await Office.create(dir, everyChange);
    await o.transact(meta, (tx) => tx.put('meta', 'm0', { id: 'm0', n: 0 }));
    const size = (await readFile(join(dir, 'journal.jsonl'))).length;
    const r = await crashingWriter(dir, 'commit:mid-append');
    expect(r.signal).toBe('SIGKILL');
    expect(r.out).toBe('');
    const torn = await readFile(join(dir, 'journal.jsonl'));
    expect(torn.length).toBeGreaterThan(size);
    expect(torn.at(-1)).not.toBe(0x0a);
    const again = await Office.open(dir, { env: everyChange });
    expect(again.journalHead.seq).toBe(1);
    expect(again.view.get('meta', 'w-0')).toBeUndefined();
    expect((await readFile(join(dir, 'journal.jsonl'))).length).toBe(size);
    expect((await runDoctor(dir, { shared: null })).findings.filter((f) => f.level === 'damage')).toEqual([]);
    await again.transact(meta, (tx) => tx.put('meta', 'm1', { id: 'm1', n: 1 }));
    expect((await Office.open(dir, { env: everyChange })).view.get('meta', 'm1')).toMatchObject({ n: 1 });
  });
});

describe('a crash at each step of a checkpoint', () => {
  for (const point of STEPS) {
    it(`${point}: the office opens with the change, doctor passes, the next checkpoint catches up`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-ckpt-'));
      dirs.push(dir);
      const o = await Office.create(dir, everyChange);
      for (let i = 0; i < 3; i++) {
        await o.transact(meta, (tx) => {
          tx.put('meta', `m${i}`, { id: `m${i}`, n: i });
          tx.put('decisions', `d${i}`, { id: `d${i}` } as never);
        });
      }
      expect(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')).seq).toBe(3);

      // The writer's first change touches two stores (settings and sync); it dies at `point`.
      const r = await crashingWriter(dir, point);
      expect(r.signal).toBe('SIGKILL');
      // Killed before it could say the change was saved; but the journal append came first.
      expect(r.out).toBe('');
      const head = JSON.parse(await readFile(join(dir, 'head.json'), 'utf8'));
      expect(head.seq).toBe(point === 'checkpoint:after' ? 4 : 3);
      if (point === 'checkpoint:store-temp') expect((await readdir(dir)).some((f) => f.endsWith('.tmp'))).toBe(true);

      // As it is on disk, before any open repairs anything: sound.
      const before = await runDoctor(dir, { shared: null });
      expect(before.findings.filter((f) => f.level === 'damage')).toEqual([]);
      expect(before.journalEntries).toBe(4);

      const again = await Office.open(dir, { env: everyChange });
      expect(again.journalHead.seq).toBe(4);
      expect(again.view.get('counters', 'w')?.value).toBe(1);
      expect(again.view.get('meta', 'w-0')).toMatchObject({ n: 0 });
      expect(again.view.get('outbound', 'w-0')).toMatchObject({ n: 0 });
      for (let i = 0; i < 3; i++) expect(again.view.get('decisions', `d${i}`)).toBeDefined();
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      await again.transact(meta, (tx) => tx.put('meta', 'after', { id: 'after', n: 5 }));
      await again.checkpoint({ force: true });
      expect(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')).seq).toBe(5);
      expect(await storeSeqs(dir)).toMatchObject({ settings: 5, sync: 4, households: 0 });
      expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    });
  }

  it('the journal is never cut back: a checkpoint leaves every entry, so doctor proves the stores from the first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-ckpt-'));
    dirs.push(dir);
    const o = await Office.create(dir, everyChange);
    for (let i = 0; i < 5; i++) await o.transact(meta, (tx) => tx.put('meta', `m${i}`, { id: `m${i}`, n: i }));
    const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect((await runDoctor(dir, { shared: null })).journalEntries).toBe(5);
  });
});
