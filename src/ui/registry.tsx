// Every screen of the app, by id. Wiring a screen of another module is one
// entry: `{ title, ownKeys: true, render: (p) => <XScreen office={p.office}
// operator={p.operator} onBack={p.onBack} /> }` (see docs/decisions.md,
// "App shell"). `p.params` carries what the opening line knew (caseNo, date…).
import React from 'react';
import { useShell, type ScreenEntry, type ShellScreenProps } from './shell.js';
import { DashboardScreen, DASHBOARD_HELP } from './screens/dashboard.js';
import { SearchScreen } from './screens/search.js';
import { ArchiveScreen } from './screens/archive.js';
import { RecipientsScreen, GradualExitScreen } from './screens/recipients.js';
import { ReviewScreen } from './screens/review.js';
import { CancellationsScreen, CancelScreen, ReconcileScreen } from './screens/cancellations.js';
import { OperatorScreen } from './screens/operator.js';
import { AttendanceScreen } from './screens/attendance.js';
import { AttendanceSummaryScreen } from './screens/attendanceSummary.js';
import { ReportScreen } from './screens/report.js';
import { IntakeScreen } from './screens/intake.js';
import { CaseScreen } from './screens/case.js';
import { CaseListScreen } from './screens/caseList.js';

/** Intake: once saved, the new case's screen takes its place. */
function IntakeEntry(p: ShellScreenProps) {
  const shell = useShell();
  return <IntakeScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} onSaved={(caseNo) => shell.replace('case', { caseNo })} />;
}

/** The case list: Enter opens the case. */
function CasesEntry(p: ShellScreenProps) {
  const shell = useShell();
  return <CaseListScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} onOpen={(caseNo) => shell.open('case', { caseNo })} />;
}

export const REGISTRY: Readonly<Record<string, ScreenEntry>> = {
  operator: { title: '选择经办人', render: () => <OperatorScreen /> },
  dashboard: { title: '工作台', help: DASHBOARD_HELP, render: () => <DashboardScreen /> },
  search: { title: '查找', help: ['按姓名、拼音首字母（zs 找到 张三）、身份证号或其中一段、申请编号、住址查找一户。'], render: () => <SearchScreen /> },
  archive: {
    title: '一户一档',
    help: ['一户的全部档案：成员、申请与审批、保障、复核、公益劳动、备注、全部变更记录。', '备注只增不删；更正也是新的一条。'],
    render: (p) => <ArchiveScreen key={p.params.key} householdKey={p.params.key ?? ''} />,
  },
  recipients: { title: '在保对象', help: ['在保对象：类别、月保障金、保障人数、分类、起始年月。'], render: () => <RecipientsScreen /> },
  review: { title: '复核', help: ['复核意见为建议调整或建议停发的，列入待处理，由区县的待遇变更文件决定。'], render: (p) => <ReviewScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} /> },
  exit: { title: '渐退期', render: (p) => <GradualExitScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} /> },
  cancellations: { title: '撤消登记', render: () => <CancellationsScreen /> },
  cancel: { title: '撤消登记', render: (p) => <CancelScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} params={p.params} /> },
  reconcile: { title: '花名册核对', render: () => <ReconcileScreen /> },

  // ---- the screens of intake and the case's way, labour and reports.
  intake: { title: '受理申请', ownKeys: true, render: (p) => <IntakeEntry {...p} /> },
  case: {
    title: '申请办理',
    ownKeys: true,
    render: (p) =>
      p.params.caseNo ? (
        <CaseScreen key={p.params.caseNo} office={p.office} operator={p.operator} onBack={p.onBack} caseNo={p.params.caseNo} rows={p.rows} />
      ) : (
        <CasesEntry {...p} />
      ),
  },
  cases: { title: '申请列表', ownKeys: true, render: (p) => <CasesEntry {...p} /> },
  attendance: {
    title: '公益劳动',
    render: (p) => <AttendanceScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} {...(p.params.date ? { date: p.params.date } : {})} />,
  },
  attendanceSummary: {
    title: '公益劳动月度汇总',
    render: (p) => <AttendanceSummaryScreen key={p.params.month} office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} {...(p.params.month ? { month: p.params.month } : {})} />,
  },
  report: { title: '报表', render: (p) => <ReportScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} /> },
};

export const GLOBAL_HELP = [
  '全局按键：/ 查找一户   ? 本帮助   Esc 返回上一页   q 退出   Ctrl-C 保存草稿后退出',
  '从工作台：r 在保对象  c 撤消登记  n 花名册核对  i 受理  l 申请列表  a 公益劳动  p 报表',
  '按任意键关闭帮助。',
];
