// The store lock after a crash: a lock whose holder was killed on this
// machine is taken at once, whatever moment of the taking the kill hit; a
// lock whose holder is alive is waited for.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Office } from '../../src/store/office.js';
import { DataLock, LockTimeoutError } from '../../src/store/lock.js';
import { child } from '../support/paths.js';

const HOST = hostname().replace(/[^A-Za-z0-9_.-]/g, '_');
const dirs: string[] = [];
const alive: ChildProcess[] = [];
afterEach(async () => {
  for (const p of alive.splice(0)) p.kill('SIGKILL');
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function office(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'jiuzhu-lock-'));
  dirs.push(d);
  await Office.create(d);
  return d;
}

/** A live process of this machine, as the app would be: its name in the holder file. */
function livePid(): number {
  const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  alive.push(p);
  return p.pid!;
}

describe('the store lock', () => {
  it('is taken at once when its holder was killed between taking it and naming itself, though the name before was alive', async () => {
    const dir = await office();
    // The last holder, still running (the app between two changes).
    const app = livePid();
    await writeFile(join(dir, '.lock-holder'), `${HOST}--${app}`);
    // A writer killed the moment it has taken the lock.
    const r = spawnSync(process.execPath, [child('writer'), dir, 'w', '5'], { env: { ...process.env, JIUZHU_CRASH_AT: 'lock:taken' }, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect((await stat(join(dir, '.lock'))).isDirectory()).toBe(true);
    expect(await readFile(join(dir, '.lock-holder'), 'utf8')).not.toBe(`${HOST}--${app}`);
    // The stale timeout is far off; only the dead holder's name lets the next one in.
    const lock = new DataLock(dir, { staleMs: 600_000, timeoutMs: 3_000 });
    expect(await lock.with(async () => readFile(join(dir, '.lock-holder'), 'utf8'))).toBe(`${HOST}--${process.pid}`);
    // And the office goes on.
    const o = await Office.open(dir);
    await o.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'after', { id: 'after' }));
    expect((await Office.open(dir)).view.get('meta', 'after')).toBeDefined();
  });

  it('waits for a holder that is alive', async () => {
    const dir = await office();
    const app = livePid();
    await mkdir(join(dir, '.lock'));
    await writeFile(join(dir, '.lock-holder'), `${HOST}--${app}`);
    const lock = new DataLock(dir, { staleMs: 600_000, timeoutMs: 500 });
    await expect(lock.with(async () => 'taken')).rejects.toBeInstanceOf(LockTimeoutError);
    expect((await stat(join(dir, '.lock'))).isDirectory()).toBe(true);
  });
});
