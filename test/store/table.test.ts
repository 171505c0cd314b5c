// Many changes of one shape are journaled as a table (src/store/table.ts):
// reading expands it into exactly the changes it stands for, and an office
// reopened or followed from the journal holds what the writer holds.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactChanges, expandChanges, TABLE_MIN_ROWS } from '../../src/store/table.js';
import { appendEntryDurably, serializeEntry, GENESIS_HASH, type Change } from '../../src/store/journal.js';
import { Office } from '../../src/store/office.js';
import { runDoctor } from '../../src/maintenance/doctor.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Changes of a few shapes, with nested records, arrays, nulls and odd values. */
function randomChanges(rand: () => number, n: number): Change[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, (_, i): Change => {
    const shape = Math.floor(rand() * 5);
    const id = `r${i}`;
    if (shape === 0) return { c: 'decisions', id, op: 'create', set: { id, kind: 'county-decision', n: i, record: { caseNo: `c${i}`, result: pick(['批准', '不批准']), persons: pick([1, 2, null]), by: pick(['罗', '']) }, subjects: [`case:${i}`] } };
    if (shape === 1) return { c: 'cases', id, op: 'update', set: { status: pick(['approved', 'rejected']), decision: { result: '批准', date: '2026-11-25', reason: pick(['x', 'y']) } }, was: { status: 'submitted', decision: null } };
    if (shape === 2) return { c: 'cases', id, op: 'update', set: { status: 'approved' }, was: {} };
    if (shape === 3) return { c: 'enrolments', id, op: 'create', set: { id, history: [{ at: 'x', event: 'approved', n: i }], covered: [], extra: pick([{}, { a: 1 }, { b: 2 }]) } };
    return pick<Change>([
      { c: 'pending', id, op: 'delete', was: { id } },
      { c: 'pending', id, op: 'update', set: { a: 1 }, was: { a: 0 }, unset: ['b'] },
      { c: 'members', id, op: 'create', set: { id, name: `测"\\${i}`, u: undefined } },
    ]);
  });
}

const byRecord = (chs: Change[]) => new Map(chs.map((c) => [`${c.c}:${c.id}`, JSON.stringify(c)]));

describe('changes journaled as tables', () => {
  it('expand into exactly the changes they stand for, fields in their order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = rng(seed);
      const changes = randomChanges(rand, Math.floor(rand() * 400));
      const stored = JSON.parse(JSON.stringify(compactChanges(changes)));
      const back = expandChanges(stored);
      expect(back.length).toBe(changes.length);
      const want = byRecord(JSON.parse(JSON.stringify(changes)));
      expect(byRecord(back)).toEqual(want);
      if (changes.length >= 5 * TABLE_MIN_ROWS * 2) expect(stored.some((c: { op: string }) => c.op === 'table')).toBe(true);
    }
  });

  it('leaves a small entry as it is', () => {
    const changes = randomChanges(rng(3), TABLE_MIN_ROWS - 1);
    expect(compactChanges(changes)).toBe(changes);
  });

  it('writes a table in pieces as the whole line would be', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-table-'));
    dirs.push(dir);
    const path = join(dir, 'journal.jsonl');
    const body = { seq: 1, at: 'now', operator: 'x', source: 'local' as const, action: 'a', changes: compactChanges(randomChanges(rng(9), 3000)), prev: GENESIS_HASH };
    await appendEntryDurably(path, body);
    expect(await readFile(path, 'utf8')).toBe(serializeEntry(body as never).line);
  });

  it('an office that commits thousands of changes at once reopens, is followed and passes doctor, and the line is smaller', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-table-'));
    dirs.push(dir);
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1 << 30) };
    const writer = await Office.create(dir, env);
    const reader = await Office.open(dir, { env });
    const meta = { operator: '同步', source: 'local' as const, action: 'test' };
    await writer.transact(meta, (tx) => {
      tx.put('households', 'h1', { id: 'h1', householderId: '430105194612033264' } as never);
      tx.put('members', '430105194612033264', { idNumber: '430105194612033264', householdId: 'h1', name: '甲' } as never);
      for (let i = 0; i < 3000; i++) tx.put('cases', `c${i}`, { caseNo: `c${i}`, householdId: 'h1', status: 'submitted', decision: null, history: [{ at: 'x', event: 'accepted' }] } as never);
    });
    await writer.transact(meta, (tx) => {
      for (let i = 0; i < 3000; i++) {
        tx.update('cases', `c${i}`, (c) => void Object.assign(c, { status: 'approved', decision: { result: '批准', date: '2026-11-25', persons: 1 + (i % 3) } }));
        tx.put('decisions', `d${i}`, { id: `d${i}`, kind: 'county-decision', sha256: 'f'.repeat(64), record: { caseNo: `c${i}`, result: '批准', amount: 650 + (i % 300) } } as never);
      }
    });
    const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    expect(last.changes.map((c: { op: string }) => c.op)).toEqual(['table', 'table']);
    expect(Buffer.byteLength(lines.at(-1)!)).toBeLessThan(3000 * 120);
    await reader.refresh();
    const reopened = await Office.open(dir, { env });
    for (const o of [reader, reopened]) {
      for (const c of ['cases', 'decisions'] as const) expect(JSON.stringify(o.view.all(c))).toBe(JSON.stringify(writer.view.all(c)));
    }
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    await writer.checkpoint({ force: true });
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
  });
});
