// The dated reminders of product.md "What the dashboard reminds of" that the
// case list does not give: investigation starts, refusal notices owed, ends of
// gradual exits, and inbound files with rejected rows (read by `sync once` or
// the daemon) since the clerk last opened the receipts. `status` prints them,
// the dashboard lists them; each is one rule here.
import type { View } from '../store/office.js';
import type { DaemonStatus } from '../sync/daemonStatus.js';
import type { FileRecord } from '../sync/report.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { investigationDueOf, refusalNoticeDueOf } from '../case/deadlines.js';
import { householderOf } from '../case/household.js';
import { addDays, addMonths } from '../rules/dayNumber.js';
import { t } from '../i18n/index.js';
import { compareCodes, compareText } from '../rules/order.js';
import { minuteStamp } from '../office/time.js';

export interface InvestigationReminder {
  caseNo: string;
  householderName: string;
  due: string;
  daysLeft: number;
  overdue: boolean;
}

/** Accepted cases whose investigation has not started, from the warning day on (overdue ones first). */
export function investigationsDue(view: View, today: string): InvestigationReminder[] {
  const cal = calendarOf(view);
  const warn = settingsOf(view).deadlines.warnWorkingDays;
  const out: InvestigationReminder[] = [];
  for (const c of view.all('cases')) {
    const d = investigationDueOf(c, view, today, cal);
    if (!d || d.daysLeft > warn) continue;
    out.push({ caseNo: c.caseNo, householderName: householderOf(view, c.householdId).name, due: d.date, daysLeft: d.daysLeft, overdue: d.overdue });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || compareCodes(a.caseNo, b.caseNo));
}

export interface RefusalReminder {
  caseNo: string;
  householderName: string;
  decided: string;
  due: string;
  overdue: boolean;
}

/** How long after its last day a refusal notice never marked delivered (`case deliver`) is still reminded of. */
export const REFUSAL_REMINDED_DAYS_AFTER = 10;

/** County refusals whose refusal notice is owed (src/case/deadlines.ts: not yet delivered), from the decision until delivered or shortly after its last day. */
export function refusalNoticesOwed(view: View, today: string): RefusalReminder[] {
  const cal = calendarOf(view);
  const out: RefusalReminder[] = [];
  for (const c of view.all('cases')) {
    const d = refusalNoticeDueOf(c, view, today, cal);
    if (!d || !c.decision || c.decision.date > today || addDays(d.date, REFUSAL_REMINDED_DAYS_AFTER) < today) continue;
    out.push({ caseNo: c.caseNo, householderName: householderOf(view, c.householdId).name, decided: c.decision.date, due: d.date, overdue: d.overdue });
  }
  return out.sort((a, b) => compareCodes(a.due, b.due) || compareCodes(a.caseNo, b.caseNo));
}

export interface ExitReminder {
  enrolmentId: string;
  householderId: string;
  householderName: string;
  memberName: string;
  until: string;
  ended: boolean;
}

/**
 * Gradual exits of an active enrolment whose period ends this month or ended
 * last month: the benefit is to be reviewed with the wage counted.
 */
export function gradualExitsEnding(view: View, today: string): ExitReminder[] {
  const month = today.slice(0, 7);
  const out: ExitReminder[] = [];
  for (const g of view.all('gradualExits')) {
    if (g.until !== month && addMonths(g.until, 1) !== month) continue;
    const e = view.get('enrolments', g.enrolmentId);
    if (!e || e.status !== 'active') continue;
    const h = householderOf(view, g.householdId);
    out.push({ enrolmentId: g.enrolmentId, householderId: h.idNumber, householderName: h.name, memberName: g.memberName, until: g.until, ended: g.until < month });
  }
  return out.sort((a, b) => compareCodes(a.until, b.until) || compareText(a.enrolmentId, b.enrolmentId));
}

export interface RejectedFile {
  sha256: string;
  name: string;
  kind: string | null;
  outcome: FileRecord['outcome'];
  rejected: number;
  processedAt: string;
}

/** The meta record the receipts screen stamps when the clerk has looked. */
export const RECEIPTS_SEEN = 'receiptsSeen';

/** Inbound files with rejected rows (or rejected whole) since the clerk last opened the receipts, newest first. */
export function rejectedFiles(view: View): RejectedFile[] {
  const seen = (view.get('meta', RECEIPTS_SEEN) as { at?: string } | undefined)?.at ?? '';
  return (view.all('files') as unknown as FileRecord[])
    .filter((f) => (f.outcome === 'rejected' || f.counts.rejected > 0) && f.processedAt > seen)
    .map((f) => ({ sha256: f.sha256, name: f.names[0] ?? f.sha256, kind: f.kind, outcome: f.outcome, rejected: f.counts.rejected, processedAt: f.processedAt }))
    .sort((a, b) => compareText(b.processedAt, a.processedAt) || compareText(a.name, b.name));
}

