// What is due: the dashboard's content, computed once. `jiuzhu status` prints
// it; the app's first screen shows it.
import type { View } from '../store/office.js';
import type { PendingItem } from '../office/model.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { caseRow, type CaseListRow } from '../case/list.js';
import { CLOSED_STATUSES } from '../case/statuses.js';
import { openPending, pendingRow, pendingKindWord } from '../office/pending.js';
import { reviewsDue, type ReviewDue } from '../recipients/reviewsDue.js';
import type { DaemonStatus } from '../sync/daemonStatus.js';
import { reportsDue } from '../reports/due.js';
import { builtinForms } from './forms.js';
import { compareCodes } from '../rules/order.js';
import { backupReminder, type BackupReminder } from '../maintenance/backupReminder.js';
import { t, word } from '../i18n/index.js';
import { reminders, remindersEmpty, remindersText, type Reminders } from './reminders.js';
import { minuteStamp } from '../office/time.js';

export interface ReportDue {
  id: string;
  title: string;
  period: string;
  due: string;
  overdue: boolean;
}

/**
 * Report forms whose current period is not yet filled, soonest first (overdue
 * ones first of all). The built-in forms are read once per process, by
 * `prepareBuiltinForms` (./forms.ts), before the first dashboard.
 */
export function reportFormsDue(view: View, today: string): ReportDue[] {
  return reportsDue(view, today, builtinForms())
    .filter((r): r is typeof r & { period: string; due: string } => (!r.done || r.overdue) && r.period !== null && r.due !== null)
    .map((r) => ({ id: r.templateId, title: r.title, period: r.period, due: r.due, overdue: r.overdue }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareCodes(a.due, b.due));
}

export interface TodaySession {
  id: string;
  date: string;
  start: string;
  end: string;
  task: string;
  marked: number;
}


export interface Dashboard {
  office: { code: string; name: string };
  today: string;
  counts: { households: number; activeEnrolments: number; suspendedEnrolments: number; openCases: number; pending: number };
  overdue: CaseListRow[];
  nearDeadline: CaseListRow[];
  noticesEnding: { caseNo: string; householderName: string; householdId: string; end: string; openObjections: number }[];
  reviewsDue: ReviewDue[];
  reportsDue: ReportDue[];
  session: TodaySession | null;
  pending: { id: string; kind: PendingItem['kind']; caseNo: string | null; householderId: string | null; householderName: string; reason: string; since: string }[];
  /** null when the caller did not look (a pure call without the data folder) */
  daemon: DaemonStatus | null;
  calendar: { year: number; covered: boolean; message: string | null };
  backup: BackupReminder;
  /** investigation starts, refusal notices, gradual exits, files with rejected rows (reminders.ts) */
  reminders: Reminders;
}

export function todaySession(view: View, today: string): TodaySession | null {
  const s = view.all('sessions').find((x) => x.date === today);
  if (!s) return null;
  const marks = (s.marks ?? {}) as Record<string, unknown>;
  return { id: String(s.id), date: today, start: String(s.start ?? ''), end: String(s.end ?? ''), task: String(s.task ?? ''), marked: Object.keys(marks).length };
}

export function dashboard(view: View, today: string, extra: { daemon?: DaemonStatus } = {}): Dashboard {
  const s = settingsOf(view);
  const cal = calendarOf(view);
  // Unsorted: every list below sorts its own rows (and ICU's collator, which the case list's order needs, costs ~7 ms to build).
  const rows = view.all('cases').map((c) => caseRow(view, c, today, cal));
  const open = rows.filter((r) => !CLOSED_STATUSES.has(r.status));
  const enrolments = view.all('enrolments');
  const pending = openPending(view);
  const year = Number(today.slice(0, 4));
  const covered = cal.covers(year);
  const byCase = new Map(rows.map((r) => [r.caseNo, r.householderName]));
  const noticesEnding = view
    .all('cases')
    .filter((c) => c.status === 'noticing' && c.notice)
    .map((c) => ({
      caseNo: c.caseNo,
      householderName: byCase.get(c.caseNo) ?? '',
      householdId: c.householdId,
      end: c.notice!.end,
      openObjections: c.notice!.objections.filter((o) => !o.resolvedOn).length,
    }))
    .sort((a, b) => compareCodes(a.end, b.end) || compareCodes(a.caseNo, b.caseNo));
  return {
    office: { code: s.office.code, name: s.office.name },
    today,
    counts: {
      households: view.count('households'),
      activeEnrolments: enrolments.filter((e) => e.status === 'active').length,
      suspendedEnrolments: enrolments.filter((e) => e.status === 'suspended').length,
      openCases: open.length,
      pending: pending.length,
    },
    overdue: rows.filter((r) => r.overdue).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || compareCodes(a.caseNo, b.caseNo)),
    nearDeadline: rows.filter((r) => r.near).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || compareCodes(a.caseNo, b.caseNo)),
    noticesEnding,
    reviewsDue: reviewsDue(view, today),
    reportsDue: reportFormsDue(view, today),
    session: todaySession(view, today),
    pending: pending.map((p) => ({ id: p.id, ...pendingRow(p) })),
    daemon: extra.daemon ?? null,
    calendar: {
      year,
      covered,
      message: covered ? null : t('dashboard.calendarMissing', { year }),
    },
    backup: backupReminder(view, today),
    reminders: reminders(view, today),
  };
}

