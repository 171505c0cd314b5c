// Filled reports kept in the `reports` collection: one record per fill, with
// its period, figures, what the clerk typed and when, so a report can be
// exported again and a re-fill after late data shows what changed.
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { cellText, checksOf, columnsOf, figuresOf, failedChecks, totalRowsOf, type CellValue, type FilledReport, type FilledRow, type ManualValues } from './fill.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Template } from './template.js';
import { parsePeriod, periodLabel } from './period.js';
import { ReportError } from './errors.js';
import { t, tIn } from '../i18n/index.js';


export interface KeptReport {
  /** `<template>:<period>:<n>`, n counting the fills of that period from 1. */
  id: string;
  templateId: string;
  title: string;
  period: string;
  n: number;
  at: string;
  by: string;
  /**
   * `<row>.<column>` → value and `<field>` → value. A long list (a payroll
   * of 1,000 households is ~400 KB of JSON) is kept gzipped in `packed`
   * instead, since every command reads the store this lives in at start-up;
   * read them through `figuresOfKept`.
   */
  figures: Record<string, CellValue>;
  packed?: string;
  manual: ManualValues;
  /** Names of the checks that failed and were overridden with --force. */
  failed: string[];
  forced: boolean;
  outboundId: string | null;
}

export function fillsOf(view: View, templateId: string, period: string): KeptReport[] {
  return (view.all('reports') as KeptReport[])
    .filter((r) => r.templateId === templateId && r.period === period)
    .sort((a, b) => a.n - b.n);
}

/** The `n`th fill of a form's period (default the latest), or why there is none. */
export function keptFill(view: View, form: Pick<Template, 'id' | 'title'>, period: string, n?: number): KeptReport {
  const fills = fillsOf(view, form.id, period);
  const kept = n === undefined ? fills[fills.length - 1] : fills.find((f) => f.n === n);
  if (kept) return kept;
  if (!fills.length) throw new ReportError(t('reports.neverFilled', { title: form.title, period }));
  throw new ReportError(t('reports.noSuchFill', { title: form.title, period, n: String(n), count: fills.length }));
}

/** The latest fill of every template and period, keyed `<template>:<period>`. */
export function latestFills(view: View): Map<string, KeptReport> {
  const out = new Map<string, KeptReport>();
  for (const r of view.all('reports') as KeptReport[]) {
    const k = `${r.templateId}:${r.period}`;
    const cur = out.get(k);
    if (!cur || r.n > cur.n) out.set(k, r);
  }
  return out;
}

/** Above this many bytes of JSON, the figures are kept gzipped. */
const PACK_ABOVE = 8 * 1024;

export function figuresOfKept(kept: DeepReadonly<KeptReport>): Readonly<Record<string, CellValue>> {
  if (!kept.packed) return kept.figures;
  return JSON.parse(gunzipSync(Buffer.from(kept.packed, 'base64')).toString('utf8')) as Record<string, CellValue>;
}

function pack(figures: Record<string, CellValue>): Pick<KeptReport, 'figures' | 'packed'> {
  const json = JSON.stringify(figures);
  if (json.length <= PACK_ABOVE) return { figures };
  return { figures: {}, packed: gzipSync(json, { level: 9 }).toString('base64') };
}

/** How each row reads in a change list: its label, or for a list the first text column (the name). */
function labelsOf(figures: Readonly<Record<string, CellValue>>, columns: FilledReport['columns']): (rowKey: string) => string {
  const textCol = columns.find((c) => c.type === 'text' && !c.manual && c.key !== 'label');
  return (rowKey) => {
    const v = figures[`${rowKey}.label`] ?? (rowKey === 'total' ? tIn('zh', 'reports.formTotal') : textCol ? figures[`${rowKey}.${textCol.key}`] : null);
    return v === null || v === undefined || v === '' ? rowKey : String(v);
  };
}

export interface Change {
  row: string;
  column: string;
  was: string;
  now: string;
}

/** What differs between a kept fill and a new one, cell by cell, in the clerk's words. */
export function changesSince(prev: DeepReadonly<KeptReport>, report: FilledReport): Change[] {
  const next = figuresOf(report);
  const was = figuresOfKept(prev);
  const nowLabel = labelsOf(next, report.columns);
  const wasLabel = labelsOf(was, report.columns);
  const colOf = new Map(report.columns.map((c) => [c.key, c]));
  const fieldOf = new Map(report.fields.map((f) => [f.key, f.label]));
  const out: Change[] = [];
  const keys = new Set([...Object.keys(was), ...Object.keys(next)]);
  for (const k of keys) {
    const a = was[k] ?? null;
    const b = next[k] ?? null;
    if (a === b) continue;
    const dot = k.indexOf('.');
    if (dot < 0) {
      out.push({ row: '表头', column: fieldOf.get(k) ?? k, was: String(a ?? ''), now: String(b ?? '') });
      continue;
    }
    const rowKey = k.slice(0, dot);
    const col = colOf.get(k.slice(dot + 1));
    const type = col?.type ?? 'text';
    const label = nowLabel(rowKey);
    out.push({ row: label === rowKey ? wasLabel(rowKey) : label, column: col?.header ?? k.slice(dot + 1), was: cellText(a, type), now: cellText(b, type) });
  }
  return out;
}

