// The reasons a receipt gives for a row (Chinese: receipts go to the upper levels).
export const mergeReasons = {
  noCase: (caseNo: string) => `本社区没有申请编号为 ${caseNo} 的申请，请核对申请编号`,
  otherOffice: (caseNo: string) => `申请编号 ${caseNo} 不属于本社区，请确认文件是否发错了社区`,
  notHouseholder: (caseNo: string) =>
    `身份证号不是申请 ${caseNo} 的户主：请核对这一行是否错位（例如只对一列排序后错行），核对无误后重新导出`,
  withdrawn: (caseNo: string) => `申请 ${caseNo} 已撤回，该结果已保存，请工作人员处理`,
  stale: '比已收到的同类结果更早（或同日排序在后），已记入历史，不改变当前结果',
  beforeResubmit: '早于本社区重新上报的日期，已记入历史，不改变当前状态',
  noEnrolment: '本社区暂无此保障对象',
  rosterDiffers: (what: string) => `与本社区当前保障记录不一致：${what}；以区县的审批和变更决定为准，请工作人员核对`,
  rosterInconsistent: '同一户的各行救助类别、月保障金额、分类或起始年月不一致，请核对花名册',
  strict: '严格模式：文件中有被拒绝的行，整个文件未应用',
  unknownColumns: (cols: readonly string[]) => `已忽略不认识的列：${cols.join('、')}`,
} as const;
