// The append-only journal: every committed change, who made it, when, from
// where, and the hash of the entry before it. It is also the write-ahead log:
// an entry is committed once its line is on disk, and store files are
// brought up to it at the next open if a crash came in between.
import { createHash, hash } from 'node:crypto';
import { open, stat, truncate } from 'node:fs/promises';
import type { AnyRecord, CollectionName } from './schema.js';
import { FILE_MODE, writePieces } from './atomicFile.js';
import { expandChanges, type StoredChange } from './table.js';
import { t } from '../i18n/index.js';


/** Where a change came from: this office, or an inbound file (its sha256). */
export type Source = 'local' | `file:${string}`;
export const GENESIS_HASH = '0'.repeat(64);

export interface Change {
  c: CollectionName;
  id: string;
  op: 'create' | 'update' | 'delete';
  /** New values of the top-level fields that changed (the whole record for create). */
  set?: AnyRecord;
  /** Old values of those fields (the whole record for delete); absent fields are listed in `unset`. */
  was?: AnyRecord;
  /** Fields the change removed. */
  unset?: string[];
  /**
   * Fields of `set` that hold only the changed keys of a map (a session's
   * marks): merged into the record's map, not put in its place; `was` holds
   * those keys' old values. Journals before this field set maps whole.
   */
  merge?: string[];
  /** Keys removed from a merged map, by field. */
  drop?: Record<string, string[]>;
}

export interface JournalEntry {
  seq: number;
  at: string;
  operator: string;
  source: Source;
  action: string;
  summary?: string;
  changes: Change[];
  prev: string;
  hash: string;
}

export type EntryBody = Omit<JournalEntry, 'hash'>;
/** An entry as it is written: its changes may hold tables (table.ts). */
export type StoredEntryBody = Omit<EntryBody, 'changes'> & { changes: readonly StoredChange[] };

/** A journal line's entry, its tables expanded (no hash check: see verifyLine). */
export function parseEntryText(text: string): JournalEntry {
  const e = JSON.parse(text) as JournalEntry;
  e.changes = expandChanges(e.changes as StoredChange[]);
  return e;
}

/**
 * Applies one change to collections of records; replaying an entry twice
 * gives the same result. Returns the record now stored (undefined if deleted).
 */
export function applyChangeTo(colls: Partial<Record<string, Record<string, AnyRecord>>>, ch: Change): AnyRecord | undefined {
  const coll = (colls[ch.c] ??= {});
  if (ch.op === 'delete') {
    delete coll[ch.id];
    return undefined;
  }
  const cur = coll[ch.id];
  const rec: AnyRecord = ch.op === 'create' ? { ...(ch.set ?? {}) } : { ...(cur ?? {}), ...(ch.set ?? {}) };
  for (const k of ch.unset ?? []) delete rec[k];
  for (const f of ch.merge ?? []) {
    if (!ch.set || !(f in ch.set)) continue;
    const map: AnyRecord = { ...((cur?.[f] as AnyRecord | undefined) ?? {}), ...(ch.set[f] as AnyRecord) };
    for (const k of ch.drop?.[f] ?? []) delete map[k];
    rec[f] = map;
  }
  coll[ch.id] = rec;
  return rec;
}

/** SHA-256 as hex: journal lines, kept files, backups, decisions' content ids. One-shot `hash` (Node 20.12+) is about twice as fast as a Hash object for short data. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

export const hashBody = (body: string): string => sha256Hex(body);

/** Serialises an entry and its hash; the hash covers every other byte of the line. */
export function serializeEntry(body: EntryBody): { line: string; hash: string } {
  const text = JSON.stringify(body);
  const hash = hashBody(text);
  return { line: `${text.slice(0, -1)},"hash":"${hash}"}\n`, hash };
}

