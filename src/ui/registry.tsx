// Every screen of the app, by id. Wiring a screen of another module is one
// entry: `{ title, ownKeys: true, render: (p) => <XScreen office={p.office}
// operator={p.operator} onBack={p.onBack} /> }` (see docs/decisions.md,
// "App shell"). `p.params` carries what the opening line knew (caseNo, date…).
import React from 'react';
import type { ScreenEntry } from './shell.js';
import { DashboardScreen, DASHBOARD_HELP } from './screens/dashboard.js';
import { SearchScreen } from './screens/search.js';
import { ArchiveScreen } from './screens/archive.js';
import { RecipientsScreen, GradualExitScreen } from './screens/recipients.js';
import { ReviewScreen } from './screens/review.js';
import { CancellationsScreen, CancelScreen, ReconcileScreen } from './screens/cancellations.js';
import { OperatorScreen } from './screens/operator.js';
import { PlaceholderScreen } from './screens/placeholder.js';
import { AttendanceScreen } from './screens/attendance.js';
import { ReportScreen } from './screens/report.js';

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

  // ---- screens of other modules: replace each placeholder with the real screen.
  intake: { title: '受理申请', render: () => <PlaceholderScreen what="受理申请" twin="jiuzhu case add --from 申请.json" /> },
  case: {
    title: '申请办理',
    render: (p) => <PlaceholderScreen what="申请办理" twin={`jiuzhu case show ${p.params.caseNo ?? '申请编号'}；jiuzhu case advance`} householdKey={p.params.caseNo} />,
  },
  attendance: {
    title: '公益劳动',
    ownKeys: true,
    render: (p) => <AttendanceScreen office={p.office} operator={p.operator} onBack={p.onBack} {...(p.params.date ? { date: p.params.date } : {})} />,
  },
  report: { title: '报表', ownKeys: true, render: (p) => <ReportScreen office={p.office} operator={p.operator} onBack={p.onBack} /> },
};

export const GLOBAL_HELP = [
  '全局按键：/ 查找一户   ? 本帮助   Esc 返回上一页   q 退出   Ctrl-C 保存草稿后退出',
  '从工作台：r 在保对象  c 撤消登记  n 花名册核对  i 受理  a 公益劳动  p 报表',
  '按任意键关闭帮助。',
];