export function changeText(c: Change): string {
  return t('reports.change', { row: c.row, column: c.column, was: c.was === '' ? t('reports.empty') : c.was, now: c.now === '' ? t('reports.empty') : c.now });
}

function sameManual(a: Readonly<ManualValues>, b: Readonly<ManualValues>): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== '');
  const kb = Object.keys(b).filter((k) => b[k] !== '');
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** Whether a new fill would file nothing new: the same figures, typed values and override as the last. */
function sameFill(prev: DeepReadonly<KeptReport>, report: FilledReport, manual: ManualValues, forced: boolean): boolean {
  return prev.forced === forced && sameManual(prev.manual as ManualValues, manual) && changesSince(prev, report).length === 0;
}

/** Keeps one fill in the caller's transaction; returns it with the changes since the previous fill of the period. */
export function keepFill(
  tx: Tx,
  report: FilledReport,
  manual: ManualValues,
  opts: { by: string; forced: boolean; outboundId?: string | null },
): { kept: KeptReport; previous: KeptReport | null; changes: Change[] } {
  const fills = fillsOf(tx, report.templateId, report.period.id);
  const previous = fills[fills.length - 1] ?? null;
  // The same figures in another format (or again) are the same 填报: one fill per period and content.
  if (previous && sameFill(previous, report, manual, opts.forced)) {
    if (opts.outboundId) tx.update('reports', previous.id, (r) => void ((r as KeptReport).outboundId = opts.outboundId!));
    const kept = (tx.get('reports', previous.id) ?? previous) as KeptReport;
    return { kept, previous, changes: [] };
  }
  const n = (previous?.n ?? 0) + 1;
  const kept: KeptReport = {
    id: `${report.templateId}:${report.period.id}:${n}`,
    templateId: report.templateId,
    title: report.title,
    period: report.period.id,
    n,
    at: tx.now.iso,
    by: opts.by,
    ...pack(figuresOf(report)),
    manual: { ...manual },
    failed: failedChecks(report).map((c) => c.name),
    forced: opts.forced,
    outboundId: opts.outboundId ?? null,
  };
  tx.put('reports', kept.id, kept);
  return { kept, previous, changes: previous ? changesSince(previous, report) : [] };
}

/**
 * A kept fill as a report again, exactly as it was filed (its figures, not
 * today's data), so it can be exported again in any format.
 */
export function reportFromKept(t: Template, kept: DeepReadonly<KeptReport>, office: { code: string; name: string }): FilledReport {
  const period = parsePeriod(kept.period, t.period);
  const columns = columnsOf(t);
  const totals = totalRowsOf(t);
  const rows: FilledRow[] = [];
  const byKey = new Map<string, FilledRow>();
  const figures = figuresOfKept(kept);
  for (const [k, v] of Object.entries(figures)) {
    const dot = k.indexOf('.');
    if (dot < 0) continue;
    const rowKey = k.slice(0, dot);
    let row = byKey.get(rowKey);
    if (!row) {
      row = { key: rowKey, cells: {}, ...(totals.has(rowKey) ? { total: true } : {}) };
      byKey.set(rowKey, row);
      rows.push(row);
    }
    row.cells[k.slice(dot + 1)] = v;
  }
  // 序号 is not kept: it is the row's place.
  if (t.kind === 'list') rows.forEach((r, i) => (r.cells.no = r.total ? (t.total?.label ?? tIn('zh', 'reports.formTotal')) : i + 1));
  const report: FilledReport = {
    templateId: t.id,
    title: t.title,
    period,
    periodLabel: periodLabel(period),
    office,
    filledOn: kept.at.slice(0, 10),
    orientation: t.orientation,
    columns,
    rows,
    fields: t.fields.map((f) => ({ key: f.key, label: f.label, value: String(figures[f.key] ?? ''), manual: f.value === 'manual' })),
    checks: [],
    ...(t.note ? { note: t.note } : {}),
  };
  report.checks = checksOf(report, t);
  return report;
}
