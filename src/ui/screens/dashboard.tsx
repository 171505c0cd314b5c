// The first screen: what is due, overdue and waiting, each line leading to
// its screen. The same content as `jiuzhu status`.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { daemonLine, dashboard, sessionLine, type Dashboard } from '../../dashboard/dashboard.js';
import { PENDING_KIND_WORDS } from '../../office/pending.js';
import { readDaemonStatus, type DaemonStatus } from '../../sync/daemonStatus.js';

import { ROSTER_KINDS } from '../../recipients/reconciliation.js';
import { row } from '../layout.js';
import { useKeys, useShell } from '../shell.js';
import { useListCursor, WindowedList, type ListRow } from '../widgets.js';
import { word } from '../../i18n/index.js';

type Target = { id: string; params?: Record<string, string> };

const CASE_COLS = [{ w: 10 }, { w: 8 }, { w: 10 }, { w: 10 }, { w: 30 }];

/** The dashboard as list rows, with where Enter on each one leads. */
export function dashboardRows(d: Dashboard): { rows: ListRow[]; targets: Map<string, Target> } {
  const rows: ListRow[] = [];
  const targets = new Map<string, Target>();
  const head = (key: string, text: string, color?: string) => rows.push({ key, text, color, bold: true, selectable: false });
  const item = (key: string, text: string, target: Target | null, color?: string) => {
    rows.push({ key, text: `  ${text}`, color, selectable: target !== null });
    if (target) targets.set(key, target);
  };
  if (d.calendar.message) rows.push({ key: 'cal', text: `！${d.calendar.message}`, color: 'yellow', selectable: false });
  if (d.backup.message) rows.push({ key: 'backup', text: `！${d.backup.message}`, color: 'yellow', selectable: false });
  const dl = daemonLine(d.daemon);
  if (dl) rows.push({ key: 'daemon', text: dl, color: d.daemon?.lastError || (d.daemon && !d.daemon.running) ? 'yellow' : undefined, dim: Boolean(d.daemon?.running && !d.daemon.lastError), selectable: false });
  item('session', sessionLine(d.session), { id: 'attendance', params: d.session ? { date: d.session.date } : {} });
  const caseLine = (prefix: string, r: Dashboard['overdue'][number], what: string) =>
    item(`${prefix}${r.caseNo}`, row([r.caseNo.slice(-9), r.householderName, r.program, word('status', r.status), what], CASE_COLS), {
      id: 'case',
      params: { caseNo: r.caseNo },
    });
  if (d.overdue.length) head('oh', `已超期 ${d.overdue.length} 件`, 'red');
  for (const r of d.overdue) caseLine('o', r, `超期 ${-(r.daysLeft ?? 0)} 个工作日`);
  if (d.nearDeadline.length) head('nh', `临近期限 ${d.nearDeadline.length} 件`, 'yellow');
  for (const r of d.nearDeadline) caseLine('n', r, `剩 ${r.daysLeft} 个工作日（${r.deadline}）`);
  if (d.noticesEnding.length) head('ph', `公示中 ${d.noticesEnding.length} 件`);
  for (const n of d.noticesEnding) {
    item(`p${n.caseNo}`, row([n.caseNo.slice(-9), n.householderName, `至 ${n.end}`, n.openObjections ? `异议 ${n.openObjections} 条未处理` : ''], [{ w: 10 }, { w: 8 }, { w: 14 }, { w: 30 }]), {
      id: 'case',
      params: { caseNo: n.caseNo },
    }, n.openObjections ? 'yellow' : undefined);
  }
  if (d.reviewsDue.length) head('rh', `到期复核 ${d.reviewsDue.length} 户`);
  for (const r of d.reviewsDue) {
    item(
      `r${r.enrolmentId}`,
      row([r.householderName, r.program, r.category ? `${r.category}类` : '未分类', r.overdue ? `应于 ${r.due}，已过 ${-r.daysLeft} 天` : `${r.due} 前`], [{ w: 8 }, { w: 10 }, { w: 6 }, { w: 40 }]),
      { id: 'review', params: { enrolmentId: r.enrolmentId } },
      r.overdue ? 'yellow' : undefined,
    );
  }
  if (d.pending.length) head('qh', `待处理 ${d.pending.length} 项`);
  for (const p of d.pending) {
    const target: Target = ROSTER_KINDS.has(p.kind)
      ? { id: 'reconcile', params: { pendingId: p.id } }
      : p.kind === 'attendance-recommendation'
        ? { id: 'attendance' }
        : p.kind === 'decision-on-withdrawn' && p.caseNo
          ? { id: 'case', params: { caseNo: p.caseNo } }
          : p.householderId
            ? { id: 'archive', params: { key: p.householderId } }
            : { id: 'reconcile' };
    item(`q${p.id}`, `${PENDING_KIND_WORDS[p.kind]} ${p.householderName}：${p.reason}`, target);
  }
  // Report forms last and on one line: a new office has most forms open at
  // once, and they must not push cases and pending items off an 80×24 screen.
  if (d.reportsDue.length) {
    const late = d.reportsDue.filter((f) => f.overdue);
    const first = d.reportsDue[0]!;
    item(
      'freports',
      `报表 ${d.reportsDue.length} 张待报${late.length ? `，已逾期 ${late.length} 张` : ''}：${first.title} ${first.period}${first.overdue ? `（应于 ${first.due}）` : ` ${first.due} 前`}${d.reportsDue.length > 1 ? ' 等' : ''}`,
      { id: 'report' },
      late.length ? 'red' : undefined,
    );
  }
  if (rows.filter((r) => r.selectable !== false).length <= 1 && !d.overdue.length) rows.push({ key: 'none', text: '今天没有到期或待处理的事项。', selectable: false, dim: true });
  return { rows, targets };
}

