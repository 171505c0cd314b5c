// 报表 screen: choose a form, see it filled for a period (wide forms scroll
// sideways), type the clerk's cells, see failed checks, export. The filling,
// checking and exporting are src/reports' functions; this only shows them.
// State is report/state.ts; keys come through the shell.
import React, { useMemo } from 'react';
import { join } from 'node:path';
import { Box, Text, type Key } from 'ink';
import stringWidth from 'string-width';
import type { Office } from '../../../store/office.js';
import { officeTemplates, templateById, type Template } from '../../../reports/template.js';
import { dueShortText, reportsDue } from '../../../reports/due.js';
import { cellText, failedChecks, parseManualCell, type FilledReport } from '../../../reports/fill.js';
import { exportReport, fillFor, lastManual, type ReportFormat } from '../../../reports/export.js';
import { parsePeriod, periodContaining, shiftPeriod } from '../../../reports/period.js';
import { initialState, reducer, type Mode } from './state.js';
import { useNavReducer } from '../navReducer.js';
import { fit as layoutFit } from '../../layout.js';
import { useKeys, type Hint } from '../../shell.js';
import { t } from '../../../i18n/index.js';

export interface ReportScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** Where exported files go; default `<data>/exports`. */
  exportDir?: string;
  /** Templates to offer; default the built-in ones and the office's own. */
  templates?: Template[];
  rows?: number;
}

const WIDTH = 80;
/** Not a cell: the edit line asking for a period. */
const PERIOD_KEY = '\u0000period';
const MAX_COL = 18;

/** A cell cut and padded to its column (layout.ts does it for every screen). */
export const fit = (s: string, width: number, right = false): string => layoutFit(s, width, right ? 'right' : 'left');

function widthsOf(report: FilledReport): number[] {
  return report.columns.map((c) =>
    Math.min(MAX_COL, Math.max(stringWidth(c.header) + (c.manual ? 1 : 0), 2, ...report.rows.map((r) => stringWidth(cellText(r.cells[c.key] ?? null, c.type))))),
  );
}

/** The columns after the frozen first one that fit beside it, keeping the cursor column in view. */
export function visibleColumns(widths: number[], cursor: number, total = WIDTH): number[] {
  const room = total - widths[0]! - 1;
  let start = cursor;
  let used = widths[cursor]! + 1;
  while (start > 1 && used + widths[start - 1]! + 1 <= room) {
    start--;
    used += widths[start]! + 1;
  }
  const cols: number[] = [];
  for (let i = start, u = 0; i < widths.length && u + widths[i]! + 1 <= room; i++) {
    cols.push(i);
    u += widths[i]! + 1;
  }
  return cols;
}

/** The keys of each mode, for the footer and the `?` overlay. */
function hintsOf(mode: Mode): Hint[] {
  if (mode === 'list') return [['↑↓', t('reports.keyChoose')], ['Enter', t('reports.keyOpen')], ['Esc', t('reports.keyBack')], ['q', t('reports.keyBack')]];
  if (mode === 'edit') return [['Enter', t('reports.keyConfirm')], ['Esc', t('reports.keyCancel')]];
  if (mode === 'checks') return [['c Esc', t('reports.keyBackToTable')]];
  if (mode === 'export') return [['1', 'CSV'], ['2', 'xlsx'], ['3', 'HTML'], ['!', t('reports.keyForce')], ['s', t('reports.keySend')], ['Esc', t('reports.keyCancel')]];
  return [
    ['↑↓←→', t('reports.keyMove')],
    ['Enter', t('reports.keyFill')],
    ['f', t('reports.keyFields')],
    ['[ ]', t('reports.keyPeriod')],
    ['p', t('reports.keyPeriodTyped')],
    ['c', t('reports.keyChecks')],
    ['x', t('reports.keyExport')],
    ['Esc', t('reports.keyBackToList')],
    ['q', t('reports.keyBackToList')],
  ];
}