export interface ParsedTail {
  entries: { entry: JournalEntry; start: number; end: number }[];
  /** Byte offset just after the last complete line. */
  end: number;
  /** Bytes after `end` that do not form a complete line: an append cut off by a crash. */
  tornBytes: number;
  /** The first line that is complete but broken (bad JSON or wrong hash). */
  damage: { offset: number; line: number; reason: string } | null;
}

export function verifyLine(line: string): { ok: true; entry: JournalEntry } | { ok: false; reason: string } {
  let parsed: JournalEntry;
  try {
    parsed = JSON.parse(line) as JournalEntry;
  } catch {
    return { ok: false, reason: t('store.notJson') };
  }
  const { hash, ...body } = parsed;
  if (typeof hash !== 'string') return { ok: false, reason: t('store.noHash') };
  // The line as this program writes it is the body's text with the hash put
  // before its last brace, so the text itself gives the hash without being
  // written out again (a JSON.stringify as long as the line: ~40% of reading
  // a journal). Any other layout (an older writer, a line edited by hand) is
  // checked as before, on the body serialised again.
  if (writtenHash(line) !== hash && hashBody(JSON.stringify(body)) !== hash) return { ok: false, reason: t('store.hashMismatch') };
  parsed.changes = expandChanges(parsed.changes as StoredChange[]);
  return { ok: true, entry: parsed };
}

/** `,"hash":"` + 64 hex digits + `"}`, the end of every line `serializeEntry` and `appendEntryDurably` write. */
const HASH_TAIL = 75;

/** The hash of a line's text without its trailing hash field, or null when it does not end in one. */
function writtenHash(line: string): string | null {
  if (line.length <= HASH_TAIL || !line.endsWith('"}') || !line.startsWith(',"hash":"', line.length - HASH_TAIL)) return null;
  return hashBody(`${line.slice(0, -HASH_TAIL)}}`);
}

/**
 * Reads complete lines from `offset`, checking each line's own hash and the
 * chain from `prevHash`. Stops at the first damaged line.
 */
