// Backup and restore as a clerk runs them: real child processes on a real
// data folder with the fixtures' cases and inbound files; and the reminder.
import { describe, it, expect } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { FIXTURE_FILES, FIXTURE_INBOX, FIXTURE_INTAKE, makeOffice } from '../support/office.js';
import { backupReminder } from '../../src/maintenance/backupReminder.js';

const NOW = '2026-12-21T10:00:00+08:00';

function setUp(code = '430105003001', name = '东风社区') {
  const data = tempOffice('jiuzhu-backup-');
  const root = dirname(data);
  const shared = join(root, 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const run = (args: string[], now = NOW) => jiuzhu(['--data', data, ...args], { JIUZHU_NOW: now });
  expect(run(['init', '--office', code, '--name', name, '--shared', shared]).code).toBe(0);
  for (const f of readdirSync(FIXTURE_INTAKE).sort()) expect(run(['case', 'add', '--from', join(FIXTURE_INTAKE, f)], '2026-11-02').code).toBe(0);
  for (const f of FIXTURE_FILES) {
    const to = join(shared, 'inbox', f);
    copyFileSync(join(FIXTURE_INBOX, f), to);
    const past = new Date(Date.now() - 60_000);
    utimesSync(to, past, past);
  }
  expect(run(['sync', 'once']).code).toBe(0);
  return { data, root, shared, run };
}

/** Every file of a folder with its bytes, by path. */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.name.startsWith('.lock') || r.startsWith('daemon')) continue;
    if (e.isDirectory()) Object.assign(out, snapshot(dir, r));
    else out[r] = readFileSync(join(dir, r)).toString('base64');
  }
  return out;
}

/**
 * A snapshot without the restore's own record (issue 15: a restore is
 * journaled, so that the backup reminder knows the archive it came from): the
 * journal less its last `restore` entry, each store's records less
 * `meta.restored`, the head left out (the journal says it). The kept files
 * compare byte for byte.
 */
function lessRestoreRecord(snap: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, b64] of Object.entries(snap)) {
    const text = Buffer.from(b64, 'base64').toString('utf8');
    if (path === 'head.json') continue;
    if (path === 'journal.jsonl') out[path] = text.split('\n').filter((l) => l && !l.includes('"action":"restore"'));
    else if (!path.includes('/') && path.endsWith('.json')) {
      const f = JSON.parse(text) as { collections: Record<string, Record<string, unknown>> };
      delete f.collections.meta?.restored;
      out[path] = f.collections;
    } else out[path] = b64;
  }
  return out;
}

const restoreEntries = (snap: Record<string, string>) =>
  Buffer.from(snap['journal.jsonl']!, 'base64').toString('utf8').split('\n').filter((l) => l.includes('"action":"restore"')).length;

