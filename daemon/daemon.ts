// The sync daemon: `sync once` run on every change in the inbox (chokidar,
// debounced) and on a timer (file events are unreliable on network shares
// and USB sticks), until SIGTERM. It keeps running whatever the shared
// folder does: gone, read-only, full, unreadable files — each run reports
// its problems in the status file and the log, and the next run tries again.
import { statSync } from 'node:fs';
import { appendFile, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { Office } from '../src/store/office.js';
import { ensureDir, readFileIfExists, writeFileAtomic } from '../src/store/atomicFile.js';
import { syncOnce } from '../src/sync/run.js';
import { SyncState } from '../src/sync/seen.js';
import { maskIds } from '../src/office/privacy.js';
import { daemonDir, isAlive, logPath, pidPath, readPid, statusPath } from '../src/sync/daemonStatus.js';
import { t } from '../src/i18n/index.js';

export { daemonDir, isAlive, logPath, pidPath, readPid, statusPath } from '../src/sync/daemonStatus.js';

/** What `daemon status` and the dashboard read. */
export interface DaemonStatus {
  pid: number;
  startedAt: string;
  running: boolean;
  shared: string;
  lastRunAt: string | null;
  lastError: string | null;
  /** Totals since start. */
  counts: { runs: number; files: number; applied: number; rejected: number; exported: number };
  stoppedAt?: string;
}

const LOG_LIMIT = 1024 * 1024;

/** A log that never grows past two files of 1 MB, with ID numbers masked. */
export class DaemonLog {
  constructor(private readonly path: string) {}

  async write(line: string): Promise<void> {
    const text = `${new Date().toISOString()} ${maskIds(line)}\n`;
    try {
      const s = await stat(this.path).catch(() => null);
      if (s && s.size + text.length > LOG_LIMIT) await rename(this.path, `${this.path}.1`);
      await appendFile(this.path, text, { mode: 0o600 });
    } catch {
      // A full disk must not stop the daemon because of its log.
    }
  }
}

export async function readStatus(dataDir: string): Promise<DaemonStatus | null> {
  const buf = await readFileIfExists(statusPath(dataDir));
  if (!buf) return null;
  try {
    return JSON.parse(buf.toString('utf8')) as DaemonStatus;
  } catch {
    return null;
  }
}

export interface RunOptions {
  dataDir: string;
  shared: string;
  /** Full rescan period; file events only make it come sooner. */
  rescanMs?: number;
  debounceMs?: number;
  /** Write to stderr as well (foreground `daemon run`). */
  echo?: boolean;
}

export async function runDaemon(opts: RunOptions): Promise<void> {
  const { dataDir, shared } = opts;
  const rescanMs = opts.rescanMs ?? Number(process.env.JIUZHU_RESCAN_MS ?? 15000);
  const debounceMs = opts.debounceMs ?? 500;
  await ensureDir(daemonDir(dataDir));
  const log = new DaemonLog(logPath(dataDir));
  const say = async (line: string) => {
    if (opts.echo) process.stderr.write(`${maskIds(line)}\n`);
    await log.write(line);
  };

  const other = await readPid(dataDir);
  if (other !== null && other !== process.pid && isAlive(other)) {
    throw new Error(t('sync.daemon.alreadyRunning', { pid: other }));
  }
  await writeFileAtomic(pidPath(dataDir), `${process.pid}\n`);

  const office = await Office.open(dataDir);
  const state = new SyncState();
  const status: DaemonStatus = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    running: true,
    shared,
    lastRunAt: null,
    lastError: null,
    counts: { runs: 0, files: 0, applied: 0, rejected: 0, exported: 0 },
  };
  const saveStatus = () => writeFileAtomic(statusPath(dataDir), JSON.stringify(status, null, 2)).catch(() => undefined);
  await saveStatus();
  await say(t('sync.daemon.logStart', { data: dataDir, shared, seconds: Math.round(rescanMs / 1000) }));

  let lastSaved = 0;
  // A full listing (every file stat'ed) at start, on every file event and every
  // 8th rescan; the other rescans look only at folders whose mtime changed.
  let wantFull = true;
  let ticks = 0;
  let stopping = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let inboxWasThere = true;
  const inbox = join(shared, 'inbox');

  const run = async (): Promise<void> => {
    if (stopping) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const quick = !wantFull;
        wantFull = false;
        try {
          await checkWatcher();
          const r = await syncOnce(office, { shared, state, quick, shouldStop: () => stopping, log: (l) => void say(l) });
          status.counts.runs++;
          status.counts.files += r.files.length;
          status.counts.applied += r.files.reduce((a, f) => a + f.applied, 0);
          status.counts.rejected += r.files.filter((f) => f.outcome === 'rejected' || f.outcome === 'partial').length;
          status.counts.exported += r.exported.length;
          for (const e of r.exported) await say(t('sync.daemon.logExported', { name: e }));
          const problem = r.problems.join(t('sync.daemon.problemSeparator')) || null;
          if (problem && problem !== status.lastError) await say(t('sync.daemon.logProblem', { problem }));
          const worthSaying = problem !== status.lastError || r.files.length > 0 || r.exported.length > 0;
          status.lastError = problem;
          status.lastRunAt = new Date().toISOString();
          // An idle run is written down once a minute, not at every rescan: idling must cost nothing.
          if (worthSaying || Date.now() - lastSaved >= 60_000) {
            lastSaved = Date.now();
            await saveStatus();
            // Idle: a checkpoint that has come due is written now, not in a clerk's next change.
            if (!worthSaying) await office.checkpoint().catch(() => undefined);
          }
        } catch (err) {
          const msg = (err as Error).message;
          if (msg !== status.lastError) await say(t('sync.daemon.logError', { error: msg }));
          status.lastError = msg;
          status.lastRunAt = new Date().toISOString();
          await saveStatus();
        }
      } while (again && !stopping);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };

  let debounce: NodeJS.Timeout | null = null;
  const poke = () => {
    wantFull = true;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => void run(), debounceMs);
  };

  // Watching is a hint; the rescan is the truth. A watcher on a folder that
  // went away goes silent (pitfalls §8), so it is dropped and made again.
  async function checkWatcher(): Promise<void> {
    let there = false;
    try {
      there = statSync(inbox).isDirectory();
    } catch {
      there = false;
    }
    if (!there) {
      if (inboxWasThere) await say(t('sync.daemon.logInboxAway', { inbox }));
      inboxWasThere = false;
      if (watcher) {
        const w = watcher;
        watcher = null;
        await w.close().catch(() => undefined);
      }
      return;
    }
    if (!inboxWasThere) await say(t('sync.daemon.logInboxBack', { inbox }));
    inboxWasThere = true;
    if (watcher || stopping) return;
    const { watch } = await import('chokidar');
    const w = watch(inbox, { ignoreInitial: true, depth: 8, persistent: true });
    w.on('all', () => poke());
    w.on('error', () => {
      if (watcher === w) watcher = null;
      void w.close().catch(() => undefined);
    });
    watcher = w;
  }

  const tick = () => {
    timer = setTimeout(async () => {
      if (++ticks % 8 === 0) wantFull = true;
      await run();
      if (!stopping) tick();
    }, rescanMs);
  };

  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      await say(t('sync.daemon.logSignal', { signal }));
      if (timer) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      if (running) await running.catch(() => undefined);
      if (watcher) await watcher.close().catch(() => undefined);
      status.running = false;
      status.stoppedAt = new Date().toISOString();
      await saveStatus();
      const pidNow = await readFile(pidPath(dataDir), 'utf8').catch(() => '');
      if (pidNow.trim() === String(process.pid)) await unlink(pidPath(dataDir)).catch(() => undefined);
      await say(t('sync.daemon.logExited'));
      resolve();
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
    void run().then(() => {
      if (!stopping) tick();
    });
  });
}
