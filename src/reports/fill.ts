// Filling a form: the template, the period and the clerk's typed cells in,
// the filled table and its checks out. Pure over a View; no files, no clock.
import type { View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { parseAmountCell, parseIntegerCell } from '../exchange/cells.js';
import { fenToYuan } from '../rules/money.js';
import type { CellType, Check, Filter, Template } from './template.js';
import { periodLabel, type Period } from './period.js';
import { measure, MeasureContext } from './measures.js';
import { sourceRows } from './sources.js';
import { t as tr, tIn } from '../i18n/index.js';


export type CellValue = number | string | null;

export interface FilledColumn {
  key: string;
  header: string;
  type: CellType;
  manual: boolean;
  width?: number;
}

export interface FilledRow {
  key: string;
  cells: Record<string, CellValue>;
  total?: boolean;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
}

export interface FilledReport {
  templateId: string;
  title: string;
  period: Period;
  periodLabel: string;
  office: { code: string; name: string };
  filledOn: string;
  orientation: 'portrait' | 'landscape';
  columns: FilledColumn[];
  rows: FilledRow[];
  fields: { key: string; label: string; value: string; manual: boolean }[];
  checks: CheckResult[];
  note?: string;
}

/** What the clerk typed: `<row>.<column>` for a cell, `<field>` for a header field. */
export type ManualValues = Record<string, string>;

export class ManualValueError extends Error {}

const LABEL = 'label';
const SEQ = 'no';

function mergeFilter(a: Filter, b: Filter | undefined): Filter {
  return { ...a, ...(b ?? {}) };
}

/** Turns a typed value into the cell's stored form, or explains why it cannot. */
export function parseManualCell(type: CellType, raw: string): CellValue {
  if (raw.trim() === '') return null;
  if (type === 'integer') {
    const r = parseIntegerCell(raw);
    if (!r.ok) throw new ManualValueError(r.reason);
    return r.value;
  }
  if (type === 'amount') {
    const r = parseAmountCell(raw);
    if (!r.ok) throw new ManualValueError(r.reason);
    return r.value;
  }
  return raw.trim();
}

/** Every key the clerk may type for this template and these rows. */
export function manualKeys(report: Pick<FilledReport, 'columns' | 'rows' | 'fields'>): string[] {
  const keys = report.fields.filter((f) => f.manual).map((f) => f.key);
  for (const r of report.rows) for (const c of report.columns) if (c.manual && !r.total) keys.push(`${r.key}.${c.key}`);
  return keys;
}

/** The filled table's columns: the template's, after a label column (summary forms) or 序号 (lists). */
export function columnsOf(t: Template): FilledColumn[] {
  const first: FilledColumn = t.kind === 'summary' ? { key: LABEL, header: t.labelHeader, type: 'text', manual: false } : { key: SEQ, header: tIn('zh', 'reports.formSeq'), type: 'integer', manual: false };
  return [first, ...t.columns.map((c) => ({ key: c.key, header: c.header, type: c.type, manual: !!c.manual, ...(c.width ? { width: c.width } : {}) }))];
}

/** Rows that are totals: those a summary's total checks name, and a list's 合计 row. */
export function totalRowsOf(t: Template): Set<string> {
  return t.kind === 'summary' ? new Set(t.checks.flatMap((c) => (c.type === 'total' && c.total ? [c.total] : []))) : new Set(['total']);
}

/** Runs the template's checks on a report (fresh, or rebuilt from kept figures). */
export function checksOf(report: FilledReport, t: Template): CheckResult[] {
  return t.checks.map((c) => runCheck(report, t, c));
}

export function fillReport(view: View, t: Template, period: Period, today: string, manual: ManualValues = {}): FilledReport {
  const s = settingsOf(view);
  const ctx = new MeasureContext(view, period);
  const columns = columnsOf(t);
  const rows: FilledRow[] = [];
  const typed = (rowKey: string, col: FilledColumn): CellValue => {
    const raw = manual[`${rowKey}.${col.key}`];
    if (raw === undefined) return null;
    try {
      return parseManualCell(col.type, raw);
    } catch (err) {
      throw new ManualValueError(tr('reports.badCell', { cell: `${rowKey}.${col.key}`, header: col.header, error: (err as Error).message }));
    }
  };

  if (t.kind === 'summary') {
    const totalRows = totalRowsOf(t);
    for (const r of t.rows) {
      const cells: Record<string, CellValue> = { [LABEL]: r.label };
      for (const [i, c] of t.columns.entries()) {
        const col = columns[i + 1]!;
        cells[c.key] = c.measure ? measure(ctx, c.measure, mergeFilter(mergeFilter(t.scope, r.filter), c.filter)) : typed(r.key, col);
      }
      rows.push({ key: r.key, cells, ...(totalRows.has(r.key) ? { total: true } : {}) });
    }
    // A typed column's total is not typed: it adds up the rows of the first
    // total check naming that row, once they are all filled.
    for (const r of rows.filter((x) => x.total)) {
      const parts = t.checks.find((c) => c.type === 'total' && c.total === r.key);
      const partRows = rows.filter((x) => parts?.type === 'total' && parts.rows?.includes(x.key));
      for (const c of columns.filter((x) => x.manual)) {
        const values = partRows.map((x) => x.cells[c.key]);
        r.cells[c.key] = values.length && values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, v) => a + v, 0) : null;
      }
    }
  } else {
    const src = sourceRows(view, t.source, period, t.scope, t.ages ?? [], t.source === 'attendance' ? ctx.attendance() : undefined);
    src.forEach((sr, i) => {
      const cells: Record<string, CellValue> = { [SEQ]: i + 1 };
      for (const [j, c] of t.columns.entries()) cells[c.key] = c.manual ? typed(sr.key, columns[j + 1]!) : (sr.values[c.field] ?? null);
      rows.push({ key: sr.key, cells });
    });
    if (t.total) {
      const cells: Record<string, CellValue> = { [SEQ]: t.total.label };
      for (const c of t.columns) {
        const m = t.total.columns[c.key];
        cells[c.key] = m === undefined ? null : m === 'count' ? src.length : measure(ctx, m, t.scope);
      }
      rows.push({ key: 'total', cells, total: true });
    }
  }

  const fields = t.fields.map((f) => {
    const value =
      f.value === 'office' ? s.office.name : f.value === 'period' ? periodLabel(period) : f.value === 'today' ? today : (manual[f.key] ?? '').trim();
    return { key: f.key, label: f.label, value, manual: f.value === 'manual' };
  });

  const report: FilledReport = {
    templateId: t.id,
    title: t.title,
    period,
    periodLabel: periodLabel(period),
    office: { code: s.office.code, name: s.office.name },
    filledOn: today,
    orientation: t.orientation,
    columns,
    rows,
    fields,
    checks: [],
    ...(t.note ? { note: t.note } : {}),
  };
  report.checks = checksOf(report, t);
  return report;
}

