// Durable file writes: temp file in the same folder, fsync, rename, fsync the
// folder. lowdb's own writer (steno) never fsyncs and is last-write-wins, so
// every store file goes through here instead.
import { open, rename, mkdir, unlink, readFile, chmod, stat, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { sleep } from './process.js';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Windows: antivirus, the indexer or OneDrive briefly hold files; retry the rename for ~3 s. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 30) throw err;
      await sleep(Math.min(20 * 2 ** attempt, 200));
    }
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Writes `data` so that a reader, or the file after a power cut, is either the
 * old content or the new, never half of either.
 */
/** A temp file writeFileAtomic makes (and a process killed mid-write leaves behind). */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/**
 * Crash tests: when JIUZHU_CRASH_AT names this point, the process kills
 * itself on the spot (SIGKILL: no exit handlers, no flush), as a power cut
 * would stop it there.
 */
export function crashPoint(env: NodeJS.ProcessEnv, point: string): void {
  if (env.JIUZHU_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * Big files (a store, the summary) are given to `writePieces` a few records
 * at a time, in pieces of about this many characters: one piece per record
 * cost more than the records' own text, and a piece of 64 K (128 KB of
 * UTF-16) was born in V8's old generation, garbage there until the next full
 * GC; one of 8 K dies young.
 */
export const PIECE_CHARS = 1 << 13;

/** One collection for `collectionPieces`: its name, the ids to write, and the record of an id. */
export type PieceCollection = readonly [name: string, ids: Iterable<string>, record: (id: string) => unknown];

/**
 * `head` then `{"<name>":{"<id>":<record>,…},…}` in pieces of about
 * PIECE_CHARS: a store file's collections, the summary's. A record left
 * undefined is left out, as JSON.stringify leaves it.
 */
export function* collectionPieces(head: string, collections: Iterable<PieceCollection>): Generator<string> {
  let piece = head;
  let csep = '{';
  for (const [name, ids, record] of collections) {
    piece += `${csep}${JSON.stringify(name)}:`;
    csep = ',';
    let rsep = '{';
    for (const id of ids) {
      const r = record(id);
      if (r === undefined) continue;
      piece += `${rsep}${JSON.stringify(id)}:${JSON.stringify(r)}`;
      rsep = ',';
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    piece += rsep === '{' ? '{}' : '}';
  }
  yield piece + (csep === '{' ? '{}' : '}');
}

/** Pieces of text are encoded into one buffer of this many bytes, written when full. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes text given in pieces (a big store a few records at a time) through
 * one buffer of 1 MB: each piece is encoded into it and the buffer written
 * when the next piece might not fit. Neither the whole text nor its bytes
 * are ever held at once, and no piece is joined to another: a string of a
 * megabyte joined for each write, and a Buffer made from it, went straight
 * to V8's old generation and waited there for a full GC (docs/architecture.md
 * "The store"). `onBytes` sees each write's bytes before the buffer is
 * reused (a hash).
 * Returns the bytes written.
 */
export async function writePieces(h: FileHandle, pieces: Iterable<string>, onBytes?: (b: Buffer) => void): Promise<number> {
  let buf: Buffer | null = null;
  let used = 0;
  let total = 0;
  const put = async (bytes: Buffer, length: number) => {
    onBytes?.(bytes.subarray(0, length));
    // One write call may write only part of it when the disk is nearly full, without an error.
    for (let off = 0; off < length; ) off += (await h.write(bytes, off, length - off)).bytesWritten;
    total += length;
  };
  try {
    for (const p of pieces) {
      // A UTF-16 code unit is at most 3 bytes of UTF-8.
      const most = p.length * 3;
      if (buf && used > 0 && most > WRITE_BYTES - used) {
        await put(buf, used);
        used = 0;
      }
      if (most > WRITE_BYTES) {
        const b = Buffer.from(p);
        await put(b, b.length);
        continue;
      }
      if (!buf) {
        buf = spare ?? Buffer.allocUnsafeSlow(WRITE_BYTES);
        spare = null;
      }
      used += buf.write(p, used);
    }
    if (buf && used > 0) await put(buf, used);
  } finally {
    // Kept for the next write; two writes at once each have their own.
    if (buf) spare = buf;
  }
  return total;
}

/** The buffer of the last write that finished, for the next one. */
let spare: Buffer | null = null;

export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, mode = FILE_MODE, beforeRename?: () => void): Promise<number> {
  const dir = dirname(path);
  // A long (Chinese) name plus the suffix can pass the 255-byte limit of a file name.
  const base = Buffer.byteLength(basename(path)) > 160 ? 'jiuzhu' : basename(path);
  const tmp = join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const h = await open(tmp, 'wx', mode);
  let bytes: number;
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await h.writeFile(data);
      bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    } else bytes = await writePieces(h, data);
    await h.sync();
  } catch (err) {
    await h.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await h.close();
  beforeRename?.();
  try {
    await renameWithRetry(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
  return bytes;
}

export async function readFileIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function tighten(path: string, mode: number): Promise<void> {
  if (process.platform === 'win32') return;
  await chmod(path, mode);
}

/** A lowdb adapter with the durable writer above, for `new Low(new DurableJSONFile(p), d)`. */
export class DurableJSONFile<T> implements Adapter<T> {
  /** Size of the file the last `read` found. */
  bytesRead = 0;

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    const buf = await readFileIfExists(this.path);
    if (buf === null) return null;
    this.bytesRead = buf.length;
    return JSON.parse(buf.toString('utf8')) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data));
  }
}
