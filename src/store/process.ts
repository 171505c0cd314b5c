// Two small process helpers that the store needs and every part shares:
// waiting, and whether a process is alive (a lock's holder, the daemon's pid
// file). They live here because src/store imports nothing above it.

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Whether the process `pid` is alive on this machine (EPERM: it is, but belongs to someone else). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
