// Writing into the shared folder: never recreating a share that is away,
// the mode of files the township reads, and the words for a disk's refusals.
import { access, mkdir, stat } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempName } from '../store/atomicFile.js';
import { UserFacingError } from '../office/errors.js';
import { t } from '../i18n/index.js';

export async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `dir` below `root`, never `root` itself: a shared folder that is
 * away (a USB stick pulled, a share not mounted) must not be recreated on the
 * local disk, where receipts would hide under the mount point once it is back.
 */
export async function mkdirBelow(root: string, dir: string): Promise<void> {
  await stat(root); // ENOENT while the share is away: the next run writes what is missing
  await mkdir(dir, { recursive: true });
}

/** Outbox files are read by the township's people and software: not private like the data folder. */
export const SHARED_MODE = 0o644;

/** Temp files of ours older than ten minutes: a write that was killed; no reader ever saw them. */
export async function removeOurTempFiles(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!isTempName(n)) continue;
      const p = join(dir, n);
      const s = statSync(p, { throwIfNoEntry: false });
      if (s && Date.now() - s.mtimeMs > 10 * 60_000) await unlink(p).catch(() => undefined);
    }
  }
}

export function problemText(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOSPC') return t('sync.problem.diskFull');
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') return t('sync.problem.noWrite');
  if (e.code === 'EIO') return t('sync.problem.io');
  if (e instanceof UserFacingError) return e.message;
  return e.code ? `${e.code}` : e.message;
}
