// Messages of the office area. Keys are names, values the Chinese text with
// {placeholders}; en/office.ts has the same keys.
export default {
  notInitialised: '这个数据文件夹还没有初始化：请先运行 jiuzhu init --office 代码 --name 名称',
  badNow: '环境变量 JIUZHU_NOW 的值「{value}」不是日期或时间：请写成 2026-11-23 或 2026-11-23T09:30:00+08:00',
} as const;
