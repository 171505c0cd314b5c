// The office's stores: six lowdb JSON files and the journal, opened together.
// The journal is the durable record: every change goes through `transact`
// (lock, catch up, change, one journal append and fsync: the commit point,
// release). The store files are checkpoints: rewritten, atomically, only when
// the journal past them grows beyond a bound (see `checkpoint`). Opening loads
// them and replays the journal past `head.json`, so a change that touches
// several stores is one entry, atomic as a whole.
import { join } from 'node:path';
import { readdir, unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import { now as clockNow, type Now } from '../office/clock.js';
import { collectionPieces, crashPoint, DurableJSONFile, ensureDir, isTempName, readFileIfExists, writeFileAtomic, type PieceCollection } from './atomicFile.js';
import {
  appendEntryDurably,
  applyChangeTo,
  dropTornTail,
  GENESIS_HASH,
  journalSize,
  readJournal,
  type Change,
  type JournalEntry,
  type Source,
} from './journal.js';
import { DataLock, type HeldLock } from './lock.js';
import { compactChanges } from './table.js';
import { readSummaryStamp, writeSummary, type Summary } from './summary.js';
import { UserFacingError } from '../office/errors.js';
import { t } from '../i18n/index.js';
import {
  emptyStoreFile,
  migrate,
  STORE_NAMES,
  STORE_OF,
  STORES,
  type AnyRecord,
  type CollectionName,
  type RecordOf,
  type StoreFile,
  type StoreName,
} from './schema.js';

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export class StoreError extends UserFacingError {
  constructor(message: string, readonly file?: string) {
    super(message);
  }
}

/** `head.json`: the checkpoint. Every store file reflects every entry up to `seq`. */
export interface Head {
  seq: number;
  hash: string;
  /** Byte length of the journal up to and including entry `seq`. */
  end: number;
}

export interface TxMeta {
  operator: string;
  source: Source;
  action: string;
  summary?: string;
}

export const JOURNAL_FILE = 'journal.jsonl';
/** The least journal growth past a checkpoint that makes the next one (see `checkpointBound`). */
export const CHECKPOINT_MIN_BYTES = 1 << 20;
/**
 * Store files this small (with the summary, which every checkpoint rewrites
 * too) are rewritten at every change: that costs no more than the change's
 * own bound (64 KB).
 */
export const CHEAP_CHECKPOINT_BYTES = 32 << 10;
/** The least journal growth past `summary.json` that makes it be written again (see `summaryBound`). */
export const SUMMARY_MIN_BYTES = 64 << 10;
export const HEAD_FILE = 'head.json';

/** `head.json` as the office, doctor and backup read it: null when absent, 'damaged' when it is not a head. */
export async function readHeadFile(dir: string): Promise<Head | 'damaged' | null> {
  const buf = await readFileIfExists(join(dir, HEAD_FILE));
  if (!buf) return null;
  try {
    const h = JSON.parse(buf.toString('utf8')) as Head;
    if (typeof h.seq === 'number' && typeof h.hash === 'string' && typeof h.end === 'number') return h;
  } catch {
    /* not JSON */
  }
  return 'damaged';
}
export const storeFileName = (s: StoreName): string => `${s}.json`;

type Data = { [C in CollectionName]: Record<string, AnyRecord> };

function freezeDeep<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) freezeDeep(v);
  }
  return o;
}

// Freezing committed records in tests turns an accidental in-place edit
// (which the diff would not see) into an immediate error.
const FREEZE = process.env.NODE_ENV === 'test' || process.env.JIUZHU_FREEZE === '1';

/** Read access to committed records. */
export class View {
  constructor(protected readonly data: Data) {}

  get<C extends CollectionName>(c: C, id: string): DeepReadonly<RecordOf<C>> | undefined {
    return this.data[c][id] as DeepReadonly<RecordOf<C>> | undefined;
  }

