// The seen-file state a long-running daemon keeps between runs (and on disk
// in `<data>/sync/seen.json`), so an idle run costs only a listing.
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
import type { DirListing, Found } from './inbox.js';

const seenPath = (dataDir: string) => join(dataDir, 'sync', 'seen.json');

/** What a long-running daemon keeps between runs, so an idle run costs only a listing. */
export class SyncState {
  /** path → size/mtime/sha of a file already dealt with. */
  seen = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
  /** receipts confirmed present in the outbox. */
  receiptsOk = new Set<string>();
  /** Every processed file's receipt was checked once (at start); later runs retry only failed writes. */
  receiptsChecked = false;
  /** Receipts whose write failed (share away, disk full): `sha:name`. */
  receiptsFailed = new Set<string>();
  /**
   * Listed files (the cached listing's own objects) found already dealt with:
   * a quick run skips them without a lookup; a full listing makes new objects,
   * so each is checked again then.
   */
  settled = new WeakSet<Found>();
  /** The inbox folders as last listed. */
  dirs = new Map<string, DirListing>();
  loaded = false;
  dirty = false;

  async load(dataDir: string): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const buf = await readFileIfExists(seenPath(dataDir));
    if (!buf) return;
    try {
      const o = JSON.parse(buf.toString('utf8')) as Record<string, { size: number; mtimeMs: number; sha256: string }>;
      for (const [k, v] of Object.entries(o)) this.seen.set(k, v);
    } catch {
      // A damaged cache is only a cache: everything is hashed again.
    }
  }

  async save(dataDir: string): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await writeFileAtomic(seenPath(dataDir), JSON.stringify(Object.fromEntries(this.seen)));
  }
}