export const DASHBOARD_HELP = [
  '工作台：到期、超期、待处理的事项，选中一行按 Enter 打开它的页面。',
  'r 在保对象   c 撤消登记   n 花名册核对   i 受理申请   a 公益劳动   p 报表',
];

export function DashboardScreen() {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const [daemon, setDaemon] = useState<DaemonStatus>(() => readDaemonStatus(office.dir));
  useEffect(() => {
    // The daemon's status file changes without a journal entry (a run that found nothing).
    const t = setInterval(() => {
      const next = readDaemonStatus(office.dir);
      setDaemon((cur) => (JSON.stringify(cur) === JSON.stringify(next) ? cur : next));
    }, 3000);
    return () => clearInterval(t);
  }, [office]);
  // The daemon's status file changes every minute: only its line is redone then.
  const base = useMemo(() => dashboard(office.view, today), [office, today, version]);
  const d = useMemo(() => ({ ...base, daemon }), [base, daemon]);
  const { rows, targets } = useMemo(() => dashboardRows(d), [d]);
  const listHeight = bodyRows - 1;
  const { sel, move } = useListCursor(rows, listHeight);
  useKeys(
    (input, key) => {
      if (move(input, key)) return true;
      if (key.return) {
        const t = targets.get(rows[sel]?.key ?? '');
        if (t) shell.open(t.id, t.params);
        return true;
      }
      const menu: Record<string, string> = { r: 'recipients', c: 'cancellations', n: 'reconcile', i: 'intake', l: 'cases', a: 'attendance', p: 'report' };
      if (menu[input]) {
        shell.open(menu[input]!);
        return true;
      }
      if (key.escape) return true; // the first screen: nothing to go back to
      return false;
    },
    [
      ['↑↓ Enter', '打开'],
      ['r', '在保'],
      ['i', '受理'],
      ['l', '申请'],
      ['a', '劳动'],
      ['p', '报表'],
      ['c', '撤消'],
      ['n', '核对'],
    ],
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        在册 {d.counts.households} 户 · 在保 {d.counts.activeEnrolments} 户{d.counts.suspendedEnrolments ? `（停发 ${d.counts.suspendedEnrolments}）` : ''} · 在办 {d.counts.openCases} 件 · 待处理 {d.counts.pending} 项
      </Text>
      <WindowedList rows={rows} selected={sel} height={listHeight} cols={cols} />
    </Box>
  );
}

