// Detects an inbound file's encoding (never asked of the sender) and decodes it, or says why not.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Failure = { ok: false; reason: string };
export type DecodeResult = { ok: true; encoding: TextEncoding; text: string } | Failure;
export type Utf8Result = { ok: true; encoding: TextEncoding; bytes: Buffer } | Failure;

const SAVE_AS_CSV = '请在表格软件里“另存为”CSV（逗号分隔）或“Unicode文本”后重新发送';

export const decodeReasons = {
  empty: '文件是空的，没有表头也没有数据',
  xlsx: `这是Excel工作簿（.xlsx），不是CSV文件，${SAVE_AS_CSV}`,
  xls: `这是旧版Excel工作簿（.xls），不是CSV文件，${SAVE_AS_CSV}`,
  binary: `文件不是文本表格（内容像是二进制数据），${SAVE_AS_CSV}`,
  badUtf8Bom: '文件开头标明是UTF-8编码，但内容里有不是UTF-8的字节，文件可能已损坏，请重新导出后发送',
  badUtf16: '文件像是UTF-16编码（Unicode文本），但内容不完整或已损坏，请重新导出后发送',
  undecodable: (line: number) =>
    `第${line}行有无法识别的字符：文件既不是UTF-8也不是GB18030编码，请另存为“CSV UTF-8”后重新发送`,
} as const;

function startsWith(buf: Buffer, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

// Control characters other than tab, line feed and carriage return do not
// occur in a spreadsheet's text export. A stray form feed or Ctrl-Z may, so
// only a share of them marks a file as binary.
const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
const tooManyControls = (controls: number, length: number) => controls > Math.max(2, length / 100);

function textLooksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  return tooManyControls(controls, text.length);
}

// In UTF-8 a byte below 0x80 is always the ASCII character itself, so the
// bytes can be checked without building the string.
function utf8LooksBinary(bytes: Buffer): boolean {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) if (isControl(bytes[i]!)) controls++;
  return tooManyControls(controls, bytes.length);
}

/**
 * Without a BOM, UTF-16 shows itself by its zero bytes: every ASCII
 * character (digits, tabs, line ends, which every data row has plenty of)
 * carries a 0x00 on the same side. CJK characters whose code ends in 00
 * (such as 一 U+4E00) put a few on the other side, hence a ratio.
 */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < buf.length; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = buf.length / 2;
  if (odd >= pairs * 0.1 && odd > even * 4) return 'utf-16le';
  if (even >= pairs * 0.1 && even > odd * 4) return 'utf-16be';
  return null;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function countOccurrences(buf: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}

// GB18030 can encode U+FFFD itself; only replacement characters beyond those
// written on purpose come from bytes that are not GB18030.
const GB18030_FFFD = Buffer.from([0x84, 0x31, 0xa4, 0x37]);

function decodeGb18030(bytes: Buffer): DecodeResult {
  // The whole buffer at once: iconv-lite's decodeStream damages 4-byte
  // sequences that straddle a chunk border (pitfall 22).
  const text = iconv.decode(bytes, 'gb18030');
  let replaced = 0;
  let first = -1;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
    if (first === -1) first = i;
    replaced++;
  }
  if (replaced > 0) replaced -= countOccurrences(bytes, GB18030_FFFD);
  if (replaced > text.length / 20 || textLooksBinary(text)) return { ok: false, reason: decodeReasons.binary };
  if (replaced > 0) return { ok: false, reason: decodeReasons.undecodable(lineOf(text, first)) };
  return { ok: true, encoding: 'gb18030', text };
}

function decodeUtf16(label: 'utf-16le' | 'utf-16be', bytes: Buffer, badReason: string): DecodeResult {
  let text: string;
  try {
    // fatal: an odd byte count or a lone surrogate is damage, not text.
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: badReason };
  }
  return textLooksBinary(text) ? { ok: false, reason: decodeReasons.binary } : { ok: true, encoding: label, text };
}

type Sniffed =
  | { kind: 'utf-8'; encoding: 'utf-8' | 'utf-8-bom'; bytes: Buffer }
  | { kind: 'text'; result: DecodeResult }
  | Failure;

// UTF-8 (nearly every file) is only validated here, not decoded, so the
// parser can read the original bytes without another copy of the file.
function sniff(buf: Buffer): Sniffed {
  if (buf.length === 0) return { ok: false, reason: decodeReasons.empty };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: decodeReasons.xlsx };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, reason: decodeReasons.xls };

  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    const bytes = buf.subarray(3);
    if (!isUtf8(bytes)) return { ok: false, reason: decodeReasons.badUtf8Bom };
    return utf8LooksBinary(bytes) ? { ok: false, reason: decodeReasons.binary } : { kind: 'utf-8', encoding: 'utf-8-bom', bytes };
  }
  // iconv-lite keeps the GB18030 BOM as U+FEFF (pitfall 21): cut it off first.
  if (startsWith(buf, [0x84, 0x31, 0x95, 0x33])) return { kind: 'text', result: decodeGb18030(buf.subarray(4)) };
  if (startsWith(buf, [0xff, 0xfe])) return { kind: 'text', result: decodeUtf16('utf-16le', buf.subarray(2), decodeReasons.badUtf16) };
  if (startsWith(buf, [0xfe, 0xff])) return { kind: 'text', result: decodeUtf16('utf-16be', buf.subarray(2), decodeReasons.badUtf16) };

  if (buf.includes(0)) {
    // Zero bytes occur in no 8-bit text encoding: UTF-16 without its BOM, or binary.
    const label = sniffUtf16(buf);
    if (label === null) return { ok: false, reason: decodeReasons.binary };
    return { kind: 'text', result: decodeUtf16(label, buf, decodeReasons.binary) };
  }

  // GB18030 Chinese text practically never forms valid UTF-8 (联通, c1 aa cd
  // a8, is the classic near miss, and it fails), so strict UTF-8 first.
  if (isUtf8(buf)) {
    return utf8LooksBinary(buf) ? { ok: false, reason: decodeReasons.binary } : { kind: 'utf-8', encoding: 'utf-8', bytes: buf };
  }
  return { kind: 'text', result: decodeGb18030(buf) };
}

/** Detects the encoding of a whole file and decodes it, BOM removed. */
export function decodeBuffer(buf: Buffer): DecodeResult {
  const s = sniff(buf);
  if ('ok' in s) return s;
  if (s.kind === 'text') return s.result;
  return { ok: true, encoding: s.encoding, text: s.bytes.toString('utf8') };
}

/**
 * Like `decodeBuffer`, but hands back UTF-8 bytes for a byte-oriented
 * parser: a UTF-8 file comes back as a view of the same memory (BOM cut
 * off), anything else is decoded and re-encoded once.
 */
export function decodeToUtf8(buf: Buffer): Utf8Result {
  const s = sniff(buf);
  if ('ok' in s) return s;
  if (s.kind === 'utf-8') return { ok: true, encoding: s.encoding, bytes: s.bytes };
  if (!s.result.ok) return s.result;
  return { ok: true, encoding: s.result.encoding, bytes: Buffer.from(s.result.text, 'utf8') };
}
