// Words for values that are codes in the data: case statuses, history events,
// enrolment statuses, attendance marks. One table each (the app, the command
// line, the archive and the reports all say the same word).
export const status = {
  draft: '待受理',
  accepted: '已受理',
  investigated: '已调查',
  reviewed: '已评议',
  noticing: '公示中',
  submitted: '已上报',
  returned: '被退回',
  'township-approved': '街道已同意',
  approved: '已批准',
  rejected: '不予批准',
  withdrawn: '已撤回',
} as const;

/** Events of a case's history and of an enrolment's history. */
export const event = {
  created: '登记申请',
  accepted: '受理',
  investigated: '入户调查',
  reviewed: '民主评议',
  notice: '公示',
  objection: '登记异议',
  resolved: '异议复核',
  submitted: '上报街道',
  withdrawn: '撤回',
  corrected: '更正',
  exported: '重新导出',
  refusalDelivered: '通知书送达',
  returned: '街道退回',
  'township-approved': '街道同意',
  'township-rejected': '街道不同意',
  approved: '区县批准',
  rejected: '区县不予批准',
  roster: '花名册',
  adjusted: '调整金额',
  suspended: '停发',
  resumed: '恢复发放',
  terminated: '退出保障',
} as const;

export const enrolmentStatus = { active: '在保', suspended: '停发', terminated: '已退出' } as const;

export const mark = { present: '到', late: '迟到', excused: '请假', absent: '缺勤' } as const;

/** Kinds of pending item (待处理事项), as the clerk reads them. */
export const pendingKind = {
  'decision-on-withdrawn': '撤回后收到审批',
  'change-without-enrolment': '无在保记录的待遇变更',
  'roster-differs': '花名册不一致',
  'roster-unlisted': '花名册未列入',
  'attendance-recommendation': '公益劳动处理建议',
  'review-recommendation': '复核建议',
  'coverage-unchosen': '单人保待选成员',
} as const;
