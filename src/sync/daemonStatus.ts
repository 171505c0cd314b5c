// What the dashboard says about the sync daemon. The daemon writes
// `<data>/daemon/status.json` ({pid, startedAt, lastRunAt, lastError,
// counts: {files, applied, rejected}}); no file means it never ran here, and a
// file whose pid is gone means it stopped (or crashed) without cleaning up.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from '../store/process.js';

export { isAlive };

export interface DaemonStatus {
  running: boolean;
  pid: number | null;
  startedAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  counts: { files: number; applied: number; rejected: number };
}


export const daemonDir = (dataDir: string) => join(dataDir, 'daemon');
export const pidPath = (dataDir: string) => join(daemonDir(dataDir), 'daemon.pid');
export const statusPath = (dataDir: string) => join(daemonDir(dataDir), 'status.json');
export const logPath = (dataDir: string) => join(daemonDir(dataDir), 'daemon.log');

/** The pid in the pid file, or null when there is none (or it is not a number). */
export async function readPid(dataDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(pidPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) ? pid : null;
}

export function readDaemonStatus(dataDir: string): DaemonStatus {
  const none: DaemonStatus = { running: false, pid: null, startedAt: null, lastRunAt: null, lastError: null, counts: { files: 0, applied: 0, rejected: 0 } };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(statusPath(dataDir), 'utf8')) as Record<string, unknown>;
  } catch {
    return none;
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const pid = typeof raw.pid === 'number' && Number.isInteger(raw.pid) && raw.pid > 0 ? raw.pid : null;
  const counts = (raw.counts ?? {}) as Record<string, unknown>;
  return {
    // A clean stop says so; a pid alone could be reused by another program.
    running: raw.running !== false && pid !== null && isAlive(pid),
    pid,
    startedAt: str(raw.startedAt),
    lastRunAt: str(raw.lastRunAt),
    lastError: str(raw.lastError),
    counts: { files: num(counts.files), applied: num(counts.applied), rejected: num(counts.rejected) },
  };
}
