// Filing a report: fill it with what the clerk typed, refuse a form whose
// checks fail unless the clerk says so, write the file, and keep the fill
// (and, when asked, an outbound copy for the township) in one transaction.
import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { Office, View } from '../store/office.js';
import { writeFileAtomic } from '../store/atomicFile.js';
import { settingsOf } from '../office/context.js';
import { ReportError } from './errors.js';
import { queueOutbound } from '../exchange/outbound.js';
import { templateById, type Template } from './template.js';
import { parsePeriod, periodKey, PeriodError } from './period.js';
import { failedChecks, fillReport, manualKeys, ManualValueError, type CheckResult, type FilledReport, type ManualValues } from './fill.js';
import { fillsOf, keepFill, type Change, type KeptReport } from './kept.js';
import { reportCsv, tableOf } from './csv.js';
import type { OutEncoding } from '../exchange/csvOut.js';
import { reportHtml } from './html.js';
import { t as tr, tIn } from '../i18n/index.js';

export const FORMATS = ['csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export { ReportError };

export class ChecksFailedError extends ReportError {
  constructor(readonly failed: CheckResult[]) {
    const lines = failed.flatMap((c) => [`  ✗ ${c.name}`, ...c.problems.map((p) => `      ${p}`)]);
    super(tr('reports.checksFailedExport', { n: failed.length, lines: lines.join('\n') }));
  }
}

/** The format a file name implies, or null. */
export function formatOfFile(path: string): ReportFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'htm') return 'html';
  return (FORMATS as readonly string[]).includes(ext) ? (ext as ReportFormat) : null;
}

/** What the clerk typed last time for this form and period: the start of a re-fill. */
export function lastManual(view: View, templateId: string, period: string): ManualValues {
  const fills = fillsOf(view, templateId, period);
  return { ...(fills[fills.length - 1]?.manual ?? {}) };
}

/**
 * Fills a template for a period written as the clerk writes it. The keys in
 * `checked` (what the clerk typed just now) must be cells or fields of this
 * form; others (kept from an earlier fill, for a row that has since gone)
 * are ignored.
 */
export function fillFor(view: View, t: Template, periodText: string, today: string, manual: ManualValues, checked: readonly string[] = Object.keys(manual)): FilledReport {
  let period;
  try {
    period = parsePeriod(periodText, t.period);
  } catch (err) {
    if (err instanceof PeriodError) throw new ReportError(err.message);
    throw err;
  }
  let report: FilledReport;
  try {
    report = fillReport(view, t, period, today, manual);
  } catch (err) {
    if (err instanceof ManualValueError) throw new ReportError(tr('reports.badManual', { error: err.message }));
    throw err;
  }
  const allowed = new Set(manualKeys(report));
  const unknown = checked.filter((k) => !allowed.has(k));
  if (unknown.length) {
    const list = [...allowed];
    const fillable = list.length ? tr('reports.fillableAre', { keys: list.slice(0, 12).join(tr('reports.sep')), more: list.length > 12 ? tr('reports.andMore') : '' }) : tr('reports.nothingFillable');
    throw new ReportError(tr('reports.unknownCells', { keys: unknown.join(tr('reports.sep')), fillable }));
  }
  return report;
}

export async function renderReport(report: FilledReport, format: ReportFormat, encoding: OutEncoding): Promise<Buffer> {
  if (format === 'csv') return reportCsv(report, encoding);
  if (format === 'html') return Buffer.from(reportHtml(report), 'utf8');
  // exceljs is large: loaded only when a workbook is asked for.
  const { reportXlsx } = await import('./xlsx.js');
  return reportXlsx(report);
}

/**
 * Writes an exported file whole (temp name, rename), creating its folder.
 * Private to the clerk, as the data folder is (the app exports into
 * `<data>/exports`, and `doctor` holds that folder to 700/600): a payroll
 * lists ID numbers, and copying it to a stick keeps the copy readable.
 */
export async function writeReportFile(path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, bytes, 0o600);
}

export interface ExportRequest {
  templates: readonly Template[];
  templateId: string;
  period: string;
  /** Values typed now; they go on top of the ones kept from the last fill of the period. */
  set: ManualValues;
  format: ReportFormat;
  out: string;
  /** Export even though checks failed; the fill records that it was forced. */
  force: boolean;
  /** Queue a copy for the township's outbox in the same transaction. */
  send: boolean;
  encoding?: OutEncoding;
  by: string;
}

export interface ExportResult {
  report: FilledReport;
  kept: KeptReport;
  previous: KeptReport | null;
  changes: Change[];
  failed: CheckResult[];
  outboundId: string | null;
}

export async function exportReport(office: Office, req: ExportRequest): Promise<ExportResult> {
  const t = templateById(req.templates, req.templateId);
  const today = office.now().date;
  const typed = { ...lastManual(office.view, t.id, periodKey(req.period)), ...req.set };
  const report = fillFor(office.view, t, req.period, today, typed, Object.keys(req.set));
  const allowed = new Set(manualKeys(report));
  const manual = Object.fromEntries(Object.entries(typed).filter(([k]) => allowed.has(k)));
  const failed = failedChecks(report);
  if (failed.length && !req.force) throw new ChecksFailedError(failed);
  const encoding = req.encoding ?? settingsOf(office.view).office.outboundEncoding;
  await writeReportFile(req.out, await renderReport(report, req.format, encoding));
  const { result } = await office.transact(
    { operator: req.by, source: 'local', action: 'report.fill', summary: tIn('zh', 'reports.journalFill', { title: t.title, period: report.periodLabel, forced: failed.length ? tIn('zh', 'reports.journalForced') : '' }) },
    (tx) => {
      let outboundId: string | null = null;
      if (req.send) {
        const { columns, rows } = tableOf(report);
        outboundId = queueOutbound(tx, t.id, columns, rows, `${t.title} ${report.periodLabel}`);
      }
      return { ...keepFill(tx, report, manual, { by: req.by, forced: failed.length > 0, outboundId }), outboundId };
    },
  );
  return { report, failed, ...result };
}