  all<C extends CollectionName>(c: C): DeepReadonly<RecordOf<C>>[] {
    return Object.values(this.data[c]) as DeepReadonly<RecordOf<C>>[];
  }

  count(c: CollectionName): number {
    return Object.keys(this.data[c]).length;
  }
}

/** The records of a summary (summary.ts), with every collection's count as the full data has it. */
export class SummaryView extends View {
  constructor(summary: Summary) {
    const data = {} as Data;
    for (const s of STORE_NAMES) for (const c of STORES[s]) data[c] = summary.collections[c] ?? {};
    super(data);
    this.counts = summary.counts;
  }

  private readonly counts: Summary['counts'];

  override count(c: CollectionName): number {
    return this.counts[c] ?? 0;
  }
}

/** A transaction's own changes, one map per collection (Tx.get looks in one, never builds a key). */
export class Pending {
  private readonly by = new Map<CollectionName, Map<string, AnyRecord | null>>();

  of(c: CollectionName): Map<string, AnyRecord | null> | undefined {
    return this.by.get(c);
  }

  set(c: CollectionName, id: string, after: AnyRecord | null): void {
    let m = this.by.get(c);
    if (!m) this.by.set(c, (m = new Map()));
    m.set(id, after);
  }

  /** Forgets every change (a file refused whole, a strict merge with a rejected row). */
  clear(): void {
    this.by.clear();
  }

  get size(): number {
    let n = 0;
    for (const m of this.by.values()) n += m.size;
    return n;
  }

  *values(): IterableIterator<{ c: CollectionName; id: string; after: AnyRecord | null }> {
    for (const [c, m] of this.by) for (const [id, after] of m) yield { c, id, after };
  }
}

/** What a transaction's function sees: committed records plus its own pending changes. */
export class Tx extends View {
  readonly pending = new Pending();

  constructor(
    data: Data,
    readonly meta: TxMeta,
    readonly now: Now,
  ) {
    super(data);
  }

  override get<C extends CollectionName>(c: C, id: string): DeepReadonly<RecordOf<C>> | undefined {
    const p = this.pending.of(c);
    if (p !== undefined) {
      const after = p.get(id);
      if (after !== undefined) return (after ?? undefined) as DeepReadonly<RecordOf<C>> | undefined;
    }
    return super.get(c, id);
  }

  override all<C extends CollectionName>(c: C): DeepReadonly<RecordOf<C>>[] {
    const p = this.pending.of(c);
    if (!p || p.size === 0) return super.all(c);
    // In the committed order, a replaced record in its place, new ones after.
    const out: AnyRecord[] = [];
    const committed = this.data[c];
    for (const id in committed) {
      const after = p.get(id);
      if (after === undefined) out.push(committed[id]!);
      else if (after) out.push(after);
    }
    for (const [id, after] of p) if (after && !Object.hasOwn(committed, id)) out.push(after);
    return out as unknown as DeepReadonly<RecordOf<C>>[];
  }

  override count(c: CollectionName): number {
    const p = this.pending.of(c);
    if (!p || p.size === 0) return super.count(c);
    let n = super.count(c);
    for (const [id, after] of p) {
      const was = Object.hasOwn(this.data[c], id);
      if (after && !was) n++;
      else if (!after && was) n--;
    }
    return n;
  }

  /** Creates or replaces a record. Pass a new object; committed records are never edited in place. */
  put<C extends CollectionName>(c: C, id: string, rec: RecordOf<C>): void {
    this.pending.set(c, id, rec as unknown as AnyRecord);
  }

  /** Edits a copy of the record; returns the new record, or undefined when there is none. */
  update<C extends CollectionName>(c: C, id: string, fn: (draft: RecordOf<C>) => void): RecordOf<C> | undefined {
    const cur = this.get(c, id);
    if (cur === undefined) return undefined;
    const draft = structuredClone(cur) as RecordOf<C>;
    fn(draft);
    this.put(c, id, draft);
    return draft;
  }

