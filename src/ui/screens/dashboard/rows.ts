// The dashboard's lines: what is due, overdue and waiting (src/dashboard),
// as list rows, each with the screen Enter on it opens. Pure, so it is tested
// without Ink; the screen's only other state is the list cursor (widgets).
import { categoryWord, sessionLine, type Dashboard } from '../../../dashboard/dashboard.js';
import { daemonLines, reminderParts } from '../../../dashboard/reminders.js';
import { pendingKindWord } from '../../../office/pending.js';
import { ROSTER_KINDS } from '../../../recipients/reconciliation.js';
import { row } from '../../layout.js';
import type { ListRow } from '../../widgets.js';
import { t, word } from '../../../i18n/index.js';

export type Target = { id: string; params?: Record<string, string> };

/** The dashboard's menu: a key, the screen it opens. */
export const DASHBOARD_MENU: Readonly<Record<string, string>> = { r: 'recipients', c: 'cancellations', n: 'reconcile', i: 'intake', l: 'cases', a: 'attendance', p: 'report', s: 'settings', v: 'receipts' };

const CASE_COLS = [{ w: 10 }, { w: 8 }, { w: 10 }, { w: 12 }, { w: 30 }];

/** The dashboard as list rows, with where Enter on each one leads. */
export function dashboardRows(d: Dashboard): { rows: ListRow[]; targets: Map<string, Target> } {
  const rows: ListRow[] = [];
  const targets = new Map<string, Target>();
  const head = (key: string, text: string, color?: string) => rows.push({ key, text, color, bold: true, selectable: false });
  // A line's text is made when the list first draws it: the screen shows 18
  // of a busy office's 1,200 lines, and laying out the rest cost ~8 ms of the
  // app's first frame (docs/architecture.md "Start-up").
  const item = (key: string, text: () => string, target: Target | null, color?: string) => {
    rows.push(lazyRow({ key, color, selectable: target !== null }, text));
    if (target) targets.set(key, target);
  };
  if (d.calendar.message) rows.push({ key: 'cal', text: t('dashboard.warning', { message: d.calendar.message }), color: 'yellow', selectable: false });
  if (d.backup.message) rows.push({ key: 'backup', text: t('dashboard.warning', { message: d.backup.message }), color: 'yellow', selectable: false });
  // Two lines: one cut at 80 columns hid the counts (`应用…`).
  daemonLines(d.daemon).forEach((text, i) =>
    rows.push({ key: `daemon${i}`, text, color: d.daemon?.lastError || (d.daemon && !d.daemon.running) ? 'yellow' : undefined, dim: Boolean(d.daemon?.running && !d.daemon.lastError), selectable: false }),
  );
  item('session', () => sessionLine(d.session), { id: 'attendance', params: d.session ? { date: d.session.date } : {} });
  const caseLine = (prefix: string, r: Dashboard['overdue'][number], what: () => string) =>
    item(`${prefix}${r.caseNo}`, () => row([r.caseNo.slice(-9), r.householderName, r.program, word('status', r.status), what()], CASE_COLS), {
      id: 'case',
      params: { caseNo: r.caseNo },
    });
  if (d.overdue.length) head('oh', t('dashboard.screen.overdueHead', { n: d.overdue.length }), 'red');
  for (const r of d.overdue) caseLine('o', r, () => t('dashboard.screen.overdueDays', { days: -(r.daysLeft ?? 0) }));
  if (d.nearDeadline.length) head('nh', t('dashboard.screen.nearHead', { n: d.nearDeadline.length }), 'yellow');
  for (const r of d.nearDeadline) caseLine('n', r, () => t('dashboard.screen.daysLeft', { days: r.daysLeft ?? '', deadline: r.deadline ?? '' }));
  for (const part of reminderParts(d.reminders)) {
    head(`mh${part.lines[0]!.key}`, part.head, part.lines.some((l) => l.overdue) ? 'red' : 'yellow');
    for (const l of part.lines) {
      const target: Target | null = l.caseNo
        ? { id: 'case', params: { caseNo: l.caseNo } }
        : l.sha256
          ? { id: 'receipts', params: { sha256: l.sha256 } }
          : l.householderId
            ? { id: 'archive', params: { key: l.householderId } }
            : null;
      // The same columns as the case lines above: number, name, then what is due.
      const cells = () => (l.caseNo ? row([l.caseNo.slice(-9), l.who, l.text], [{ w: 10 }, { w: 8 }, { w: 54 }]) : row([l.who, l.text], [{ w: 20 }, { w: 54 }]));
      item(`m${l.key}`, cells, target, l.overdue ? 'red' : undefined);
    }
  }
  if (d.noticesEnding.length) head('ph', t('dashboard.screen.noticesHead', { n: d.noticesEnding.length }));
  for (const n of d.noticesEnding) {
    item(`p${n.caseNo}`, () => row([n.caseNo.slice(-9), n.householderName, t('dashboard.screen.noticeUntil', { end: n.end }), n.openObjections ? t('dashboard.screen.noticeObjections', { n: n.openObjections }) : ''], [{ w: 10 }, { w: 8 }, { w: 14 }, { w: 30 }]), {
      id: 'case',
      params: { caseNo: n.caseNo },
    }, n.openObjections ? 'yellow' : undefined);
  }
  if (d.reviewsDue.length) head('rh', t('dashboard.screen.reviewsHead', { n: d.reviewsDue.length }));
  for (const r of d.reviewsDue) {
    item(
      `r${r.enrolmentId}`,
      () => row([r.householderName, r.program, categoryWord(r.category), r.overdue ? t('dashboard.screen.reviewOverdue', { due: r.due, days: -r.daysLeft }) : t('dashboard.screen.reviewBy', { due: r.due })], [{ w: 8 }, { w: 10 }, { w: 7 }, { w: 40 }]),
      { id: 'review', params: { enrolmentId: r.enrolmentId } },
      r.overdue ? 'yellow' : undefined,
    );
  }
  if (d.pending.length) head('qh', t('dashboard.screen.pendingHead', { n: d.pending.length }));
  for (const p of d.pending) {
    const target: Target = ROSTER_KINDS.has(p.kind)
      ? { id: 'reconcile', params: { pendingId: p.id } }
      : p.kind === 'attendance-recommendation'
        ? { id: 'attendance' }
        : p.kind === 'coverage-unchosen' && p.caseNo
          ? { id: 'cover', params: { caseNo: p.caseNo } }
        : p.kind === 'decision-on-withdrawn' && p.caseNo
          ? { id: 'case', params: { caseNo: p.caseNo } }
          : p.householderId
            ? { id: 'archive', params: { key: p.householderId } }
            : { id: 'reconcile' };
    item(`q${p.id}`, () => t('dashboard.screen.pendingLine', { kind: pendingKindWord(p.kind), name: p.householderName, reason: p.reason }), target);
  }
  // Report forms last and on one line: a new office has most forms open at
  // once, and they must not push cases and pending items off an 80×24 screen.
  if (d.reportsDue.length) {
    const late = d.reportsDue.filter((f) => f.overdue);
    const first = d.reportsDue[0]!;
    item(
      'freports',
      () => t('dashboard.screen.reports', {
        n: d.reportsDue.length,
        late: late.length ? t('dashboard.screen.reportsLate', { n: late.length }) : '',
        title: first.title,
        period: first.period,
        when: first.overdue ? t('dashboard.screen.reportOverdue', { due: first.due }) : t('dashboard.screen.reportBy', { due: first.due }),
        more: d.reportsDue.length > 1 ? t('dashboard.screen.reportsMore') : '',
      }),
      { id: 'report' },
      late.length ? 'red' : undefined,
    );
  }
  if (rows.filter((r) => r.selectable !== false).length <= 1 && !d.overdue.length) rows.push({ key: 'none', text: t('dashboard.nothingDue'), selectable: false, dim: true });
  return { rows, targets };
}

/** A list row whose text is made at its first reading, once. */
function lazyRow(base: Omit<ListRow, 'text'>, make: () => string): ListRow {
  let text: string | undefined;
  return {
    ...base,
    get text() {
      return (text ??= `  ${make()}`);
    },
  };
}
