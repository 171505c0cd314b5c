// The inbox scan: which files are in `<shared>/inbox/` (ignoring temp and
// lock files), listed cheaply on idle runs, and which of them have arrived
// (size and mtime unchanged over the stable moment).
import { readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sleep } from '../store/process.js';
import { t } from '../i18n/index.js';

const IGNORED_PREFIXES = ['.', '~$', '.~lock'];
const IGNORED_SUFFIXES = ['.tmp', '.part', '.crdownload'];

export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return IGNORED_PREFIXES.some((p) => name.startsWith(p)) || IGNORED_SUFFIXES.some((s) => lower.endsWith(s));
}

export interface Found {
  abs: string;
  /** Path under `inbox/`, with `/`. */
  rel: string;
  size: number;
  mtimeMs: number;
}

export interface DirListing {
  mtimeMs: number;
  files: Found[];
  dirs: string[];
}

/**
 * Lists the inbox with plain synchronous calls: on an idle run this is all
 * the work there is. With `quick`, a folder whose own mtime has not changed
 * (no file added, removed or renamed in it) is not listed again and its
 * files are not stat'ed: a file rewritten in place is found by the next
 * full listing (the daemon makes one on every file event and every few
 * minutes).
 */
export function walk(root: string, dir: string, out: Found[], problems: string[], cache: Map<string, DirListing>, quick: boolean): void {
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch (err) {
    if (dir === root) throw err;
    cache.delete(dir);
    return;
  }
  const cached = cache.get(dir);
  if (quick && cached && cached.mtimeMs === dirStat.mtimeMs) {
    out.push(...cached.files);
    for (const d of cached.dirs) walk(root, d, out, problems, cache, quick);
    return;
  }
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (dir === root) throw err;
    problems.push(t('sync.problem.folderUnreadable', { folder: relative(root, dir), code: (err as NodeJS.ErrnoException).code ?? '' }));
    return;
  }
  const listing: DirListing = { mtimeMs: dirStat.mtimeMs, files: [], dirs: [] };
  for (const e of entries) {
    if (isIgnoredName(e.name)) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) listing.dirs.push(abs);
    else if (e.isFile() || e.isSymbolicLink()) {
      const s = statSync(abs, { throwIfNoEntry: false });
      // Gone between the listing and the stat: it is not there.
      if (!s || !s.isFile()) continue;
      listing.files.push({ abs, rel: relative(root, abs).split(sep).join('/'), size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  cache.set(dir, listing);
  out.push(...listing.files);
  for (const d of listing.dirs) walk(root, d, out, problems, cache, quick);
}

/**
 * The candidates that have arrived: a file changed less than `stableMs` ago is
 * looked at again after the wait; one still changing is counted as arriving.
 * Sorted by path, so two offices' runs over one inbox agree.
 */
export async function arrived(candidates: readonly Found[], stableMs: number): Promise<{ ready: Found[]; arriving: number }> {
  let arriving = 0;
  const young = candidates.filter((f) => Date.now() - f.mtimeMs < stableMs);
  if (young.length) {
    const wait = Math.max(...young.map((f) => stableMs - (Date.now() - f.mtimeMs)));
    await sleep(Math.min(Math.max(wait, 0), stableMs));
  }
  const ready: Found[] = [];
  for (const f of candidates) {
    if (young.includes(f)) {
      try {
        const s = await stat(f.abs);
        if (s.size !== f.size || s.mtimeMs !== f.mtimeMs) {
          arriving++;
          continue;
        }
      } catch {
        continue;
      }
    }
    ready.push(f);
  }
  ready.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { ready, arriving };
}