  delete(c: CollectionName, id: string): void {
    this.pending.set(c, id, null);
  }
}

const isPlainObject = (v: unknown): v is AnyRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * A field holding a map (a session's marks by person) that changed in a few
 * of its keys: the change carries those keys only (`merge`), so marking one
 * person journals that person's mark, not the session's whole roster.
 * Null when the map is small or most of it changed (then the field is set whole).
 */
function mapPatch(before: AnyRecord, after: AnyRecord): { set: AnyRecord; was: AnyRecord; drop: string[] } | null {
  const keys = Object.keys(after);
  if (keys.length < MERGE_MIN_KEYS) return null;
  const set: AnyRecord = {};
  const was: AnyRecord = {};
  const drop: string[] = [];
  let n = 0;
  for (const k of keys) {
    const v = after[k];
    if (v === undefined) continue;
    if (same(before[k], v)) continue;
    set[k] = v;
    if (before[k] !== undefined) was[k] = before[k];
    n++;
  }
  for (const k of Object.keys(before)) {
    if (before[k] !== undefined && after[k] === undefined) {
      drop.push(k);
      was[k] = before[k];
      n++;
    }
  }
  // The merged map keeps the old keys' order and puts new ones last: patch only when that is `after`'s order too.
  const order = Object.keys(before).filter((k) => before[k] !== undefined && after[k] !== undefined);
  for (const k of keys) if (after[k] !== undefined && (before[k] === undefined)) order.push(k);
  let i = 0;
  for (const k of keys) if (after[k] !== undefined && order[i++] !== k) return null;
  return n * 2 <= keys.length ? { set, was, drop } : null;
}

/** Maps with fewer keys than this are set whole (a patch would save nothing). */
const MERGE_MIN_KEYS = 8;

function diff(c: CollectionName, id: string, before: AnyRecord | undefined, after: AnyRecord | null): Change | null {
  if (!after) return before ? { c, id, op: 'delete', was: before } : null;
  if (!before) return { c, id, op: 'create', set: after };
  const set: AnyRecord = {};
  const was: AnyRecord = {};
  const unset: string[] = [];
  const merge: string[] = [];
  const drop: Record<string, string[]> = {};
  for (const k in after) {
    const v = after[k];
    if (v === undefined) continue;
    const old = before[k];
    if (old === v) continue;
    if (old !== undefined && typeof v === 'object' && same(old, v)) continue;
    const patch = isPlainObject(old) && isPlainObject(v) ? mapPatch(old, v) : null;
    if (patch) {
      set[k] = patch.set;
      was[k] = patch.was;
      merge.push(k);
      if (patch.drop.length) drop[k] = patch.drop;
      continue;
    }
    set[k] = v;
    if (old !== undefined) was[k] = old;
  }
  for (const k in before) {
    if (after[k] === undefined && before[k] !== undefined) {
      unset.push(k);
      was[k] = before[k];
    }
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  const ch: Change = { c, id, op: 'update', set, was };
  if (unset.length) ch.unset = unset;
  if (merge.length) ch.merge = merge;
  if (Object.keys(drop).length) ch.drop = drop;
  return ch;
}

function applyChange(data: Data, ch: Change): void {
  if (!data[ch.c]) return;
  const rec = applyChangeTo(data, ch);
  // Frozen on a deep copy: the nested values may still be the caller's.
  if (rec && FREEZE) data[ch.c][ch.id] = freezeDeep(structuredClone(rec));
}

/**
 * A store file's JSON text some records at a time (joined, what JSON.stringify
 * gives): a 60 MB store is written without a 60 MB string.
 */
export function* storePieces(file: StoreFile): Generator<string> {
  let sep = '{';
  for (const [k, v] of Object.entries(file)) {
    if (v === undefined) continue;
    if (k !== 'collections') {
      yield `${sep}${JSON.stringify(k)}:${JSON.stringify(v)}`;
      sep = ',';
      continue;
    }
    const collections = Object.entries(v as StoreFile['collections']).flatMap(([c, recs]): PieceCollection[] => (recs === undefined ? [] : [[c, Object.keys(recs), (id) => recs[id]]]));
    yield* collectionPieces(`${sep}"collections":`, collections);
    sep = ',';
  }
  yield sep === '{' ? '{}' : '}';
}

export interface OpenOptions {
  /** Take the lock and repair (replay the journal, drop a torn tail). Default true. */
  repair?: boolean;
  env?: NodeJS.ProcessEnv;
}

export class Office {
  private stores = {} as Record<StoreName, StoreFile>;
  private data = {} as Data;
  private head: Head = { seq: 0, hash: GENESIS_HASH, end: 0 };
  /** The last checkpoint this process knows of (head.json); only ever moves forward. */
  private checkpointed: Head = { seq: 0, hash: GENESIS_HASH, end: 0 };
  /** Bytes of each store file as last read or written: the checkpoint bound scales with them. */
  private readonly storeSize = new Map<StoreName, number>();
  /** The entry `summary.json` reflects as this process last wrote or read it (null: not looked at yet), and its size. */
  private summarized: Head | null = null;
  private summaryBytes = 0;
  private readonly lock: DataLock;
  private readonly listeners = new Set<(entries: JournalEntry[]) => void>();
  readonly journalPath: string;

  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.lock = new DataLock(dir);
    this.journalPath = join(dir, JOURNAL_FILE);
  }

  static async exists(dir: string): Promise<boolean> {
    return (await readFileIfExists(join(dir, storeFileName('settings')))) !== null;
  }

  /** Creates the data folder's stores; refuses when they exist already. */
  static async create(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Office> {
    await ensureDir(dir);
    const office = new Office(dir, env);
    await office.lock.with(async () => {
      if (await Office.exists(dir)) throw new StoreError(t('store.alreadyInitialised', { dir }));
      for (const s of STORE_NAMES) {
        office.stores[s] = emptyStoreFile(s);
        await office.writeStore(s);
      }
      office.bind();
      await office.writeSummaryAt({ ...office.head });
      await office.writeHead(office.head);
    });
    return office;
  }

  static async open(dir: string, opts: OpenOptions = {}): Promise<Office> {
    const office = new Office(dir, opts.env ?? process.env);
    if (!(await Office.exists(dir))) {
      throw new StoreError(t('store.noOffice', { dir }));
    }
    if (opts.repair === false) await office.load(false);
    else await office.lock.with(() => office.load(true));
    return office;
  }

  /** The last committed entry of a data folder (head.json's checkpoint and the journal past it), without opening it. */
  static async committedHead(dir: string): Promise<Head | null> {
    const h = await readHeadFile(dir);
    if (h === null || h === 'damaged') return null;
    const tail = await readJournal(join(dir, JOURNAL_FILE), h.end, h.hash, h.seq);
    const last = tail.entries.at(-1);
    return last ? { seq: last.entry.seq, hash: last.entry.hash, end: last.end } : h;
  }

  private bind(): void {
    for (const s of STORE_NAMES) for (const c of STORES[s]) this.data[c] = this.stores[s].collections[c]!;
  }

  private async readHead(): Promise<Head> {
    const h = await readHeadFile(this.dir);
    if (h === null) return { seq: 0, hash: GENESIS_HASH, end: 0 };
    if (h === 'damaged') throw new StoreError(t('store.headDamaged', { file: HEAD_FILE }), HEAD_FILE);
    return h;
  }

  private async loadStore(s: StoreName): Promise<{ file: StoreFile; migratedFrom: number | null }> {
    const name = storeFileName(s);
    const adapter = new DurableJSONFile<unknown>(join(this.dir, name));
    const low = new Low<unknown>(adapter, null);
    try {
      await low.read();
    } catch {
      throw new StoreError(t('store.storeUnreadable', { name }), name);
    }
    if (low.data === null) {
      throw new StoreError(t('store.storeMissing', { name }), name);
    }
    this.storeSize.set(s, adapter.bytesRead);
    try {
      return migrate(low.data, s, name);
    } catch (err) {
      throw new StoreError((err as Error).message, name);
    }
  }

  /** Loads every store and brings it up to the end of the journal. */
  private async load(repair: boolean): Promise<void> {
    // Head first, journal tail last: a writer that commits meanwhile is then
    // either in the store files or in the tail we read.
    const head = await this.readHead();
    this.checkpointed = head;
    // Read afresh when needed: a restore may have put another folder's summary here.
    this.summarized = null;
    this.summaryBytes = 0;
    const migrated: StoreName[] = [];
    for (const s of STORE_NAMES) {
      const { file, migratedFrom } = await this.loadStore(s);
      this.stores[s] = file;
      if (migratedFrom !== null) migrated.push(s);
    }
    this.bind();
    if (FREEZE) for (const c of Object.keys(this.data) as CollectionName[]) for (const r of Object.values(this.data[c])) freezeDeep(r);
    const tail = await readJournal(this.journalPath, head.end, head.hash, head.seq);
    if (tail.damage) {
      throw new StoreError(t('store.journalDamagedAfter', { file: JOURNAL_FILE, line: tail.damage.line, reason: tail.damage.reason }), JOURNAL_FILE);
    }
    for (const { entry } of tail.entries) this.replay(entry);
    const last = tail.entries.at(-1);
    this.head = last ? { seq: last.entry.seq, hash: last.entry.hash, end: last.end } : head;
    for (const s of STORE_NAMES) {
      if (this.stores[s].journalSeq > this.head.seq) {
        throw new StoreError(
          t('store.journalTruncated', { name: storeFileName(s), storeSeq: this.stores[s].journalSeq, journalSeq: this.head.seq }),
          JOURNAL_FILE,
        );
      }
    }
    if (!repair) return;
    await this.removeStrayTempFiles();
    if (tail.tornBytes > 0) await dropTornTail(this.journalPath, tail.end);
    // A migrated file is written back once, in the current layout; the
    // replayed entries stay in the journal until the next checkpoint.
    for (const s of migrated) await this.writeStore(s);
    await this.checkpointIfDue();
  }

  /** Temp files of writes a crash interrupted; the renamed-into-place files are whole. */
  private async removeStrayTempFiles(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      if (isTempName(name)) await unlink(join(this.dir, name)).catch(() => undefined);
    }
  }

  /** Applies the entry to the stores that do not reflect it yet (each store knows its last seq). */
  private replay(entry: JournalEntry): void {
    const now = new Set<StoreName>();
    for (const ch of entry.changes) {
      const s = STORE_OF[ch.c];
      if (!s || this.stores[s].journalSeq >= entry.seq) continue;
      applyChange(this.data, ch);
      now.add(s);
    }
    for (const s of now) this.stores[s].journalSeq = entry.seq;
  }

  /** Writes one store file whole and atomically; returns its size. */
  private async writeStore(s: StoreName, beforeRename?: () => void): Promise<void> {
    const bytes = await writeFileAtomic(join(this.dir, storeFileName(s)), storePieces(this.stores[s]), undefined, beforeRename);
    this.storeSize.set(s, bytes);
  }

  private async writeHead(head: Head): Promise<void> {
    await writeFileAtomic(join(this.dir, HEAD_FILE), JSON.stringify(head));
  }

  /** Journal bytes past the last checkpoint this process knows of. */
  private get pastCheckpoint(): number {
    return this.head.end - this.checkpointed.end;
  }

  /**
   * The bound: a checkpoint once the journal past it holds a quarter of the
   * stores' bytes (at least 1 MiB), so that its rewrite costs at most about
   * four times the changes it folds in, and an open replays at most a
   * quarter of what it parses anyway. JIUZHU_CHECKPOINT_BYTES overrides it
   * (tests: 0 checkpoints after every change). Public for the start-up
   * bench, whose mid-day office grows to nine tenths of it.
   */
  get checkpointBound(): number {
    const set = this.bytesSetting('JIUZHU_CHECKPOINT_BYTES');
    if (set !== null) return set;
    let bytes = 0;
    for (const n of this.storeSize.values()) bytes += n;
    return Math.max(CHECKPOINT_MIN_BYTES, Math.floor(bytes / 4));
  }

  /** Bytes a checkpoint would rewrite now: the stores changed since the last one, at their last known size. */
  private get staleBytes(): number {
    let n = 0;
    for (const s of STORE_NAMES) if (this.stores[s].journalSeq > this.checkpointed.seq) n += this.storeSize.get(s) ?? 0;
    return n;
  }

  /** Due when the journal past the last checkpoint passes the bound, or when the rewrite is as cheap as a change (a small office). */
  private get checkpointDue(): boolean {
    if (this.head.seq === this.checkpointed.seq) return false;
    // The summary counts: a change to settings.json alone in a 2,000-household office wrote its 1.2 MB.
    return this.pastCheckpoint >= this.checkpointBound || (this.bytesSetting('JIUZHU_CHECKPOINT_BYTES') === null && this.staleBytes + this.summaryBytes <= CHEAP_CHECKPOINT_BYTES);
  }

  /** Another process may have checkpointed since this one last looked: head.json says. */
  private async adoptDiskCheckpoint(): Promise<void> {
    const onDisk = await readHeadFile(this.dir).catch(() => null);
    if (onDisk && onDisk !== 'damaged' && onDisk.seq > this.checkpointed.seq && onDisk.seq <= this.head.seq) this.checkpointed = onDisk;
  }

  /** Under the lock, with the data caught up: a checkpoint if one is due. */
  private async checkpointIfDue(): Promise<void> {
    // The summary's size, once per read of the folder, before the rule that counts it
    // (not at an open with nothing past the checkpoint).
    if (this.summarized === null && this.head.seq > this.checkpointed.seq) await this.adoptSummaryStamp();
    if (!this.checkpointDue) return;
    await this.adoptDiskCheckpoint();
    if (!this.checkpointDue) return;
    try {
      await this.writeCheckpoint();
    } catch {
      // Disk full or the like: the changes are in the journal; the next commit tries again.
    }
  }

  /**
   * The summary's bound: `summary.json` is written again, alone, once the
   * journal past it holds a quarter of its bytes (at least 64 KiB). `status`
   * and the app's first frame follow the journal past it change by change,
   * so they then follow at most that much, where the checkpoint's bound (a
   * quarter of the stores, ten times the summary) let them follow up to
   * ~2.3 MB of changes at 2,000 households (~+50 ms). The rewrite costs at
   * most four times the changes it covers, as the checkpoint's does.
   * JIUZHU_SUMMARY_BYTES overrides it (tests).
   */
  private get summaryBound(): number {
    return this.bytesSetting('JIUZHU_SUMMARY_BYTES') ?? Math.max(SUMMARY_MIN_BYTES, Math.floor(this.summaryBytes / 4));
  }

  /** A bound set in the environment (tests), or null. */
  private bytesSetting(name: 'JIUZHU_CHECKPOINT_BYTES' | 'JIUZHU_SUMMARY_BYTES'): number | null {
    const v = this.env[name];
    return v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  }

  private get summaryDue(): boolean {
    return this.summarized === null || (this.head.seq > this.summarized.seq && this.head.end - this.summarized.end >= this.summaryBound);
  }

  /** Writes `summary.json` for the data at `head`, and remembers where it is and its size. */
  private async writeSummaryAt(head: Head, beforeRename?: () => void): Promise<void> {
    this.summaryBytes = await writeSummary(this.dir, this.data, head, this.now().date, beforeRename);
    this.summarized = head;
  }

  /** Where `summary.json` is and its size, from its stamp; false when there is none this journal can follow. */
  private async adoptSummaryStamp(): Promise<boolean> {
    const disk = await readSummaryStamp(this.dir).catch(() => null);
    if (!disk || disk.end > this.head.end) return false;
    this.summarized = { seq: disk.seq, hash: disk.hash, end: disk.end };
    this.summaryBytes = disk.bytes;
    return true;
  }

  /**
   * Under the lock, with the data caught up: `summary.json` written at the
   * journal's head if its bound is passed. Written atomically (temp file,
   * fsync, rename), it is either the one before or this one; head.json and
   * the store files are not touched, so a crash anywhere in it loses nothing.
   * A summary ahead of head.json is valid: a reader follows the journal from
   * the entry it names, whatever the checkpoint.
   */
  private async summaryIfDue(): Promise<void> {
    if (!this.summaryDue) return;
    // Another process may have written it since this one last looked. None
    // (an office from before summaries), another version's or another
    // journal's: written now, whatever the bound.
    if ((await this.adoptSummaryStamp()) && !this.summaryDue) return;
    const crash = (step: string) => crashPoint(this.env, `summary:${step}`);
    try {
      crash('before');
      await this.writeSummaryAt({ ...this.head }, () => crash('temp'));
      crash('after');
    } catch {
      // Disk full or the like: the summary is an index; the next commit tries again.
    }
  }

  /**
   * Every step leaves an openable office with no change lost:
   * 1. each store changed since the last checkpoint is rewritten atomically
   *    (temp file, fsync, rename, fsync the folder), carrying the seq of the
   *    last entry it reflects; a crash between two stores leaves some ahead
   *    of head.json, and the replay skips, per store, what a file holds;
   * 2. head.json is rewritten atomically to the journal head: the checkpoint.
   * The journal is never cut back: it is the office's history, which doctor
   * proves the stores against and the archive shows.
   */
  private async writeCheckpoint(): Promise<void> {
    const crash = (step: string) => crashPoint(this.env, `checkpoint:${step}`);
    crash('before');
    const head = { ...this.head };
    let first = true;
    for (const s of STORE_NAMES) {
      if (this.stores[s].journalSeq <= this.checkpointed.seq) continue;
      await this.writeStore(s, () => crash(first ? 'store-temp' : 'store-temp-next'));
      if (first) crash('between-stores');
      first = false;
    }
    crash('stores-written');
    // Beside the checkpoint: what `status` and the first frame read instead of the stores.
    await this.writeSummaryAt(head);
    crash('summary-written');
    await this.writeHead(head);
    this.checkpointed = head;
    crash('after');
  }

  /**
   * Folds the journal into the store files now, if anything is past the last
   * checkpoint (`force`) or if the bound is passed: for the daemon when idle
   * and for the app when it closes.
   */
  async checkpoint(opts: { force?: boolean } = {}): Promise<void> {
    await this.lock.with(async () => {
      await this.catchUp(true);
      if (opts.force) {
        await this.adoptDiskCheckpoint();
        if (this.head.seq > this.checkpointed.seq) await this.writeCheckpoint();
      } else await this.checkpointIfDue();
      await this.summaryIfDue();
    });
  }

  /** Resolves once every transaction and refresh this process has started is done (before exiting). */
  async settled(): Promise<void> {
    await this.lock.inTurn(async () => undefined);
  }

  /** Reads what other processes committed; queued behind this process's own transactions. */
  async refresh(): Promise<JournalEntry[]> {
    return this.lock.inTurn(() => this.catchUp(false));
  }

  private async catchUp(locked: boolean): Promise<JournalEntry[]> {
    const size = await journalSize(this.journalPath);
    if (size === this.head.end) return [];
    const tail = size < this.head.end ? null : await readJournal(this.journalPath, this.head.end, this.head.hash, this.head.seq);
    if (!tail || (tail.damage && tail.entries.length === 0 && tail.damage.offset === this.head.end)) {
      // Not the journal we were reading (a restore replaced the folder): start again from the files.
      await this.load(locked);
      for (const l of this.listeners) l([]);
      return [];
    }
    if (tail.damage && locked) {
      throw new StoreError(t('store.journalDamagedAt', { file: JOURNAL_FILE, line: tail.damage.line, reason: tail.damage.reason }), JOURNAL_FILE);
    }
    for (const { entry } of tail.entries) {
      for (const ch of entry.changes) {
        applyChange(this.data, ch);
        this.stores[STORE_OF[ch.c]].journalSeq = entry.seq;
      }
    }
    const last = tail.entries.at(-1);
    if (last) this.head = { seq: last.entry.seq, hash: last.entry.hash, end: last.end };
    // Under the lock nobody is appending, so an incomplete last line is a crash's leftover.
    if (locked && tail.tornBytes > 0) await dropTornTail(this.journalPath, this.head.end);
    const entries = tail.entries.map((e) => e.entry);
    if (entries.length) for (const l of this.listeners) l(entries);
    return entries;
  }

  onChange(fn: (entries: JournalEntry[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get view(): View {
    return new View(this.data);
  }

  get journalHead(): Head {
    return { ...this.head };
  }

  now(): Now {
    return clockNow(this.env);
  }

  /**
   * Runs `fn` against the current state under the lock and commits what it
   * changed as one journal entry. Throwing in `fn` commits nothing. A
   * transaction that changes nothing writes nothing.
   */
  async transact<T>(meta: TxMeta, fn: (tx: Tx) => T | Promise<T>): Promise<{ result: T; seq: number | null }> {
    return this.lock.with(async (held) => {
      await this.catchUp(true);
      const tx = new Tx(this.data, meta, this.now());
      const result = await fn(tx);
      const changes: Change[] = [];
      for (const p of tx.pending.values()) {
        const ch = diff(p.c, p.id, this.data[p.c][p.id], p.after);
        if (ch) changes.push(ch);
      }
      if (changes.length === 0) return { result, seq: null };
      await this.commit(held, meta, tx.now, changes);
      return { result, seq: this.head.seq };
    });
  }

  /**
   * Runs `fn` while holding the store lock: no process can commit or
   * checkpoint meanwhile, so the folder (checkpoint + journal) is a
   * consistent whole (backup). `fn` must not call `transact` (same lock).
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.with(async () => {
      await this.catchUp(true);
      return fn();
    });
  }

  private async commit(held: HeldLock, meta: TxMeta, at: Now, changes: Change[]): Promise<void> {
    if (held.compromised) throw new StoreError(t('store.lockCompromised'));
    const body = {
      seq: this.head.seq + 1,
      at: at.iso,
      operator: meta.operator,
      source: meta.source,
      action: meta.action,
      ...(meta.summary ? { summary: meta.summary } : {}),
      changes,
      prev: this.head.hash,
    };
    let end: number;
    let hash: string;
    try {
      ({ end, hash } = await appendEntryDurably(this.journalPath, { ...body, changes: compactChanges(changes) }, () => crashPoint(this.env, 'commit:mid-append')));
    } catch (err) {
      // Disk full or the like: nothing is committed; cut any partial line.
      await dropTornTail(this.journalPath, this.head.end).catch(() => undefined);
      throw err;
    }
    for (const ch of changes) {
      applyChange(this.data, ch);
      this.stores[STORE_OF[ch.c]].journalSeq = body.seq;
    }
    this.head = { seq: body.seq, hash, end };
    crashPoint(this.env, 'commit:after-append');
    // From here the change is committed. A checkpoint that fails (a full
    // disk) is tried again at the next commit; the caller is told it is
    // saved, because it is: an error here made the clerk retry and meet their
    // own change as a duplicate.
    await this.checkpointIfDue();
    await this.summaryIfDue();
  }
}

export { type Change, type JournalEntry } from './journal.js';
