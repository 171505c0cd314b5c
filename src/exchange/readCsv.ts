// Reads an inbound CSV file into headers and raw-text rows numbered as a spreadsheet shows them.

import { CsvError, parse, type Options } from 'csv-parse/sync';
import { Parser } from 'csv-parse';
import { decodeToUtf8, type TextEncoding } from './decode.js';

export type Delimiter = ',' | '\t';

export interface CsvRow {
  /** The row as a spreadsheet numbers it: the header is 1 if it comes first. */
  rowNumber: number;
  /** Raw cell text by normalised header; a missing cell reads as `''`. */
  cells: Record<string, string>;
  /**
   * Non-empty cells that have no header to go under (beyond the last
   * header, or under an empty one). Kept out of `cells`; the caller decides.
   */
  extraCells: number;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Row number of the header: 1, unless blank rows come before it. */
  headerRowNumber: number;
  /** Normalised (`normalizeHeader`), same positions as `rawHeaders`, trailing empty ones dropped. */
  headers: string[];
  rawHeaders: string[];
  /**
   * Normalised headers that occur more than once (`月保障金额（元）` and
   * `月保障金额(元)` are the same column). `cells` holds the first such
   * column; the caller decides whether that is acceptable.
   */
  duplicateHeaders: string[];
  rows: CsvRow[];
}

export type ParseResult = ({ ok: true } & CsvTable) | { ok: false; reason: string };
export type ReadResult = ({ ok: true; encoding: TextEncoding } & CsvTable) | { ok: false; reason: string };

/** A table whose header is read and whose rows come one by one as the parser reaches them. */
export type CsvStream = Omit<CsvTable, 'rows'> & {
  /**
   * The data rows, once. Throws `CsvReadError` where the text cannot be read
   * further (an open quote): the caller undoes what the earlier rows did.
   */
  rows: Iterable<CsvRow>;
};
export type StreamResult = ({ ok: true; encoding: TextEncoding } & CsvStream) | { ok: false; reason: string };

/** The text breaks off at a row: the reason is the one a whole-file read gives. */
export class CsvReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const readReasons = {
  noHeader: '文件里只有空行，没有表头',
  quoteNotClosed: (row: number, line: number) =>
    `第${row}行${line === row ? '' : `（文本第${line}行）`}有一个英文双引号"没有配对，` +
    '从这里到文件末尾都被当成了一个单元格，请检查这一行的引号，或在表格软件里重新导出',
  malformed: (row: number) => `第${row}行的引号或分隔符有误，无法读取，请在表格软件里重新导出`,
} as const;

// Invisible characters that stray into headers copied from web pages or
// Word; \s already covers spaces, U+3000 and U+FEFF (a BOM left in a header).
const HEADER_NOISE = /[\s\u200b-\u200d\u2060]+/gu;

/** `月保障金额（元）` and ` 审批 日期 ` become `月保障金额(元)` and `审批日期`. */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKC').replace(HEADER_NOISE, '');
}

const isBlank = (cell: string) => cell.trim() === '';

/** Text lines ended before `end`, CRLF counted once, as an editor counts them. */
function lineBreaksBefore(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++;
  }
  return n;
}

/**
 * Comma or tab, whichever the first non-blank line has more of. Header
 * names never contain either, so the header line decides reliably.
 */
export function detectDelimiter(input: Buffer | string): Delimiter {
  const bytes = typeof input === 'string' ? Buffer.from(input.slice(0, 64 * 1024)) : input;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    let tabs = 0;
    let commas = 0;
    let visible = false;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b === 0x09) tabs++;
      else if (b === 0x2c) commas++;
      else if (b !== 0x20 && b !== 0x0d) visible = true;
    }
    if (visible || tabs > 0 || commas > 0) return tabs > commas ? '\t' : ',';
    start = end + 1;
  }
  return ',';
}

const csvOptions = (delimiter: Delimiter): Options => ({
  delimiter,
  bom: true,
  // A `"` inside an unquoted cell (备注: 他说"不要") is text, as spreadsheets mean it.
  relax_quotes: true,
  // Rows may be shorter or longer than the header; toRow sorts that out.
  relax_column_count: true,
  // Blank lines are records here so that row numbers stay those a spreadsheet shows.
  skip_empty_lines: false,
  // Listed, not auto-detected: csv-parse would fix on the first line ending
  // it meets and turn a line appended in another editor into one cell.
  record_delimiter: ['\r\n', '\n', '\r'],
});

interface Header {
  rowNumber: number;
  raw: string[];
  names: string[];
  /** Where each column's cells go: null for an empty or repeated header. */
  keys: (string | null)[];
  duplicates: string[];
}

function readHeader(record: string[], rowNumber: number): Header {
  let width = record.length;
  while (width > 0 && isBlank(record[width - 1]!)) width--;
  const raw = record.slice(0, width);
  const names = raw.map(normalizeHeader);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const keys = names.map((name) => {
    if (name === '') return null;
    if (seen.has(name)) {
      duplicates.add(name);
      return null;
    }
    seen.add(name);
    return name;
  });
  return { rowNumber, raw, names, keys, duplicates: [...duplicates] };
}

