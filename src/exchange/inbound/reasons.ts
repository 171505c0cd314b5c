// The reasons a row of any kind is rejected for (Chinese: they go into the
// receipt, read by the upper levels).
export const rowReasons = {
  sender: '发送单位不是本社区的上级单位',
  caseNo: (v: string) => `“${v}”不是有效的申请编号，应为430105003001-2026-0007这样的“12位单位代码-年份-4位序号”`,
  requiredWhen: (column: string, word: string) => `${column}为“${word}”时必须填写`,
  approvedPersons: '批准时保障人数至少为1',
  householderRelation: '写的是“户主”，但成员身份证号与户主身份证号不同，请核对这一行是否错位',
  householderSelf: (relation: string) => `成员身份证号就是户主身份证号，与户主关系应为“户主”而不是“${relation}”，请核对`,
} as const;
