// A full disk (issue 5): the data folder on a small tmpfs, filled up, a
// file arrives. Nothing is half-written, nothing is recorded as processed,
// and once there is room again the next run merges it with one receipt.
// Mounting needs root (CAP_SYS_ADMIN), which the project's CI machines give;
// elsewhere the test says why it cannot run instead of passing silently.
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';
import { syncOnce } from '../../src/sync/run.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { CASE, ZHAO, addFixtureCases, csv, drop } from '../support/office.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'jiuzhu-full-'));
let mounted = false;
let why = '';
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (err) {
  why = String((err as { stderr?: Buffer }).stderr ?? err).trim();
}
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('leaves the stores sound and the file unprocessed, then merges it once there is room', async () => {
    if (!mounted) throw new Error(`cannot mount a small tmpfs here (${why}): run the suite as root, as .ci/run does`);
    const dir = join(mountPoint, 'data');
    const shared = join(mkdtempSync(join(tmpdir(), 'jiuzhu-full-shared-')), 'shared');
    mkdirSync(join(shared, 'inbox'), { recursive: true });
    const env = { ...process.env, JIUZHU_NOW: '2026-11-20' };
    const office = await Office.create(dir, env);
    await office.transact({ operator: '王芳', source: 'local', action: 'init' }, (tx) => {
      tx.put('settings', 'office', defaultSettings({ code: '430105003001', name: '东风社区', shared }));
    });
    await addFixtureCases(office);
    const t = { office, dir, shared, inbox: join(shared, 'inbox'), env };
    const H = ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'];
    const rows = Array.from({ length: 3000 }, (_, i) => [CASE(4), ZHAO, `项目${i}`, '有', '2026-11-12', String(i), '说明'.repeat(20)]);
    drop(t, 'big.csv', csv(H, rows));

    // Fill the disk, leaving less room than the kept copy of the file needs.
    const free = () => Number(statfsSync(mountPoint).bavail) * Number(statfsSync(mountPoint).bsize);
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(free() - 64 * 1024, 0)));
    const seq = office.journalHead.seq;
    const full = await syncOnce(office, { shared, stableMs: 0 });
    expect(full.files).toEqual([]);
    expect(full.problems.join('；')).toContain('磁盘已满');
    expect(office.journalHead.seq).toBe(seq);
    expect(existsSync(join(shared, 'outbox', 'receipts')) ? readdirSync(join(shared, 'outbox', 'receipts')) : []).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await runDoctor(dir)).findings.filter((f) => f.level === 'damage')).toEqual([]);

    rmSync(join(mountPoint, 'filler'));
    const reopened = await Office.open(dir, { env });
    const after = await syncOnce(reopened, { shared, stableMs: 0 });
    expect(after.problems).toEqual([]);
    expect(after.files.map((f) => [f.name, f.outcome, f.applied])).toEqual([['big.csv', 'applied', 3000]]);
    expect(readdirSync(join(shared, 'outbox', 'receipts'))).toHaveLength(1);
    expect((await runDoctor(dir)).findings.filter((f) => f.level === 'damage')).toEqual([]);
  }, 60_000);
});
