// A full disk, for real: a small tmpfs (where this machine lets the tests
// mount one; otherwise the test says so and checks nothing else). A change
// whose journal line does not fit is refused and leaves nothing; a change
// whose line fits but whose store files do not is reported saved, and is.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, readFileSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { runDoctor } from '../../src/maintenance/doctor.js';

const root = mkdtempSync(join(tmpdir(), 'jiuzhu-full-'));
const disk = join(root, 'disk');
mkdirSync(disk);
const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(root, { recursive: true, force: true });
});

/** Fills the disk until `leave` bytes are free. */
function fill(leave: number): void {
  const s = statfsSync(disk);
  let left = s.bavail * s.bsize - leave;
  const fd = openSync(join(disk, 'ballast'), 'a');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      writeSync(fd, chunk, 0, n);
      left -= n;
    }
  } catch {
    // full
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', () => {
  it('refuses a change whose journal line does not fit, and keeps one whose line fits though its store does not', async () => {
    // Passing without checking anything would hide that nothing was checked.
    if (!mounted) throw new Error('cannot mount a small tmpfs here: run the suite as root, as .ci/run does');
    const dir = join(disk, 'data');
    // A checkpoint after every change, so that the store write beside the commit is tried each time.
    const env = { ...process.env, JIUZHU_CHECKPOINT_BYTES: '0' };
    const office = await Office.create(dir, env);
    await office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'a', { id: 'a', text: 'x'.repeat(100) }));

    // Room for a few KB: a 40 KB line cannot be appended whole.
    fill(8 * 1024);
    await expect(office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'big', { id: 'big', text: 'y'.repeat(40_000) }))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    rmSync(join(disk, 'ballast'));
    const again = await Office.open(dir, { env });
    expect(again.view.get('meta', 'big')).toBeUndefined();
    expect(again.journalHead.seq).toBe(1);
    expect((await runDoctor(dir)).findings).toEqual([]);

    // Room for the journal line (~1 KB) but not for the store file beside it (~12 KB more).
    await again.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'pad', { id: 'pad', text: 'p'.repeat(12_000) }));
    fill(3 * 1024);
    const r = await again.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'small', { id: 'small', text: 'z'.repeat(200) }));
    expect(r.seq).toBe(3);
    // The store file really was left one entry behind: the change lives in the journal only.
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).journalSeq).toBe(2);
    rmSync(join(disk, 'ballast'));
    const reopened = await Office.open(dir);
    expect(reopened.view.get('meta', 'small')).toMatchObject({ text: 'z'.repeat(200) });
    expect((await runDoctor(dir)).findings).toEqual([]);
  });
});
