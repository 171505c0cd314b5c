import { describe, it, expect } from 'vitest';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, SCHEMA_VERSION, SchemaError } from '../../src/store/schema.js';
import { Office } from '../../src/store/office.js';

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
});
