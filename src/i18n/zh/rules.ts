// Messages of the rules area (money, eligibility, working days, ID numbers).
// Keys are names, values the Chinese text with {placeholders}; en/rules.ts
// has the same keys.
export default {
  verdictEligible: '符合条件',
  verdictNearPoverty: '低保边缘家庭',
  verdictNotEligible: '不符合条件',
  verdictNoStandard: '没有适用的保障标准',
  problemNoLowIncome: '家庭没有在保的低保，廉租房补贴须先享受低保',
  problemHousingUnknown: '住房面积未登记（无房请填 0）',
  problemHousingTooLarge: '人均住房面积 {perHead} 平方米，不低于 {limit} 平方米',
  excludedIncome: '{kind}按规定不计入家庭收入',
  badAmount: '金额「{value}」应为不小于 0、最多两位小数的数字',
  yuan: '{amount} 元',
  calendarGap: '节假日日历没有 {year} 年的数据：请导入区县下发的节假日安排（holidays 文件）',
  badDate: '日期应为 YYYY-MM-DD 格式的有效日期：{date}',
  badWorkingDays: '工作日天数应为整数：{n}',
  badMonth: '月份应为 YYYY-MM 格式：{month}',
} as const;
