// Filled reports kept in the `reports` collection: one record per fill, with
// its period, figures, what the clerk typed and when, so a report can be
// exported again and a re-fill after late data shows what changed.
import type { Tx, View } from '../store/office.js';
import { cellText, figuresOf, failedChecks, type CellValue, type FilledReport, type ManualValues } from './fill.js';

export interface KeptReport {
  /** `<template>:<period>:<n>`, n counting the fills of that period from 1. */
  id: string;
  templateId: string;
  title: string;
  period: string;
  n: number;
  at: string;
  by: string;
  figures: Record<string, CellValue>;
  /** Row key → how the row reads (label, or the name in a list), for change lists. */
  labels: Record<string, string>;
  manual: ManualValues;
  /** Names of the checks that failed and were overridden with --force. */
  failed: string[];
  forced: boolean;
  outboundId: string | null;
}

export function fillsOf(view: View, templateId: string, period: string): KeptReport[] {
  return (view.all('reports') as unknown as KeptReport[])
    .filter((r) => r.templateId === templateId && r.period === period)
    .sort((a, b) => a.n - b.n);
}

/** The latest fill of every template and period, keyed `<template>:<period>`. */
export function latestFills(view: View): Map<string, KeptReport> {
  const out = new Map<string, KeptReport>();
  for (const r of view.all('reports') as unknown as KeptReport[]) {
    const k = `${r.templateId}:${r.period}`;
    const cur = out.get(k);
    if (!cur || r.n > cur.n) out.set(k, r);
  }
  return out;
}

function labelsOf(report: FilledReport): Record<string, string> {
  const out: Record<string, string> = {};
  const textCol = report.columns.find((c) => c.type === 'text' && !c.manual);
  for (const r of report.rows) out[r.key] = String(r.cells.label ?? (r.total ? r.cells.no : textCol ? r.cells[textCol.key] : r.key) ?? r.key);
  return out;
}

export interface Change {
  row: string;
  column: string;
  was: string;
  now: string;
}

/** What differs between a kept fill and a new one, cell by cell, in the clerk's words. */
export function changesSince(prev: KeptReport, report: FilledReport): Change[] {
  const next = figuresOf(report);
  const labels = { ...prev.labels, ...labelsOf(report) };
  const colOf = new Map(report.columns.map((c) => [c.key, c]));
  const fieldOf = new Map(report.fields.map((f) => [f.key, f.label]));
  const out: Change[] = [];
  const keys = new Set([...Object.keys(prev.figures), ...Object.keys(next)]);
  for (const k of keys) {
    const a = prev.figures[k] ?? null;
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
    out.push({ row: labels[rowKey] ?? rowKey, column: col?.header ?? k.slice(dot + 1), was: cellText(a, type), now: cellText(b, type) });
  }
  return out;
}

export function changeText(c: Change): string {
  return `${c.row}「${c.column}」：${c.was === '' ? '（空）' : c.was} → ${c.now === '' ? '（空）' : c.now}`;
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
  const n = (previous?.n ?? 0) + 1;
  const kept: KeptReport = {
    id: `${report.templateId}:${report.period.id}:${n}`,
    templateId: report.templateId,
    title: report.title,
    period: report.period.id,
    n,
    at: tx.now.iso,
    by: opts.by,
    figures: figuresOf(report),
    labels: labelsOf(report),
    manual: { ...manual },
    failed: failedChecks(report).map((c) => c.name),
    forced: opts.forced,
    outboundId: opts.outboundId ?? null,
  };
  tx.put('reports', kept.id, kept as unknown as Record<string, unknown>);
  return { kept, previous, changes: previous ? changesSince(previous, report) : [] };
}
