// What is due: the dashboard's content, computed once. `jiuzhu status` prints
// it; the app's first screen shows it.
import type { View } from './store/office.js';
import { calendarOf, settingsOf } from './context.js';
import { caseList, STATUS_WORDS, type CaseListRow } from './cases.js';
import { backupReminder, type BackupReminder } from './backupReminder.js';

export interface Dashboard {
  office: { code: string; name: string };
  today: string;
  counts: { households: number; activeEnrolments: number; suspendedEnrolments: number; openCases: number; pending: number };
  overdue: CaseListRow[];
  nearDeadline: CaseListRow[];
  noticesEnding: { caseNo: string; householderName: string; end: string; openObjections: number }[];
  pending: { kind: string; householderName: string; reason: string }[];
  calendar: { year: number; covered: boolean; message: string | null };
  backup: BackupReminder;
}

export function dashboard(view: View, today: string): Dashboard {
  const s = settingsOf(view);
  const cal = calendarOf(view);
  const rows = caseList(view, today);
  const open = rows.filter((r) => !['approved', 'rejected', 'withdrawn'].includes(r.status));
  const enrolments = view.all('enrolments');
  const pending = view.all('pending').filter((p) => !p.resolvedOn);
  const year = Number(today.slice(0, 4));
  const covered = cal.covers(year);
  const nameOf = new Map(rows.map((r) => [r.caseNo, r.householderName]));
  const noticesEnding = view
    .all('cases')
    .filter((c) => c.status === 'noticing' && c.notice)
    .map((c) => ({
      caseNo: c.caseNo,
      householderName: nameOf.get(c.caseNo) ?? '',
      end: c.notice!.end,
      openObjections: c.notice!.objections.filter((o) => !o.resolvedOn).length,
    }))
    .sort((a, b) => a.end.localeCompare(b.end));
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
    overdue: rows.filter((r) => r.overdue).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)),
    nearDeadline: rows.filter((r) => r.near).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)),
    noticesEnding,
    pending: pending.map((p) => ({ kind: p.kind, householderName: p.householderName, reason: p.reason })),
    calendar: {
      year,
      covered,
      message: covered ? null : `节假日日历没有 ${year} 年的数据：期限只按周末计算，请导入区县下发的节假日安排`,
    },
    backup: backupReminder(view, today),
  };
}

export function dashboardText(d: Dashboard): string {
  const out: string[] = [];
  out.push(`${d.office.name}（${d.office.code}）  ${d.today}`);
  out.push(
    `在册 ${d.counts.households} 户 · 在保 ${d.counts.activeEnrolments} 户${d.counts.suspendedEnrolments ? `（停发 ${d.counts.suspendedEnrolments}）` : ''} · 在办申请 ${d.counts.openCases} 件 · 待处理 ${d.counts.pending} 项`,
  );
  if (d.calendar.message) out.push(`！${d.calendar.message}`);
  if (d.backup.message) out.push(`！${d.backup.message}`);
  const line = (r: CaseListRow) =>
    `  ${r.caseNo}  ${r.householderName}  ${r.program}  ${STATUS_WORDS[r.status]}  期限 ${r.deadline}（${r.overdue ? `已超期 ${-(r.daysLeft ?? 0)} 个工作日` : `剩 ${r.daysLeft} 个工作日`}）`;
  if (d.overdue.length) out.push(`已超期 ${d.overdue.length} 件：`, ...d.overdue.map(line));
  if (d.nearDeadline.length) out.push(`临近期限 ${d.nearDeadline.length} 件：`, ...d.nearDeadline.map(line));
  if (d.noticesEnding.length) {
    out.push(`公示中 ${d.noticesEnding.length} 件：`);
    for (const n of d.noticesEnding) out.push(`  ${n.caseNo}  ${n.householderName}  公示至 ${n.end}${n.openObjections ? `  有 ${n.openObjections} 条异议未处理` : ''}`);
  }
  if (d.pending.length) {
    out.push(`待处理 ${d.pending.length} 项：`);
    for (const p of d.pending.slice(0, 10)) out.push(`  ${p.householderName}：${p.reason}`);
    if (d.pending.length > 10) out.push(`  ……另有 ${d.pending.length - 10} 项（jiuzhu pending list）`);
  }
  if (!d.overdue.length && !d.nearDeadline.length && !d.noticesEnding.length && !d.pending.length) out.push('今天没有到期或待处理的事项。');
  return out.join('\n');
}