/** One line on the daemon, for the app and for `status`. */
export function daemonLine(d: DaemonStatus | null): string | null {
  if (!d) return null;
  if (!d.running && !d.lastRunAt) return t('dashboard.daemon.notRunning');
  return t('dashboard.daemon.line', {
    state: d.running ? t('dashboard.daemon.running', { pid: d.pid ?? '' }) : t('dashboard.daemon.stopped'),
    last: d.lastRunAt ? t('dashboard.daemon.lastRun', { at: minuteStamp(d.lastRunAt) }) : t('dashboard.daemon.neverRun'),
    counts: t('dashboard.daemon.counts', { files: d.counts.files, applied: d.counts.applied, rejected: d.counts.rejected }),
    error: d.lastError ? t('dashboard.daemon.lastError', { error: d.lastError }) : '',
  });
}

export function sessionLine(s: TodaySession | null): string {
  return s ? t('dashboard.session.today', { start: s.start, end: s.end, task: s.task, marked: s.marked }) : t('dashboard.session.none');
}

/** A review's category as the clerk reads it: "B类", or "未分类". */
export function categoryWord(category: string | null | undefined): string {
  return category ? t('dashboard.category', { category }) : t('dashboard.uncategorised');
}

export function suspendedNote(n: number): string {
  return n ? t('dashboard.suspended', { n }) : '';
}

/** Whether the dashboard has nothing due or waiting at all. */
export function nothingDue(d: Dashboard): boolean {
  return remindersEmpty(d.reminders) && !d.overdue.length && !d.nearDeadline.length && !d.noticesEnding.length && !d.pending.length && !d.reviewsDue.length && !d.reportsDue.length;
}

export function dashboardText(d: Dashboard): string {
  const out: string[] = [];
  out.push(t('dashboard.text.header', { name: d.office.name, code: d.office.code, today: d.today }));
  const c = d.counts;
  out.push(t('dashboard.text.counts', { households: c.households, active: c.activeEnrolments, suspended: suspendedNote(c.suspendedEnrolments), open: c.openCases, pending: c.pending }));
  if (d.calendar.message) out.push(t('dashboard.warning', { message: d.calendar.message }));
  const dl = daemonLine(d.daemon);
  if (dl) out.push(dl);
  out.push(sessionLine(d.session));
  if (d.backup.message) out.push(t('dashboard.warning', { message: d.backup.message }));
  const line = (r: CaseListRow) =>
    t('dashboard.text.caseLine', {
      caseNo: r.caseNo,
      name: r.householderName,
      program: r.program,
      status: word('status', r.status),
      deadline: r.deadline ?? '',
      left: r.overdue ? t('dashboard.text.overdueDays', { days: -(r.daysLeft ?? 0) }) : t('dashboard.text.daysLeft', { days: r.daysLeft ?? '' }),
    });
  if (d.overdue.length) out.push(t('dashboard.text.overdueHead', { n: d.overdue.length }), ...d.overdue.map(line));
  if (d.nearDeadline.length) out.push(t('dashboard.text.nearHead', { n: d.nearDeadline.length }), ...d.nearDeadline.map(line));
  out.push(...remindersText(d.reminders));
  if (d.noticesEnding.length) {
    out.push(t('dashboard.text.noticesHead', { n: d.noticesEnding.length }));
    for (const n of d.noticesEnding) {
      const objections = n.openObjections ? t('dashboard.text.noticeObjections', { n: n.openObjections }) : '';
      out.push(t('dashboard.text.noticeLine', { caseNo: n.caseNo, name: n.householderName, end: n.end, objections }));
    }
  }
  if (d.reviewsDue.length) {
    out.push(t('dashboard.text.reviewsHead', { n: d.reviewsDue.length }));
    for (const r of d.reviewsDue.slice(0, 10)) {
      const when = r.overdue ? t('dashboard.text.reviewOverdue', { due: r.due, days: -r.daysLeft }) : t('dashboard.text.reviewBy', { due: r.due });
      out.push(t('dashboard.text.reviewLine', { name: r.householderName, program: r.program, category: categoryWord(r.category), when }));
    }
    if (d.reviewsDue.length > 10) out.push(t('dashboard.text.reviewsMore', { n: d.reviewsDue.length - 10 }));
  }
  if (d.reportsDue.length) {
    out.push(t('dashboard.text.reportsHead', { n: d.reportsDue.length }));
    for (const r of d.reportsDue) {
      const when = r.overdue ? t('dashboard.text.reportOverdue', { due: r.due }) : t('dashboard.text.reportBy', { due: r.due });
      out.push(t('dashboard.text.reportLine', { title: r.title, period: r.period, when }));
    }
  }
  if (d.pending.length) {
    out.push(t('dashboard.text.pendingHead', { n: d.pending.length }));
    for (const p of d.pending.slice(0, 10)) out.push(t('dashboard.text.pendingLine', { kind: pendingKindWord(p.kind), name: p.householderName, reason: p.reason }));
    if (d.pending.length > 10) out.push(t('dashboard.text.pendingMore', { n: d.pending.length - 10 }));
  }
  if (nothingDue(d)) out.push(t('dashboard.nothingDue'));
  return out.join('\n');
}
