// A filled report as CSV: the header row and one row per table row, the way
// the upper levels read the exchange files (UTF-8 with BOM or GB18030, cells
// a spreadsheet would run as a formula prefixed with ').
import iconv from 'iconv-lite';
import { cellText, type FilledReport } from './fill.js';

/** The table as text cells, header first: what CSV files and outbound copies carry. */
export function tableOf(report: FilledReport): { columns: string[]; rows: string[][] } {
  return {
    columns: report.columns.map((c) => c.header),
    rows: report.rows.map((r) => report.columns.map((c) => cellText(r.cells[c.key] ?? null, c.type))),
  };
}

/** exchange.md: cells that begin with =, +, -, @, tab or CR get a leading ' so no spreadsheet runs them. */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type CsvEncoding = 'utf-8-bom' | 'gb18030';

export function csvText(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows].map((r) => r.map((c) => quote(guardFormula(c))).join(',')).join('\r\n') + '\r\n';
}

export function reportCsv(report: FilledReport, encoding: CsvEncoding): Buffer {
  const { columns, rows } = tableOf(report);
  const text = csvText(columns, rows);
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
