// Writing CSV for the upper levels' spreadsheets (spec/exchange.md "Outbound
// files"): CRLF, a BOM for UTF-8 (Excel needs it to read UTF-8), or GB18030,
// and the spreadsheet-formula guard.
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

export type OutEncoding = 'utf-8-bom' | 'gb18030';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula gets a leading `'`. */
export function guardCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV file's bytes: the header, the rows, a final line break. Outbound
 * files take the defaults (CRLF, the formula guard); the demo writes the
 * upper levels' files as their spreadsheets save them (`'utf-8'` without a
 * BOM, LF, cells as written).
 */
export function csvBytes(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  encoding: OutEncoding | 'utf-8' = 'utf-8-bom',
  { eol = '\r\n', guard = true }: { eol?: '\r\n' | '\n'; guard?: boolean } = {},
): Buffer {
  const cell = guard ? guardCell : (c: string) => c;
  const text = stringify([columns.map(cell), ...rows.map((r) => r.map((c) => cell(String(c))))], {
    record_delimiter: eol,
    quoted_match: /[\r\n]/,
  });
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