function toRow(header: Header, record: string[], rowNumber: number): CsvRow {
  const { keys, names } = header;
  const cells: Record<string, string> = {};
  let extraCells = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const cell = record[i] ?? '';
    if (key) cells[key] = cell;
    else if (names[i] === '' && !isBlank(cell)) extraCells++;
  }
  for (let i = keys.length; i < record.length; i++) if (!isBlank(record[i]!)) extraCells++;
  return { rowNumber, cells, extraCells };
}

/**
 * Where the record that broke the parse starts. csv-parse reports where it
 * *ends* (at EOF for an open quote) and counts CR and LF apart inside
 * quotes, so parse again up to the error, noting where the last good record
 * ended. Only on the error path: on_record costs a third of the parse time.
 */
function locateError(bytes: Buffer, delimiter: Delimiter): { row: number; line: number } {
  let records = 0;
  let endOfLast = 0;
  try {
    parse(bytes, {
      ...csvOptions(delimiter),
      on_record: (record, info) => {
        records++;
        endOfLast = info.bytes;
        return record;
      },
    });
  } catch {
    // The same error as before; the counts are what this pass is for.
  }
  return { row: records + 1, line: lineBreaksBefore(bytes, endOfLast) + 1 };
}

// Bytes handed to the parser at a time: records come out as each chunk is
// read, so a large file is never held as rows all at once.
const CHUNK = 64 * 1024;

interface ApiParser {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

/** Records one by one, numbered from 1 (blank lines included, as a spreadsheet numbers them). */
function* records(bytes: Buffer, delimiter: Delimiter): Generator<string[]> {
  // The stream parser's own engine, driven by hand: no stream machinery, the
  // same options and results as csv-parse/sync.
  const api = (new Parser(csvOptions(delimiter)) as unknown as { api: ApiParser }).api;
  const out: string[][] = [];
  const push = (r: string[]) => void out.push(r);
  const close = () => undefined;
  for (let at = 0; ; at += CHUNK) {
    const end = at + CHUNK >= bytes.length;
    const err = api.parse(bytes.subarray(at, at + CHUNK), false, push, close) ?? (end ? api.parse(undefined, true, push, close) : undefined);
    for (const r of out) yield r;
    out.length = 0;
    if (err) throw err;
    if (end) return;
  }
}

function readReason(err: unknown, bytes: Buffer, delimiter: Delimiter): string {
  if (!(err instanceof CsvError)) throw err;
  const { row, line } = locateError(bytes, delimiter);
  return err.code === 'CSV_QUOTE_NOT_CLOSED' ? readReasons.quoteNotClosed(row, line) : readReasons.malformed(row);
}

/** Reads up to the header of CSV text, or UTF-8 bytes of it; the rows follow as they are parsed. */
export function streamCsv(input: Buffer | string, delimiter: Delimiter): ({ ok: true } & CsvStream) | { ok: false; reason: string } {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const it = records(bytes, delimiter);
  let n = 0;
  let header: Header | null = null;
  try {
    for (let r = it.next(); !r.done; r = it.next()) {
      n++;
      if (r.value.every(isBlank)) continue;
      header = readHeader(r.value, n);
      break;
    }
  } catch (err) {
    return { ok: false, reason: readReason(err, bytes, delimiter) };
  }
  if (header === null) return { ok: false, reason: readReasons.noHeader };
  const h = header;
  function* rows(): Generator<CsvRow> {
    try {
      for (let r = it.next(); !r.done; r = it.next()) {
        n++;
        if (!r.value.every(isBlank)) yield toRow(h, r.value, n);
      }
    } catch (err) {
      throw new CsvReadError(readReason(err, bytes, delimiter));
    }
  }
  return { ok: true, delimiter, headerRowNumber: h.rowNumber, headers: h.names, rawHeaders: h.raw, duplicateHeaders: h.duplicates, rows: rows() };
}

/** Every row of a streamed table read at once, or why the text breaks off. */
function whole<T extends CsvStream>(s: T): (Omit<T, 'rows'> & { rows: CsvRow[] }) | { ok: false; reason: string } {
  try {
    return { ...s, rows: [...s.rows] };
  } catch (err) {
    if (err instanceof CsvReadError) return { ok: false, reason: err.reason };
    throw err;
  }
}

/** Parses CSV text, or UTF-8 bytes of it, into a header and rows. */
export function parseCsv(input: Buffer | string, delimiter: Delimiter): ParseResult {
  const s = streamCsv(input, delimiter);
  return s.ok ? whole(s) : s;
}

/** Reads an inbound file's encoding, delimiter and header; its rows follow one by one. */
export function streamCsvTable(buf: Buffer): StreamResult {
  const decoded = decodeToUtf8(buf);
  if (!decoded.ok) return decoded;
  // Excel's "Unicode text" is the only UTF-16 export, and it is always tab-separated.
  const isUtf16 = decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be';
  const delimiter = isUtf16 ? '\t' : detectDelimiter(decoded.bytes);
  const s = streamCsv(decoded.bytes, delimiter);
  if (!s.ok) return s;
  return { ...s, encoding: decoded.encoding };
}

/** Reads a whole inbound file: encoding, delimiter, header and rows, or why it cannot. */
export function readCsvTable(buf: Buffer): ReadResult {
  const s = streamCsvTable(buf);
  return s.ok ? whole(s) : s;
}
