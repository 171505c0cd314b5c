// A filled report as aligned plain text, for `report show` in a terminal:
// columns padded by display width, since a Chinese character takes two.
import stringWidth from 'string-width';
import { cellText, type FilledReport } from './fill.js';
import { t } from '../i18n/index.js';

export function padTo(s: string, width: number, right = false): string {
  const gap = Math.max(0, width - stringWidth(s));
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

export function reportText(report: FilledReport): string {
  const cols = report.columns;
  const cells = report.rows.map((r) => cols.map((c) => cellText(r.cells[c.key] ?? null, c.type)));
  const widths = cols.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((row) => stringWidth(row[i]!))));
  const numeric = cols.map((c) => c.type === 'integer' || c.type === 'amount');
  const line = (row: string[]) => row.map((s, i) => padTo(s, widths[i]!, numeric[i])).join('  ').trimEnd();
  const out = [t('reports.formHead', { title: report.title, period: report.periodLabel }), report.fields.map((f) => t('reports.fieldValue', { label: f.label, value: f.value || t('reports.notFilled') })).join('  ')];
  out.push(line(cols.map((c) => c.header)));
  for (const row of cells) out.push(line(row));
  for (const c of report.checks) out.push(`${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : t('reports.checkProblems', { problems: c.problems.join(t('reports.checkSep')) })}`);
  return out.join('\n');
}