export interface Reminders {
  investigations: InvestigationReminder[];
  refusalNotices: RefusalReminder[];
  gradualExits: ExitReminder[];
  rejectedFiles: RejectedFile[];
}

export function reminders(view: View, today: string): Reminders {
  return { investigations: investigationsDue(view, today), refusalNotices: refusalNoticesOwed(view, today), gradualExits: gradualExitsEnding(view, today), rejectedFiles: rejectedFiles(view) };
}

export function remindersEmpty(r: Reminders): boolean {
  return !r.investigations.length && !r.refusalNotices.length && !r.gradualExits.length && !r.rejectedFiles.length;
}

/** One line per reminder, for the text of `status` and the rows of the dashboard. */
export function investigationLine(r: InvestigationReminder): string {
  return r.overdue ? t('dashboard.remind.investigationOverdue', { due: r.due, days: -r.daysLeft }) : t('dashboard.remind.investigationBy', { due: r.due });
}
export function refusalLine(r: RefusalReminder): string {
  return t(r.overdue ? 'dashboard.remind.refusalOverdue' : 'dashboard.remind.refusalBy', { decided: r.decided, due: r.due });
}
export function exitLine(r: ExitReminder): string {
  return t(r.ended ? 'dashboard.remind.exitEnded' : 'dashboard.remind.exitEnds', { member: r.memberName, until: r.until });
}
export function rejectedFileLine(r: RejectedFile): string {
  return t(r.outcome === 'rejected' ? 'dashboard.remind.fileRejected' : 'dashboard.remind.fileRows', { rows: r.rejected, at: minuteStamp(r.processedAt) });
}

export interface ReminderPart {
  head: string;
  /** `who` is the householder's name or the file's name; `text` what is due. */
  lines: { key: string; who: string; text: string; overdue: boolean; caseNo?: string; householderId?: string; enrolmentId?: string; sha256?: string }[];
}

/** Each kind of reminder with its head and lines, in the order shown; kinds with nothing left out. */
export function reminderParts(r: Reminders): ReminderPart[] {
  const parts: ReminderPart[] = [
    { head: t('dashboard.remind.head.investigations', { n: r.investigations.length }), lines: r.investigations.map((x) => ({ key: `inv${x.caseNo}`, who: x.householderName, text: investigationLine(x), overdue: x.overdue, caseNo: x.caseNo })) },
    { head: t('dashboard.remind.head.refusals', { n: r.refusalNotices.length }), lines: r.refusalNotices.map((x) => ({ key: `ref${x.caseNo}`, who: x.householderName, text: refusalLine(x), overdue: x.overdue, caseNo: x.caseNo })) },
    { head: t('dashboard.remind.head.exits', { n: r.gradualExits.length }), lines: r.gradualExits.map((x) => ({ key: `exit${x.enrolmentId}${x.until}`, who: x.householderName, text: exitLine(x), overdue: x.ended, householderId: x.householderId, enrolmentId: x.enrolmentId })) },
    { head: t('dashboard.remind.head.files', { n: r.rejectedFiles.length }), lines: r.rejectedFiles.map((x) => ({ key: `file${x.sha256}`, who: x.name, text: rejectedFileLine(x), overdue: x.outcome === 'rejected', sha256: x.sha256 })) },
  ];
  return parts.filter((p) => p.lines.length);
}

/** The reminders as `status` prints them: a head per kind, a line per item. */
export function remindersText(r: Reminders): string[] {
  const out: string[] = [];
  for (const p of reminderParts(r)) out.push(p.head, ...p.lines.map((l) => `  ${[l.caseNo, l.who, l.text].filter(Boolean).join('  ')}`));
  return out;
}

/**
 * The daemon's line in two parts, so that an 80-column screen does not cut
 * its counts (`应用…`): its state and last run, then what it received.
 */
export function daemonLines(d: DaemonStatus | null): string[] {
  if (!d) return [];
  if (!d.running && !d.lastRunAt) return [t('dashboard.daemon.notRunning')];
  const state = d.running ? t('dashboard.daemon.running', { pid: d.pid ?? '' }) : t('dashboard.daemon.stopped');
  const last = d.lastRunAt ? t('dashboard.daemon.lastRun', { at: minuteStamp(d.lastRunAt) }) : t('dashboard.daemon.neverRun');
  const counts = t('dashboard.daemon.counts', { files: d.counts.files, applied: d.counts.applied, rejected: d.counts.rejected });
  return [t('dashboard.remind.daemonState', { state, last }), `  ${counts}${d.lastError ? t('dashboard.daemon.lastError', { error: d.lastError }) : ''}`];
}
