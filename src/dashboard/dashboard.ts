// What is due: the dashboard's content, computed once. `jiuzhu status` prints
// it; the app's first screen shows it.
import type { View } from '../store/office.js';
import type { PendingItem } from '../office/model.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { caseList, type CaseListRow } from '../case/list.js';
import { CLOSED_STATUSES } from '../case/statuses.js';
import { openPending, pendingRow, PENDING_KIND_WORDS } from '../office/pending.js';
import { reviewsDue, type ReviewDue } from '../recipients/reviews.js';
import type { DaemonStatus } from '../sync/daemonStatus.js';
import { reportsDue } from '../reports/due.js';
import { builtinTemplatesDir, loadTemplates, type Template } from '../reports/template.js';

/** The built-in forms, read and validated once per process (the app refreshes the dashboard often). */
let builtinTemplates: Template[] | null = null;
import { backupReminder, type BackupReminder } from '../maintenance/backupReminder.js';
import { word } from '../i18n/index.js';

export interface ReportDue {
  id: string;
  title: string;
  period: string;
  due: string;
  overdue: boolean;
}

/** Report forms whose current period is not yet filled, soonest first (overdue ones first of all). */
export function reportFormsDue(view: View, today: string): ReportDue[] {
  builtinTemplates ??= loadTemplates([builtinTemplatesDir()]);
  return reportsDue(view, today, builtinTemplates)
    .filter((r): r is typeof r & { period: string; due: string } => (!r.done || r.overdue) && r.period !== null && r.due !== null)
    .map((r) => ({ id: r.templateId, title: r.title, period: r.period, due: r.due, overdue: r.overdue }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
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
  const rows = caseList(view, today);
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
    .sort((a, b) => a.end.localeCompare(b.end) || a.caseNo.localeCompare(b.caseNo));
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
    overdue: rows.filter((r) => r.overdue).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.caseNo.localeCompare(b.caseNo)),
    nearDeadline: rows.filter((r) => r.near).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.caseNo.localeCompare(b.caseNo)),
    noticesEnding,
    reviewsDue: reviewsDue(view, today),
    reportsDue: reportFormsDue(view, today),
    session: todaySession(view, today),
    pending: pending.map((p) => ({ id: p.id, ...pendingRow(p) })),
    daemon: extra.daemon ?? null,
    calendar: {
      year,
      covered,
      message: covered ? null : `节假日日历没有 ${year} 年的数据：期限只按周末计算，请导入区县下发的节假日安排`,
    },
    backup: backupReminder(view, today),
  };
}

/** One line on the daemon, for the app and for `status`. */
export function daemonLine(d: DaemonStatus | null): string | null {
  if (!d) return null;
  if (!d.running && !d.lastRunAt) return '同步守护进程未运行（jiuzhu daemon start 启动）';
  const last = d.lastRunAt ? `上次同步 ${d.lastRunAt.slice(0, 16).replace('T', ' ')}` : '尚未同步';
  const counts = `收到 ${d.counts.files} 个文件，应用 ${d.counts.applied} 行，有拒收行的文件 ${d.counts.rejected} 个`;
  const err = d.lastError ? `；上次出错：${d.lastError}` : '';
  return `${d.running ? `同步守护进程运行中（pid ${d.pid}）` : '同步守护进程已停止（jiuzhu daemon start 启动）'}，${last}，${counts}${err}`;
}

export function sessionLine(s: TodaySession | null): string {
  return s ? `今天 ${s.start}–${s.end} 公益劳动：${s.task}，已点名 ${s.marked} 人` : '今天没有公益劳动';
}

export function dashboardText(d: Dashboard): string {
  const out: string[] = [];
  out.push(`${d.office.name}（${d.office.code}）  ${d.today}`);
  out.push(
    `在册 ${d.counts.households} 户 · 在保 ${d.counts.activeEnrolments} 户${d.counts.suspendedEnrolments ? `（停发 ${d.counts.suspendedEnrolments}）` : ''} · 在办申请 ${d.counts.openCases} 件 · 待处理 ${d.counts.pending} 项`,
  );
  if (d.calendar.message) out.push(`！${d.calendar.message}`);
  const dl = daemonLine(d.daemon);
  if (dl) out.push(dl);
  out.push(sessionLine(d.session));
  if (d.backup.message) out.push(`！${d.backup.message}`);
  const line = (r: CaseListRow) =>
    `  ${r.caseNo}  ${r.householderName}  ${r.program}  ${word('status', r.status)}  期限 ${r.deadline}（${r.overdue ? `已超期 ${-(r.daysLeft ?? 0)} 个工作日` : `剩 ${r.daysLeft} 个工作日`}）`;
  if (d.overdue.length) out.push(`已超期 ${d.overdue.length} 件：`, ...d.overdue.map(line));
  if (d.nearDeadline.length) out.push(`临近期限 ${d.nearDeadline.length} 件：`, ...d.nearDeadline.map(line));
  if (d.noticesEnding.length) {
    out.push(`公示中 ${d.noticesEnding.length} 件：`);
    for (const n of d.noticesEnding) out.push(`  ${n.caseNo}  ${n.householderName}  公示至 ${n.end}${n.openObjections ? `  有 ${n.openObjections} 条异议未处理` : ''}`);
  }
  if (d.reviewsDue.length) {
    out.push(`到期复核 ${d.reviewsDue.length} 户：`);
    for (const r of d.reviewsDue.slice(0, 10)) out.push(`  ${r.householderName}  ${r.program}  ${r.category ? `${r.category}类` : '未分类'}  ${r.overdue ? `应于 ${r.due} 复核，已过 ${-r.daysLeft} 天` : `${r.due} 前复核`}`);
    if (d.reviewsDue.length > 10) out.push(`  ……另有 ${d.reviewsDue.length - 10} 户（jiuzhu review list --due）`);
  }
  if (d.reportsDue.length) {
    out.push(`报表 ${d.reportsDue.length} 张：`);
    for (const r of d.reportsDue) out.push(`  ${r.title}  ${r.period}  ${r.overdue ? `已逾期（应于 ${r.due} 报送）` : `${r.due} 前报送`}`);
  }
  if (d.pending.length) {
    out.push(`待处理 ${d.pending.length} 项：`);
    for (const p of d.pending.slice(0, 10)) out.push(`  ${PENDING_KIND_WORDS[p.kind]}  ${p.householderName}：${p.reason}`);
    if (d.pending.length > 10) out.push(`  ……另有 ${d.pending.length - 10} 项（jiuzhu pending list）`);
  }
  if (!d.overdue.length && !d.nearDeadline.length && !d.noticesEnding.length && !d.pending.length && !d.reviewsDue.length && !d.reportsDue.length) {
    out.push('今天没有到期或待处理的事项。');
  }
  return out.join('\n');
}