describe('jiuzhu backup and restore', () => {
  it('backup, wipe, restore gives the stores, journal and kept files byte for byte', () => {
    const { data, root, run } = setUp();
    const before = snapshot(data);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['journal.jsonl', 'cases.json', 'households.json', 'sync.json', 'head.json']));
    expect(Object.keys(before).some((p) => p.startsWith('sync/received/'))).toBe(true);
    expect(run(['status']).stdout).toContain('还没有备份过数据');
    const archive = join(root, 'usb', 'office.jzbackup');
    const b = run(['backup', '--out', archive, '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json<{ file: string }>().file).toBe(archive);
    // The dashboard stops reminding until backupReminderDays have passed.
    expect(run(['status', '--json']).json<{ backup: { lastDate: string; due: boolean } }>().backup).toMatchObject({ lastDate: '2026-12-21', due: false });
    expect(run(['status'], '2026-12-28').stdout).toContain('上次备份是 2026-12-21（7 天前）');

    rmSync(data, { recursive: true, force: true });
    const r = run(['restore', archive]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('全部核对无误');
    // The archive is the folder as it was when the backup began (its own record came after),
    // and the restore adds its own record, so that the dashboard knows the backup.
    const after = snapshot(data);
    expect(restoreEntries(after)).toBe(1);
    expect(lessRestoreRecord(after)).toEqual(lessRestoreRecord(before));
    expect(run(['status']).stdout).not.toContain('还没有备份过数据');
    expect(run(['status', '--json']).json<{ backup: { lastDate: string; due: boolean } }>().backup).toMatchObject({ lastDate: '2026-12-21', due: false });
    expect(run(['doctor']).code).toBe(0);
  });

  it('restores over a live folder, keeping the replaced folder aside, with stores identical to the moment of the backup', () => {
    const { data, root, run } = setUp();
    const atBackup = snapshot(data);
    const b = run(['backup', '--out', root, '--json']);
    expect(b.code, b.stderr).toBe(0);
    const file = b.json<{ file: string }>().file;
    expect(file).toMatch(/jiuzhu-430105003001-20261221100000\.jzbackup$/);
    // The folder damaged after the backup; the restore brings back the moment of the backup.
    writeFileSync(join(data, 'cases.json'), '{"broken');
    const r = run(['restore', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ replacedAside: string; journalSeq: number; replacedJournalSeq: number }>();
    expect(out.replacedAside).toBe(`${data}.replaced-20261221100000`);
    // The backup's own record came after the archive: the restore goes back one change, and says so.
    expect(out.replacedJournalSeq).toBe(out.journalSeq + 1);
    expect(readFileSync(join(out.replacedAside, 'cases.json'), 'utf8')).toBe('{"broken');
    const restored = snapshot(data);
    expect(restoreEntries(restored)).toBe(1);
    expect(lessRestoreRecord(restored)).toEqual(lessRestoreRecord(atBackup));
    expect(run(['case', 'list', '--json']).json<unknown[]>()).toHaveLength(4);
  });

  it('refuses a corrupted archive with a clear message and replaces nothing', () => {
    const { data, root, run } = setUp();
    const file = join(root, 'b.jzbackup');
    expect(run(['backup', '--out', file]).code).toBe(0);
    const before = snapshot(data);
    const good = readFileSync(file);

    // Cut off (a copy to a USB stick pulled too early).
    writeFileSync(join(root, 'cut.jzbackup'), good.subarray(0, Math.floor(good.length / 2)));
    const cut = run(['restore', join(root, 'cut.jzbackup')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/不是完整的 jiuzhu 备份.*数据文件夹没有被改动/);

    // Valid compression, but one byte of a store changed inside: the manifest's hash catches it.
    const payload = gunzipSync(good);
    const at = payload.indexOf(Buffer.from('"store":"cases"'));
    expect(at).toBeGreaterThan(0);
    payload[at + 10] = 'C'.charCodeAt(0);
    writeFileSync(join(root, 'flip.jzbackup'), gzipSync(payload));
    const flip = run(['restore', join(root, 'flip.jzbackup')]);
    expect(flip.code).toBe(1);
    expect(flip.stderr).toMatch(/cases\.json 与清单里的哈希值不符.*数据文件夹没有被改动/);

    // Not an archive at all.
    writeFileSync(join(root, 'junk.jzbackup'), 'hello');
    expect(run(['restore', join(root, 'junk.jzbackup')]).stderr).toContain('不是完整的 jiuzhu 备份');

    expect(snapshot(data)).toEqual(before);
    expect(readdirSync(root).filter((n) => n.includes('.replaced-') || n.includes('.restoring-'))).toEqual([]);
  });

  it("refuses another office's archive unless --force-other-office", () => {
    const other = setUp('430105004002', '西湖社区');
    const file = join(other.root, 'other.jzbackup');
    expect(other.run(['backup', '--out', file]).code).toBe(0);
    const mine = setUp();
    const before = snapshot(mine.data);
    const r = mine.run(['restore', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/西湖社区（430105004002）.*--force-other-office/);
    expect(snapshot(mine.data)).toEqual(before);
    const forced = mine.run(['restore', file, '--force-other-office']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(mine.run(['status', '--json']).json<{ office: { code: string } }>().office.code).toBe('430105004002');
    expect(existsSync(`${mine.data}.replaced-20261221100000`)).toBe(true);
  });

  it('will not put the archive inside the data folder it backs up', () => {
    const { data, run } = setUp();
    const r = run(['backup', '--out', join(data, 'b.jzbackup')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不能放在数据文件夹');
  });
});

describe('backupReminder', () => {
  it('reminds until the first backup, then once the last one is backupReminderDays old', async () => {
    const t = await makeOffice({ now: '2026-11-02', withCases: false });
    expect(backupReminder(t.office.view, '2026-11-02')).toMatchObject({ lastDate: null, due: true });
    expect(backupReminder(t.office.view, '2026-11-02').message).toContain('还没有备份过');
    await t.office.transact({ operator: '王芳', source: 'local', action: 'backup' }, (tx) => {
      tx.put('meta', 'backup', { id: 'backup', at: '2026-11-02T09:00:00+08:00', date: '2026-11-02' });
    });
    expect(backupReminder(t.office.view, '2026-11-08')).toEqual({ lastDate: '2026-11-02', daysSince: 6, due: false, message: null });
    const late = backupReminder(t.office.view, '2026-11-09');
    expect(late).toMatchObject({ lastDate: '2026-11-02', daysSince: 7, due: true });
    expect(late.message).toContain('上次备份是 2026-11-02（7 天前）');
  });
});
