// Messages of the demo area. Keys are names, values the Chinese text with
// {placeholders}; en/demo.ts has the same keys. `journal.` and `operator` are
// records: always read with tIn('zh', …). The demo's names, addresses and
// texts are data (src/demo/tables.ts).
export default {
  notEmpty: '{dir} 里已经有办公室的数据，演示数据只能生成在空文件夹里：请换一个文件夹（--data）',
  badOfficeCode: '办公室代码应为12位数字：{code}',
  badToday: 'today 应为 YYYY-MM-DD 格式的有效日期：{today}',
  badHouseholds: '户数应为正整数：{households}',
  tooManyCases: '{year} 年的申请超过 9999 件，申请编号只有四位：请减少户数',
  operator: '系统',
  'journal.generate': '生成演示办公室数据',
} as const;