/** The journal's bytes from `offset` to its end; null when there is no journal. */
export async function readJournalBytes(path: string, offset: number): Promise<Buffer | null> {
  try {
    const h = await open(path, 'r');
    try {
      const size = (await h.stat()).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      if (buf.length > 0) await h.read(buf, 0, buf.length, offset);
      return buf;
    } finally {
      await h.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function readJournal(path: string, offset: number, prevHash: string, prevSeq: number, firstLine = 1): Promise<ParsedTail> {
  const buf = await readJournalBytes(path, offset);
  if (!buf) return { entries: [], end: offset, tornBytes: 0, damage: null };
  const out: ParsedTail = { entries: [], end: offset, tornBytes: 0, damage: null };
  let pos = 0;
  let line = firstLine;
  let prev = prevHash;
  let seq = prevSeq;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) {
      out.tornBytes = buf.length - pos;
      break;
    }
    const text = buf.toString('utf8', pos, nl);
    const v = verifyLine(text);
    const at = offset + pos;
    if (!v.ok) {
      out.damage = { offset: at, line, reason: v.reason };
      return out;
    }
    if (v.entry.prev !== prev) {
      out.damage = { offset: at, line, reason: t('store.chainBroken') };
      return out;
    }
    if (v.entry.seq !== seq + 1) {
      out.damage = { offset: at, line, reason: t('store.wrongSeq', { expected: seq + 1, actual: v.entry.seq }) };
      return out;
    }
    out.entries.push({ entry: v.entry, start: at, end: offset + nl + 1 });
    prev = v.entry.hash;
    seq = v.entry.seq;
    pos = nl + 1;
    line++;
    out.end = offset + pos;
  }
  return out;
}

/**
 * The text of an entry in pieces, a change at a time: joined, exactly
 * `JSON.stringify(body)`, whose hash the line carries. The last piece is
 * `],"prev":"…"}`; the line ends instead `],"prev":"…","hash":"…"}` and a newline.
 */
function* entryPieces(body: StoredEntryBody): Generator<string> {
  const { changes, prev, ...head } = body;
  yield `${JSON.stringify(head).slice(0, -1)},"changes":[`;
  let sep = '';
  for (const ch of changes) {
    // A table is given a column value at a time; a change as one piece.
    if (ch.op === 'table') {
      yield sep;
      yield* tablePieces(ch);
    } else yield `${sep}${JSON.stringify(ch)}`;
    sep = ',';
  }
}

/** Arrays longer than this are given in pieces: plain values this many at a time. */
const PIECE_ELEMENTS = 256;

/** JSON.stringify(v) of a table in pieces: objects a field at a time, long arrays of plain values PIECE_ELEMENTS at a time, of objects an element at a time. */
function* tablePieces(v: unknown): Generator<string> {
  if (Array.isArray(v)) {
    if (v.length <= PIECE_ELEMENTS) {
      yield JSON.stringify(v);
      return;
    }
    // A column of plain values (ids, dates, amounts) a slice at a time, its
    // brackets cut: a piece per value cost a JS call and an encode each
    // (~70 ms of a 10k-row merge). Values that are objects or arrays (a
    // case's history) stay one piece each, so that no piece grows with them.
    // JSON.stringify writes an undefined element as null either way.
    if (v.every((x) => x === null || typeof x !== 'object')) {
      for (let i = 0; i < v.length; i += PIECE_ELEMENTS) {
        const part = JSON.stringify(v.slice(i, i + PIECE_ELEMENTS));
        yield `${i === 0 ? '[' : ','}${part.slice(1, -1)}`;
      }
    } else {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        const sep = i === 0 ? '[' : ',';
        yield x === undefined || typeof x === 'function' || typeof x === 'symbol' ? `${sep}null` : `${sep}${JSON.stringify(x)}`;
      }
    }
    yield ']';
    return;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    let sep = '{';
    for (const k in o) {
      const x = o[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      yield `${sep}${JSON.stringify(k)}:`;
      sep = ',';
      yield* tablePieces(x);
    }
    yield sep === '{' ? '{}' : '}';
    return;
  }
  yield JSON.stringify(v);
}

/**
 * Appends an entry as one line, written in pieces of about 1 MB and hashed
 * as they go (a merge of 100,000 rows is one line of some 100 MB, never one
 * string), then waits until it is on disk: the commit point. Returns the
 * journal's size after it and the entry's hash. A crash or a full disk
 * part-way leaves a line without its newline: torn, never committed.
 */
export async function appendEntryDurably(path: string, body: StoredEntryBody, beforeEnd?: () => void): Promise<{ end: number; hash: string }> {
  const h = await open(path, 'a', FILE_MODE);
  try {
    const sha = createHash('sha256');
    await writePieces(h, entryPieces(body), (b) => sha.update(b));
    const tail = `],"prev":${JSON.stringify(body.prev)}`;
    const hash = sha.update(`${tail}}`).digest('hex');
    beforeEnd?.();
    await writePieces(h, [`${tail},"hash":"${hash}"}\n`]);
    await h.sync();
    return { end: (await h.stat()).size, hash };
  } finally {
    await h.close();
  }
}

/** Appends one line and waits until it is on disk: this is the commit point. */
export async function appendDurably(path: string, line: string): Promise<number> {
  const h = await open(path, 'a', FILE_MODE);
  try {
    // One write call may write only part of the line when the disk is nearly
    // full, without an error: the rest is written (or fails with ENOSPC) here,
    // never left as a torn line that was reported committed.
    const buf = Buffer.from(line);
    for (let off = 0; off < buf.length; ) off += (await h.write(buf, off, buf.length - off)).bytesWritten;
    await h.sync();
    return (await h.stat()).size;
  } finally {
    await h.close();
  }
}

export async function journalSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/** Cuts off an append that a crash left incomplete (it was never committed). */
export async function dropTornTail(path: string, end: number): Promise<void> {
  await truncate(path, end);
  const h = await open(path, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