export function ReportScreen({ office, operator, onBack, exportDir, templates: given, rows: termRows = 24 }: ReportScreenProps) {
  // Each key sees the state the one before left, and the state outlives the `?` overlay.
  const [s, dispatch, get] = useNavReducer('report', reducer, () => initialState);
  const today = office.now().date;
  const templates = useMemo(() => {
    try {
      return { list: given ?? officeTemplates(office.dir), error: null };
    } catch (err) {
      return { list: [] as Template[], error: (err as Error).message };
    }
  }, [given, office]);
  const due = useMemo(() => new Map(reportsDue(office.view, today, templates.list).map((d) => [d.templateId, d])), [templates, office, today, s.message]);
  const template = s.templateId ? templateById(templates.list, s.templateId) : null;
  const filled = useMemo(() => {
    if (!template || !s.period) return null;
    try {
      return { report: fillFor(office.view, template, s.period, today, s.manual, []), error: null };
    } catch (err) {
      return { report: null, error: (err as Error).message };
    }
  }, [template, s.period, s.manual, office, today, s.message]);
  const report = filled?.report ?? null;
  const widthsMemo = useMemo(() => (report ? widthsOf(report) : []), [report]);
  const failed = report ? failedChecks(report) : [];
  const bodyRows = Math.max(3, termRows - 1 - 7);

  const doExport = (format: ReportFormat) => {
    if (!template || !s.period || !report) return;
    if (failed.length && !s.force) {
      dispatch({ type: 'message', text: t('reports.exportRefused', { n: failed.length }) });
      return;
    }
    const ext = format === 'html' ? 'html' : format;
    const out = join(exportDir ?? join(office.dir, 'exports'), `${template.title}-${report.period.id}.${ext}`);
    dispatch({ type: 'message', text: t('reports.exporting') });
    exportReport(office, {
      templates: templates.list, templateId: template.id, period: s.period, set: s.manual, format, out,
      force: s.force, send: s.send, by: operator,
    }).then(
      (res) =>
        dispatch({
          type: 'message',
          text: t('reports.exported', {
            out,
            n: res.kept.n,
            changes: res.previous ? t('reports.exportedChanges', { n: res.changes.length }) : '',
            sent: res.outboundId ? t('reports.exportedSent') : '',
          }),
        }),
      (err: Error) => dispatch({ type: 'message', text: t('reports.notExported', { error: err.message.split('\n')[0] ?? '' }) }),
    );
  };

  const onKey = (input: string, key: Key): boolean => {
    const s = get();
    if (s.mode === 'list') {
      if (key.upArrow) dispatch({ type: 'list-move', by: -1, count: templates.list.length });
      else if (key.downArrow) dispatch({ type: 'list-move', by: 1, count: templates.list.length });
      else if (key.return) {
        const form = templates.list[s.listIndex];
        if (!form) return true;
        const period = due.get(form.id)?.period ?? periodContaining(form.period, today).id;
        dispatch({ type: 'open', templateId: form.id, period, manual: lastManual(office.view, form.id, period) });
      } else if (key.escape || input === 'q') onBack();
      else return false;
      return true;
    }
    if (s.mode === 'edit') {
      if (key.escape) dispatch({ type: 'back' });
      else if (key.return) {
        const e = s.editing!;
        if (e.key === PERIOD_KEY) {
          try {
            const period = parsePeriod(e.text, template!.period).id;
            dispatch({ type: 'back' });
            dispatch({ type: 'set-period', period, manual: lastManual(office.view, template!.id, period) });
          } catch (err) {
            dispatch({ type: 'message', text: (err as Error).message });
          }
          return true;
        }
        const dot = e.key.indexOf('.');
        const col = dot > 0 ? report?.columns.find((c) => c.key === e.key.slice(dot + 1)) : undefined;
        try {
          if (col) parseManualCell(col.type, e.text);
          dispatch({ type: 'commit' });
        } catch (err) {
          dispatch({ type: 'message', text: t('reports.fieldError', { label: e.label, error: (err as Error).message }) });
        }
      } else if (key.backspace || key.delete) dispatch({ type: 'erase' });
      else if (input && !key.ctrl && !key.meta) dispatch({ type: 'type', text: input });
      return true;
    }
    if (s.mode === 'checks') {
      if (key.escape || input === 'c') dispatch({ type: 'back' });
      else return false;
      return true;
    }
    if (s.mode === 'export') {
      if (key.escape) dispatch({ type: 'back' });
      else if (input === '1') doExport('csv');
      else if (input === '2') doExport('xlsx');
      else if (input === '3') doExport('html');
      else if (input === '!') dispatch({ type: 'toggle', what: 'force' });
      else if (input === 's') dispatch({ type: 'toggle', what: 'send' });
      else return false;
      return true;
    }
    // table
    const nRows = report?.rows.length ?? 0;
    const nCols = report?.columns.length ?? 0;
    if (key.escape || input === 'q') dispatch({ type: 'back' });
    else if (key.upArrow) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: -1, dCol: 0 });
    else if (key.downArrow) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: 1, dCol: 0 });
    else if (key.leftArrow) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: 0, dCol: -1 });
    else if (key.rightArrow) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: 0, dCol: 1 });
    else if (key.pageDown) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: bodyRows, dCol: 0 });
    else if (key.pageUp) dispatch({ type: 'move', rows: nRows, cols: nCols, dRow: -bodyRows, dCol: 0 });
    else if (input === '[' || input === ']') {
      if (!s.period || !template) return true;
      const period = shiftPeriod(parsePeriod(s.period, template.period), input === '[' ? -1 : 1).id;
      dispatch({ type: 'set-period', period, manual: lastManual(office.view, template.id, period) });
    } else if (input === 'p') dispatch({ type: 'edit', fields: [{ key: PERIOD_KEY, label: t('reports.periodLabel') }] });
    else if (input === 'c') dispatch({ type: 'mode', mode: 'checks' });
    else if (input === 'x') dispatch({ type: 'mode', mode: 'export' });
    else if (input === 'f' && report) {
      const fields = report.fields.filter((f) => f.manual).map((f) => ({ key: f.key, label: f.label }));
      if (fields.length) dispatch({ type: 'edit', fields });
    } else if (key.return && report) {
      const row = report.rows[s.row];
      const col = report.columns[s.col];
      if (row && col?.manual && !row.total) {
        // A list row is named by its number and its first text (the name): 17 李桂英.
        const name = report.columns.find((c) => c.type === 'text' && !c.manual && c.key !== 'label');
        const rowName = row.cells.label !== undefined ? String(row.cells.label) : `${String(row.cells.no)} ${name ? String(row.cells[name.key] ?? '') : ''}`.trim();
        dispatch({ type: 'edit', fields: [{ key: `${row.key}.${col.key}`, label: `${rowName}·${col.header}` }] });
      }
      else dispatch({ type: 'message', text: t('reports.notManual') });
    } else return false;
    return true;
  };
  useKeys(onKey, hintsOf(s.mode));

  if (s.mode === 'list') {
    const list = templates.list;
    return (
      <Box flexDirection="column" width={WIDTH}>
        <Text bold>{t('reports.listHead', { today })}</Text>
        {templates.error ? <Text color="red">{templates.error}</Text> : null}
        {list.slice(0, termRows - 4).map((form, i) => {
          const d = due.get(form.id);
          const line = `${i === s.listIndex ? '›' : ' '} ${fit(form.title, 28)} ${fit(d?.rule ?? '', 22)} ${d ? dueShortText(d) : ''}`;
          return (
            <Text key={form.id} inverse={i === s.listIndex} color={d?.overdue ? 'red' : undefined}>
              {fit(line, WIDTH - 1)}
            </Text>
          );
        })}
      </Box>
    );
  }

  const head = template ? t('reports.formHead', { title: template.title, period: report?.periodLabel ?? s.period ?? '' }) : '';
  if (!report) {
    return (
      <Box flexDirection="column" width={WIDTH}>
        <Text bold>{head}</Text>
        <Text color="red">{filled?.error ?? ''}</Text>
      </Box>
    );
  }

  if (s.mode === 'checks') {
    const lines = report.checks.flatMap((c) => [`${c.ok ? '✓' : '✗'} ${c.name}`, ...c.problems.map((p) => `    ${p}`)]);
    return (
      <Box flexDirection="column" width={WIDTH}>
        <Text bold>{fit(t('reports.checksHead', { head }), WIDTH - 1)}</Text>
        {lines.slice(0, termRows - 3).map((l, i) => (
          <Text key={i} color={l.startsWith('✗') ? 'red' : undefined}>
            {fit(l, WIDTH - 1)}
          </Text>
        ))}
      </Box>
    );
  }

  const widths = widthsMemo;
  const cols = visibleColumns(widths, s.col);
  const top = Math.max(0, Math.min(s.row - Math.floor(bodyRows / 2), report.rows.length - bodyRows));
  const shown = report.rows.slice(top, top + bodyRows);
  const numeric = (i: number) => report.columns[i]!.type === 'integer' || report.columns[i]!.type === 'amount';
  const hidden = report.columns.length - 1 - cols.length;
  const fields = report.fields.map((f) => t('reports.fieldValue', { label: f.label, value: f.value || t('reports.notFilled') })).join('  ');

  return (
    <Box flexDirection="column" width={WIDTH}>
      <Text bold>{fit(`${t('reports.tableHead', { head, n: report.rows.length })}${hidden > 0 ? t('reports.moreColumns', { n: hidden }) : ''}`, WIDTH - 1)}</Text>
      <Text>{fit(fields, WIDTH - 1)}</Text>
      <Text bold>
        {fit(report.columns[0]!.header, widths[0]!)}
        {cols.map((i) => ` ${fit(`${report.columns[i]!.manual ? '✎' : ''}${report.columns[i]!.header}`, widths[i]!)}`).join('')}
      </Text>
      {shown.map((r, k) => {
        const ri = top + k;
        return (
          <Box key={r.key}>
            <Text bold={!!r.total}>{fit(cellText(r.cells[report.columns[0]!.key] ?? null, report.columns[0]!.type), widths[0]!)}</Text>
            {cols.map((i) => {
              const c = report.columns[i]!;
              const text = fit(cellText(r.cells[c.key] ?? null, c.type) || (c.manual && !r.total ? '·' : ''), widths[i]!, numeric(i));
              return (
                <Text key={c.key} inverse={ri === s.row && i === s.col} bold={!!r.total}>
                  {` ${text}`}
                </Text>
              );
            })}
          </Box>
        );
      })}
      <Text color={failed.length ? 'red' : 'green'}>
        {failed.length
          ? t('reports.checksFailed', { n: failed.length, names: fit(failed.map((c) => c.name).join(t('reports.checkSep')), 50) })
          : t('reports.checksPassed', { n: report.checks.length })}
      </Text>
      {s.mode === 'edit' && s.editing ? (
        <Text color="cyan">{fit(t('reports.editPrompt', { label: s.editing.label, text: s.editing.text }), WIDTH - 1)}</Text>
      ) : s.mode === 'export' ? (
        <Text color="cyan">{fit(t('reports.exportPrompt', { force: s.force ? t('reports.yes') : t('reports.no'), send: s.send ? t('reports.yes') : t('reports.no') }), WIDTH - 1)}</Text>
      ) : (
        <Text>{fit(s.message ?? '', WIDTH - 1)}</Text>
      )}
      {(s.mode === 'export' || s.mode === 'edit') && s.message ? <Text color="yellow">{fit(s.message, WIDTH - 1)}</Text> : null}
    </Box>
  );
}
