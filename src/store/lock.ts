// The cross-process lock around every change. proper-lockfile's mkdir lock,
// plus a holder file naming the process that holds it, so that a lock left by
// a process killed on this machine is recovered at once rather than after the
// stale timeout. Taking and breaking the lock both happen under a short
// "gate" lock, so the holder file always names the real holder when another
// process looks at it (a free lock is named before it is taken, so a process
// killed in between leaves its own name). A process killed while it holds
// the gate (a few milliseconds of each change) holds the next one up for the
// gate's stale time, proper-lockfile's floor of 2 s. proper-lockfile's stale
// check remains the backstop (a holder on another machine, or a frozen one).
import type * as ProperLockfile from 'proper-lockfile';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFile, rmdir, stat, writeFile } from 'node:fs/promises';
import { crashPoint } from './atomicFile.js';
import { UserFacingError } from '../office/errors.js';
import { isAlive, sleep } from './process.js';
import { t } from '../i18n/index.js';

// proper-lockfile (with graceful-fs, retry, signal-exit and the Node modules
// they pull) is read at the first lock, not when the store is loaded: `status`
// and the other readers never lock (docs/architecture.md "Start-up").
type Lockfile = Pick<typeof ProperLockfile, 'lock'>;
let loading: Promise<Lockfile> | undefined;
function properLockfile(): Promise<Lockfile> {
  loading ??= import('proper-lockfile').then((m): Lockfile => m.default ?? m);
  return loading;
}

export class LockTimeoutError extends UserFacingError {}

export interface HeldLock {
  compromised: Error | null;
}

const HOST = hostname().replace(/[^A-Za-z0-9_.-]/g, '_');
const ME = `${HOST}--${process.pid}`;

/** Only a holder on this machine can be judged by its pid. */
function holderIsDeadHere(holder: string): boolean {
  const m = /^(.*)--(\d+)$/.exec(holder.trim());
  if (!m || m[1] !== HOST) return false;
  const pid = Number(m[2]);
  // Calls within this process are queued, so a lock that names this process
  // while it waits was taken by one that died before it could write its name.
  if (pid === process.pid) return true;
  return !isAlive(pid);
}

export interface LockOptions {
  /** ms after which an un-refreshed lock counts as abandoned (proper-lockfile `stale`). */
  staleMs?: number;
  /** give up waiting after this long */
  timeoutMs?: number;
}

export class DataLock {
  private readonly lockPath: string;
  private readonly gatePath: string;
  private readonly holderPath: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly dir: string, private readonly opts: LockOptions = {}) {
    this.lockPath = join(dir, '.lock');
    this.gatePath = join(dir, '.lock-gate');
    this.holderPath = join(dir, '.lock-holder');
  }

  /** Runs `fn` while holding the lock; calls within one process queue up. */
  async with<T>(fn: (lock: HeldLock) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const { held, release } = await this.acquire();
      try {
        return await fn(held);
      } finally {
        await release().catch(() => undefined);
      }
    });
  }

  /**
   * Runs `fn` in this process's queue without taking the lock: a reader that
   * must not interleave with this process's own commits (a refresh reading
   * the journal while a transaction appends to it).
   */
  async inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.queue;
    let done!: () => void;
    this.queue = new Promise((r) => (done = r));
    await prev;
    try {
      return await fn();
    } finally {
      done();
    }
  }

  private staleMs(): number {
    return this.opts.staleMs ?? Number(process.env.JIUZHU_LOCK_STALE_MS ?? 30_000);
  }

  private async tryOnce(held: HeldLock): Promise<(() => Promise<void>) | null> {
    const staleMs = this.staleMs();
    const opts = {
      lockfilePath: this.lockPath,
      realpath: false,
      stale: staleMs,
      update: Math.max(1000, Math.floor(staleMs / 4)),
      retries: 0,
      onCompromised: (err: Error) => {
        // The default throws inside a timer and kills the process (pitfall 5);
        // the transaction checks this flag before it commits instead.
        held.compromised = err;
      },
    };
    const lockfile = await properLockfile();
    // proper-lockfile keys its in-process registry by the first argument, so the
    // gate and the main lock must name different paths.
    const releaseGate = await lockfile.lock(this.gatePath, {
      lockfilePath: this.gatePath,
      realpath: false,
      stale: 2000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3, randomize: true },
      onCompromised: () => undefined,
    });
    try {
      for (let breakAttempt = 0; breakAttempt < 2; breakAttempt++) {
        // A free lock is named before it is taken (nobody else can take it
        // while this process holds the gate): a process killed between the
        // two leaves a lock that names it, dead, and not the one before it,
        // which may be alive (the app) and would hold everyone up to the
        // stale timeout.
        const free = !(await stat(this.lockPath).catch(() => null));
        if (free) await writeFile(this.holderPath, ME, { mode: 0o600 });
        try {
          const release = await lockfile.lock(this.lockPath, opts);
          crashPoint(process.env, 'lock:taken');
          if (!free) await writeFile(this.holderPath, ME, { mode: 0o600 });
          return release;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
        }
        // Taken between the look and the taking, by a process outside the gate:
        // the holder file now names this one, so it says nothing; wait.
        if (free) return null;
        const holder = await readFile(this.holderPath, 'utf8').catch(() => '');
        if (!holderIsDeadHere(holder)) return null;
        // Its holder was killed on this machine: the lock is abandoned.
        await rmdir(this.lockPath).catch(() => undefined);
      }
      return null;
    } finally {
      await releaseGate().catch(() => undefined);
    }
  }

  private async acquire(): Promise<{ held: HeldLock; release: () => Promise<void> }> {
    const timeoutMs = this.opts.timeoutMs ?? 120_000;
    const started = Date.now();
    const held: HeldLock = { compromised: null };
    for (let attempt = 0; ; attempt++) {
      const release = await this.tryOnce(held);
      if (release) return { held, release };
      if (Date.now() - started > timeoutMs) {
        throw new LockTimeoutError(
          t('store.lockBusy', { dir: this.dir, seconds: Math.round(timeoutMs / 1000) }),
        );
      }
      await sleep(Math.min(5 + attempt * 3, 60) + Math.random() * 10);
    }
  }
}
