// Big texts are written in pieces (a merge's journal line, a checkpoint's
// store file): the pieces must make exactly the text written whole before.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storePieces } from '../../src/store/office.js';
import { writePieces } from '../../src/store/atomicFile.js';
import { appendEntryDurably, serializeEntry, readJournal, GENESIS_HASH, type EntryBody } from '../../src/store/journal.js';
import { emptyStoreFile } from '../../src/store/schema.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('texts written in pieces', () => {
  it('a store file is JSON.stringify of it, empty collections and odd keys included', () => {
    const f = emptyStoreFile('sync');
    expect([...storePieces(f)].join('')).toBe(JSON.stringify(f));
    f.collections.files = { 'a"b': { id: 'a"b', n: 1, u: undefined, z: { 中: '文' } }, '2': { id: '2' }, skip: undefined as never };
    for (let i = 0; i < 3000; i++) f.collections.decisions![`d${i}`] = { id: `d${i}`, text: '测试'.repeat(i % 50) };
    expect([...storePieces(f)].join('')).toBe(JSON.stringify(f));
    expect([...storePieces({ ...f, collections: {} })].join('')).toBe(JSON.stringify({ ...f, collections: {} }));
  });

  it('a journal entry of several MB is the line serializeEntry makes, and reads back with its hash and chain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-pieces-'));
    dirs.push(dir);
    const path = join(dir, 'journal.jsonl');
    const changes = Array.from({ length: 20000 }, (_, i) => ({ c: 'decisions' as const, id: `d${i}`, op: 'create' as const, set: { id: `d${i}`, name: `测试${i}`, n: i } }));
    const body: EntryBody = { seq: 1, at: '2026-12-03T10:00:00+08:00', operator: '同步', source: 'local', action: 'test', summary: '读入 "x"', changes, prev: GENESIS_HASH };
    const { end, hash } = await appendEntryDurably(path, body);
    const whole = serializeEntry(body);
    const text = await readFile(path, 'utf8');
    expect(text).toBe(whole.line);
    expect(hash).toBe(whole.hash);
    expect(end).toBe(Buffer.byteLength(whole.line));
    const second: EntryBody = { seq: 2, at: body.at, operator: 'x', source: 'local', action: 'none', changes: [], prev: hash };
    await appendEntryDurably(path, second);
    const tail = await readJournal(path, 0, GENESIS_HASH, 0);
    expect(tail.damage).toBeNull();
    expect(tail.entries.map((e) => e.entry.seq)).toEqual([1, 2]);
    expect(tail.entries[0]!.entry.changes).toHaveLength(20000);
  });

  it('writes pieces of any size, two files at once, byte for byte what the joined text is, and shows each byte once to onBytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-pieces-'));
    dirs.push(dir);
    // Small pieces, one too big for the buffer (400 K Chinese characters, 1.2 MB), pieces that
    // fill it past its end, and a last piece in a fresh buffer.
    const a = ['{', '测试'.repeat(200_000), ',"x":', 'y'.repeat(700_000), '中'.repeat(120_000), '}'];
    const b = Array.from({ length: 300 }, (_, i) => `${i}:${'救助'.repeat(i * 7)};`);
    const write = async (name: string, pieces: string[]) => {
      const h = await open(join(dir, name), 'w');
      const seen: Buffer[] = [];
      try {
        const n = await writePieces(h, pieces, (bytes) => seen.push(Buffer.from(bytes)));
        return { n, seen: Buffer.concat(seen) };
      } finally {
        await h.close();
      }
    };
    const [ra, rb] = await Promise.all([write('a', a), write('b', b)]);
    for (const [name, pieces, r] of [['a', a, ra], ['b', b, rb]] as const) {
      const want = Buffer.from(pieces.join(''));
      expect((await readFile(join(dir, name))).equals(want), name).toBe(true);
      expect(r.seen.equals(want), name).toBe(true);
      expect(r.n).toBe(want.length);
    }
  });
});
