// Messages of the print area. Keys are names, values the Chinese text with
// {placeholders}; en/print.ts has the same keys.
export default {
  formReceipt: '受理回执',
  formApplication: '申请审批表',
  formRefusal: '不予批准通知书',
  formNotice: '公示名单',
} as const;
