// A map field (a session's marks by person) changed in a few keys is
// journaled as those keys (`merge`), not as the whole map twice; replaying
// the journal, following it from another process and doctor all give the
// record the transaction made.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { runDoctor } from '../../src/maintenance/doctor.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const meta = { operator: '王芳', source: 'local' as const, action: 'test' };
/** No checkpoint: a reopen replays every change from the journal. */
const journalOnly = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1 << 30) };

const lastLine = async (dir: string) => {
  const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
  return { bytes: Buffer.byteLength(lines.at(-1)!), entry: JSON.parse(lines.at(-1)!) };
};

/** A little random generator, seeded: the same cases every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('a map field changed in a few keys', () => {
  it('journals the changed mark, not the session', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-patch-'));
    dirs.push(dir);
    const office = await Office.create(dir, journalOnly);
    const marks: Record<string, { status: string }> = {};
    for (let i = 0; i < 2000; i++) marks[`43010519500101${String(i).padStart(4, '0')}`] = { status: 'present' };
    await office.transact(meta, (tx) => tx.put('sessions', '2026-11-23', { date: '2026-11-23', marks } as never));
    const whole = (await lastLine(dir)).bytes;
    const one = '430105195001010007';
    await office.transact(meta, (tx) => tx.update('sessions', '2026-11-23', (d) => void ((d as unknown as { marks: typeof marks }).marks = { ...marks, [one]: { status: 'late' } })));
    const { bytes, entry } = await lastLine(dir);
    expect(whole).toBeGreaterThan(60_000);
    expect(bytes).toBeLessThan(600);
    expect(entry.changes[0]).toMatchObject({ op: 'update', merge: ['marks'], set: { marks: { [one]: { status: 'late' } } }, was: { marks: { [one]: { status: 'present' } } } });
    const reopened = await Office.open(dir, { env: journalOnly });
    expect((reopened.view.get('sessions', '2026-11-23') as unknown as { marks: typeof marks }).marks[one]).toEqual({ status: 'late' });
    expect(Object.keys((reopened.view.get('sessions', '2026-11-23') as unknown as { marks: typeof marks }).marks)).toHaveLength(2000);
  });

  it('replays, follows and passes doctor over random edits of the map', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-patch-'));
    dirs.push(dir);
    const writer = await Office.create(dir, journalOnly);
    const reader = await Office.open(dir, { env: journalOnly });
    const rand = rng(16);
    let map: Record<string, unknown> = {};
    for (let step = 0; step < 60; step++) {
      const next: Record<string, unknown> = { ...map };
      const edits = Math.floor(rand() * 4);
      for (let e = 0; e < edits || Object.keys(next).length < 10; e++) {
        const k = `p${Math.floor(rand() * 40)}`;
        const r = rand();
        if (r < 0.2) delete next[k];
        else if (r < 0.6) next[k] = { status: r < 0.4 ? 'absent' : 'excused', note: `n${step}` };
        else next[k] = { status: 'present' };
      }
      if (rand() < 0.1) map = Object.fromEntries(Object.entries(next).reverse()); // another order: set whole
      else map = next;
      await writer.transact(meta, (tx) => tx.put('sessions', 's', { date: 's', marks: map } as never));
      await reader.refresh();
      expect(reader.view.get('sessions', 's')).toEqual(writer.view.get('sessions', 's'));
    }
    const entries = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.some((e) => e.changes.some((c: { merge?: string[] }) => c.merge))).toBe(true);
    expect(entries.some((e) => e.changes.some((c: { drop?: unknown }) => c.drop))).toBe(true);
    const reopened = await Office.open(dir, { env: journalOnly });
    expect(JSON.stringify(reopened.view.get('sessions', 's'))).toBe(JSON.stringify(writer.view.get('sessions', 's')));
    expect((reopened.view.get('sessions', 's') as unknown as { marks: unknown }).marks).toEqual(map);
    await writer.checkpoint({ force: true });
    const report = await runDoctor(dir);
    expect(report.findings.filter((f) => f.level === 'damage')).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
