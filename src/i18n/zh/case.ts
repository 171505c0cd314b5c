// Messages of the case area. Keys are names, values the Chinese text with
// {placeholders}; en/case.ts has the same keys.
export default {
  notFound: '没有申请编号为 {caseNo} 的申请：请用 jiuzhu case list 查看编号',
} as const;
