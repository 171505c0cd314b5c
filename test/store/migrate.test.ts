import { describe, it, expect } from 'vitest';
import { chmod, copyFile, cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, SCHEMA_VERSION, SchemaError } from '../../src/store/schema.js';
import { Office } from '../../src/store/office.js';
import { readSummaryStamp } from '../../src/store/summary.js';
import { openSummaryView } from '../../src/store/summaryView.js';
import { runDoctor } from '../../src/maintenance/doctor.js';

const V1 = join(process.cwd(), 'test', 'fixtures', 'stores-v1', 'data');

/** A copy of a fixture folder with the modes git does not keep (0700 folders, 0600 files). */
async function copyOfFixture(from: string): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'jiuzhu-mig-')), 'data');
  await cp(from, dir, { recursive: true });
  const walk = async (d: string): Promise<void> => {
    await chmod(d, 0o700);
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else await chmod(join(d, e.name), 0o600);
    }
  };
  await walk(dir);
  return dir;
}

const V0 = join(process.cwd(), 'test', 'fixtures', 'stores-v0', 'households.json');

describe('store migrations', () => {
  it('turns a saved version-0 file (plain lowdb arrays, no header) into the current keyed layout', async () => {
    const raw = JSON.parse(await readFile(V0, 'utf8'));
    const { file, migratedFrom } = migrate(raw, 'households', 'households.json');
    expect(migratedFrom).toBe(0);
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    expect(file.store).toBe('households');
    expect(Object.keys(file.collections.members!)).toEqual(['430105194612033264']);
    expect(file.collections.households!['h430105194612033264']).toMatchObject({ address: '东风路162号院3栋1单元101' });
  });

  it('migrates on open and writes the new layout back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-mig-'));
    await Office.create(dir);
    await copyFile(V0, join(dir, 'households.json'));
    const o = await Office.open(dir);
    expect(o.view.get('members', '430105194612033264')?.name).toBe('黄桂英');
    const onDisk = JSON.parse(await readFile(join(dir, 'households.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses a file from a newer version instead of guessing', () => {
    expect(() => migrate({ store: 'cases', schemaVersion: SCHEMA_VERSION + 1, journalSeq: 0, collections: {} }, 'cases', 'cases.json')).toThrow(
      /比本程序支持的 .* 新：请升级/,
    );
  });

  it('refuses an old record without a key, naming the collection', () => {
    expect(() => migrate({ members: [{ name: '无号' }] }, 'households', 'households.json')).toThrow(SchemaError);
  });

  it('opens a data folder the previous version wrote (every store rewritten at each change), passes doctor, and takes changes as checkpoints', async () => {
    const dir = await copyOfFixture(V1);
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1 << 20) };
    const o = await Office.open(dir, { env });
    expect(o.view.count('cases')).toBe(4);
    expect(o.view.count('files')).toBe(1);
    const seq = o.journalHead.seq;
    const casesBefore = await readFile(join(dir, 'cases.json'), 'utf8');
    await o.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.update('cases', '430105003001-2026-0001', (c) => void (c.interview = '迁移后的修改')));
    // The new change lives in the journal past the old version's head, which is now a checkpoint.
    expect(await readFile(join(dir, 'cases.json'), 'utf8')).toBe(casesBefore);
    expect(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')).seq).toBe(seq);
    // That version wrote no summary: the first change writes one at its own entry, which status then reads instead of the stores.
    expect((await readSummaryStamp(dir))?.seq).toBe(seq + 1);
    expect(await openSummaryView(dir, o.now().date)).not.toBeNull();
    expect((await Office.open(dir, { env })).view.get('cases', '430105003001-2026-0001')?.interview).toBe('迁移后的修改');
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    await o.checkpoint({ force: true });
    expect(JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')).journalSeq).toBe(seq + 1);
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
  });
});

describe('a data folder of the version before map patches (stores-v2)', () => {
  const V2 = join(process.cwd(), 'test', 'fixtures', 'stores-v2');
  const expected = async (s: string) => JSON.parse(await readFile(join(V2, 'expected', `${s}.json`), 'utf8'));

  it('replays its journal (maps set whole) to what that version folded in, passes doctor, and takes new changes as patches', async () => {
    const dir = await copyOfFixture(join(V2, 'data'));
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: String(1 << 30) };
    const o = await Office.open(dir, { env });
    expect(o.journalHead.seq).toBe(6);
    for (const s of ['attendance', 'cases', 'enrolments', 'households', 'sync', 'settings']) {
      const want = await expected(s);
      for (const c of Object.keys(want)) expect(o.view.count(c as never)).toBe(Object.keys(want[c]).length);
      for (const c of Object.keys(want)) for (const [id, rec] of Object.entries(want[c])) expect(o.view.get(c as never, id)).toEqual(rec);
    }
    // A new mark on the old session: journaled as that person's mark.
    const session = o.view.get('sessions', '2026-11-23')!;
    const marks = session.marks as Record<string, { status: string }>;
    const someone = Object.keys(marks).find((k) => marks[k]!.status === 'present')!;
    await o.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) =>
      tx.update('sessions', '2026-11-23', (d) => void (d.marks = { ...d.marks, [someone]: { status: 'absent' } })),
    );
    const last = JSON.parse((await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n').at(-1)!);
    expect(last.changes[0]).toMatchObject({ c: 'sessions', merge: ['marks'], set: { marks: { [someone]: { status: 'absent' } } } });
    expect(Object.keys(last.changes[0].set.marks)).toEqual([someone]);
    const again = await Office.open(dir, { env });
    expect(again.view.get('sessions', '2026-11-23')).toEqual({ ...session, marks: { ...marks, [someone]: { status: 'absent' } } });
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
    await again.checkpoint({ force: true });
    expect((await runDoctor(dir, { shared: null })).findings).toEqual([]);
  });
});
