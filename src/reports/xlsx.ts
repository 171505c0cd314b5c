// A filled report as an .xlsx workbook: title and header rows, ID and case
// numbers stored as text (never numbers: Excel keeps 15 digits), column
// widths measured for CJK text, and A4 print setup repeating the header.
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { cellText, type FilledReport } from './fill.js';
// The workbook goes to the county: its words are Chinese whatever the clerk's language.
import { tIn } from '../i18n/index.js';

const TEXT_TYPES = new Set(['text', 'id', 'caseNo', 'date', 'month']);

/**
 * A worksheet name Excel accepts: none of * ? : \\ / [ ], not blank, not
 * starting or ending with an apostrophe, at most 31 characters (exceljs
 * throws on any of these, in English).
 */
export function sheetName(title: string): string {
  const clean = title.replace(/[*?:\\/[\]]/g, '_').replace(/^'+|'+$/g, '').trim();
  return [...(clean || 'Sheet1')].slice(0, 31).join('');
}

export async function reportXlsx(report: FilledReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jiuzhu';
  const ws = wb.addWorksheet(sheetName(report.title), {
    pageSetup: {
      paperSize: 9,
      orientation: report.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: tIn('zh', 'reports.formPageFooter') },
  });
  const n = report.columns.length;

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = tIn('zh', 'reports.formHead', { title: report.title, period: report.periodLabel });
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;

  ws.mergeCells(2, 1, 2, n);
  const auto = report.fields.filter((f) => !f.manual);
  ws.getCell(2, 1).value = auto.length ? auto.map((f) => tIn('zh', 'reports.fieldValue', { label: f.label, value: f.value })).join('    ') : tIn('zh', 'reports.formOffice', { name: report.office.name });

  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const header = ws.getRow(3);
  report.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });

  report.rows.forEach((r, ri) => {
    const row = ws.getRow(4 + ri);
    report.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = r.cells[c.key] ?? null;
      if (v === null) cell.value = null;
      else if (TEXT_TYPES.has(c.type) || typeof v === 'string') cell.value = cellText(v, c.type);
      else cell.value = c.type === 'amount' ? v / 100 : v;
      if (c.type === 'amount') cell.numFmt = '0.00';
      if (c.type === 'id' || c.type === 'caseNo') cell.numFmt = '@';
      cell.border = border;
      if (r.total) cell.font = { bold: true };
    });
    // Room for a signature.
    if (report.columns.some((c) => c.manual && c.type === 'text')) row.height = 30;
  });

  const manualFields = report.fields.filter((f) => f.manual);
  if (manualFields.length) {
    const at = 4 + report.rows.length + 1;
    ws.mergeCells(at, 1, at, n);
    ws.getCell(at, 1).value = manualFields.map((f) => tIn('zh', 'reports.fieldValue', { label: f.label, value: f.value || '          ' })).join('    ');
  }
  if (report.note) {
    const at = 4 + report.rows.length + (manualFields.length ? 2 : 1);
    ws.mergeCells(at, 1, at, n);
    ws.getCell(at, 1).value = report.note;
    ws.getCell(at, 1).alignment = { wrapText: true };
  }

  report.columns.forEach((c, i) => {
    const widest = Math.max(stringWidth(c.header), ...report.rows.map((r) => stringWidth(cellText(r.cells[c.key] ?? null, c.type))));
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(40, Math.max(6, widest + 2));
    if (c.type === 'id' || c.type === 'caseNo') col.numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  return Buffer.from(await wb.xlsx.writeBuffer());
}