const num = (v: CellValue): number | null => (typeof v === 'number' ? v : null);

function rowName(r: FilledRow, report: FilledReport): string {
  const label = r.cells[LABEL] ?? r.cells[SEQ];
  return r.total ? tr('reports.rowTotal', { label: String(label) }) : report.columns[0]!.key === LABEL ? tr('reports.rowLabel', { label: String(label) }) : tr('reports.rowNumber', { n: String(label) });
}

function show(v: number, type: CellType): string {
  return type === 'amount' ? tr('reports.yuan', { amount: fenToYuan(v) }) : String(v);
}

function runCheck(report: FilledReport, t: Template, c: Check): CheckResult {
  const col = (k: string) => report.columns.find((x) => x.key === k)!;
  const problems: string[] = [];
  if (c.type === 'total') {
    const numeric = report.columns.filter((x) => x.type === 'integer' || x.type === 'amount').filter((x) => x.key !== SEQ);
    let keys = c.columns ?? numeric.map((x) => x.key);
    let totalRow: FilledRow | undefined;
    let parts: FilledRow[];
    if (t.kind === 'summary') {
      totalRow = report.rows.find((r) => r.key === c.total);
      parts = report.rows.filter((r) => c.rows!.includes(r.key));
    } else {
      totalRow = report.rows.find((r) => r.total);
      parts = report.rows.filter((r) => !r.total);
      if (!c.columns) keys = Object.keys(t.total?.columns ?? {});
    }
    const partNames = t.kind === 'summary' ? parts.map((r) => String(r.cells[LABEL])).join('+') : tr('reports.allRows');
    for (const k of keys) {
      const x = col(k);
      const total = num(totalRow?.cells[k] ?? null);
      if (total === null) continue;
      const isCount = t.kind === 'list' && t.total?.columns[k] === 'count';
      const values = parts.map((r) => num(r.cells[k] ?? null));
      if (!isCount && values.some((v) => v === null)) continue;
      const sum = isCount ? parts.length : values.reduce<number>((a, v) => a + (v ?? 0), 0);
      if (sum !== total) {
        const what = { row: rowName(totalRow!, report), column: x.header, total: show(total, x.type), parts: partNames, sum: show(sum, x.type) };
        problems.push(isCount ? tr('reports.totalNotCount', what) : tr('reports.totalNotSum', what));
      }
    }
    return { name: c.name ?? tr('reports.checkTotal'), ok: problems.length === 0, problems };
  }
  if (c.type === 'compare') {
    const side = (r: FilledRow, keys: string[]): number | null => {
      let s = 0;
      for (const k of keys) {
        const v = num(r.cells[k.replace(/^-/, '')] ?? null);
        if (v === null) return null;
        s += k.startsWith('-') ? -v : v;
      }
      return s;
    };
    const words = (keys: string[]) => keys.map((k, i) => `${k.startsWith('-') ? tr('reports.minus') : i ? tr('reports.plus') : ''}${col(k.replace(/^-/, '')).header}`).join('');
    const opWord = c.op === '>=' ? tr('reports.atLeast') : c.op === '<=' ? tr('reports.atMost') : tr('reports.equalTo');
    const type = col(c.left[0]!.replace(/^-/, '')).type;
    for (const r of report.rows) {
      const a = side(r, c.left);
      const b = side(r, c.right);
      if (a === null || b === null) continue;
      const ok = c.op === '>=' ? a >= b : c.op === '<=' ? a <= b : a === b;
      if (!ok) problems.push(tr('reports.compareFailed', { row: rowName(r, report), left: words(c.left), a: show(a, type), op: opWord, right: words(c.right), b: show(b, type) }));
    }
    return { name: c.name ?? tr('reports.compareName', { left: words(c.left), op: opWord, right: words(c.right) }), ok: problems.length === 0, problems };
  }
  for (const k of c.keys) {
    const f = report.fields.find((x) => x.key === k);
    if (f) {
      if (f.value === '') problems.push(tr('reports.fieldMissing', { label: f.label }));
      continue;
    }
    const x = col(k);
    for (const r of report.rows) if (!r.total && r.cells[k] === null) problems.push(tr('reports.cellMissing', { row: rowName(r, report), column: x.header }));
  }
  return { name: c.name ?? tr('reports.checkRequired'), ok: problems.length === 0, problems };
}

export function failedChecks(report: FilledReport): CheckResult[] {
  return report.checks.filter((c) => !c.ok);
}

/** Figures as kept: `<row>.<column>` → value, plus `<field>` → value. */
export function figuresOf(report: FilledReport): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const r of report.rows) for (const c of report.columns) if (c.key !== SEQ) out[`${r.key}.${c.key}`] = r.cells[c.key] ?? null;
  for (const f of report.fields) out[f.key] = f.value;
  return out;
}

/** A cell as text for CSV, screens and change lists: amounts in yuan with two decimals. */
export function cellText(v: CellValue, type: CellType): string {
  if (v === null) return '';
  if (type === 'amount' && typeof v === 'number') return fenToYuan(v);
  return String(v);
}
