// A filled report as CSV: the header row and one row per table row, the way
// the upper levels read the exchange files (UTF-8 with BOM or GB18030, cells
// a spreadsheet would run as a formula prefixed with ').
import { csvBytes, type OutEncoding } from '../exchange/csvOut.js';
import { cellText, type FilledReport } from './fill.js';

/** The table as text cells, header first: what CSV files and outbound copies carry. */
export function tableOf(report: FilledReport): { columns: string[]; rows: string[][] } {
  return {
    columns: report.columns.map((c) => c.header),
    rows: report.rows.map((r) => report.columns.map((c) => cellText(r.cells[c.key] ?? null, c.type))),
  };
}

/** The CSV bytes of a filled report, written as every outbound file is (src/exchange/csvOut.ts). */
export function reportCsv(report: FilledReport, encoding: OutEncoding): Buffer {
  const { columns, rows } = tableOf(report);
  return csvBytes(columns, rows, encoding);
}
