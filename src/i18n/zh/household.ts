// Messages of the household area. Keys are names, values the Chinese text with
// {placeholders}; en/household.ts has the same keys.
export default {
  'search.member': '成员 {name}',
  'search.formerMember': '原成员 {name}',
  'search.idNumber': '{who} 身份证号',
  'search.case': '申请 {caseNo}',
  'search.address': '住址',
} as const;
