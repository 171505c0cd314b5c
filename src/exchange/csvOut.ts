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

export function csvBytes(columns: readonly string[], rows: readonly (readonly string[])[], encoding: OutEncoding = 'utf-8-bom'): Buffer {
  const text = stringify([columns.map(guardCell), ...rows.map((r) => r.map((c) => guardCell(String(c))))], {
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
