// A filled report as a printable HTML page: A4, a CJK font stack, and a table
// header the browser repeats on every printed page.
import { cellText, type FilledReport } from './fill.js';
import { escapeHtml as esc } from '../print/template.js';


export function reportHtml(report: FilledReport): string {
  const auto = report.fields.filter((f) => !f.manual);
  const manual = report.fields.filter((f) => f.manual);
  const signing = report.columns.some((c) => c.manual && c.type === 'text');
  const head = report.columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
  const body = report.rows
    .map((r) => {
      const cells = report.columns
        .map((c) => {
          const text = cellText(r.cells[c.key] ?? null, c.type);
          const cls = c.type === 'integer' || c.type === 'amount' ? ' class="num"' : c.manual ? ' class="manual"' : '';
          return `<td${cls}>${esc(text)}</td>`;
        })
        .join('');
      return `<tr${r.total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(report.title)}（${esc(report.periodLabel)}）</title>
<style>
  @page { size: A4 ${report.orientation}; margin: 15mm 12mm; }
  body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; font-size: 11pt; color: #000; margin: 0; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.1em; }
  .meta { display: flex; justify-content: space-between; flex-wrap: wrap; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; }
  th { font-weight: bold; text-align: center; background: #f2f2f2; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  td.manual { min-width: 25mm; }
  ${signing ? 'tbody td { height: 9mm; }' : ''}
  tr.total td { font-weight: bold; }
  .sign { display: flex; gap: 12mm; margin-top: 6mm; }
  .note { margin-top: 4mm; font-size: 9pt; }
</style>
</head>
<body>
<h1>${esc(report.title)}</h1>
<div class="meta">${[`<span>${esc(report.periodLabel)}</span>`, ...auto.map((f) => `<span>${esc(f.label)}：${esc(f.value)}</span>`)].join('')}</div>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${manual.length ? `<div class="sign">${manual.map((f) => `<span>${esc(f.label)}：${f.value ? esc(f.value) : '&emsp;'.repeat(6)}</span>`).join('')}</div>` : ''}
${report.note ? `<p class="note">${esc(report.note)}</p>` : ''}
</body>
</html>
`;
}
