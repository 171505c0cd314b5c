// The words of a receipt row and the file a merge reads.
export type ReceiptResult = '已应用' | '未变化' | '已过时' | '拒绝' | '待处理' | '提示';

export interface ReceiptRow {
  row: number;
  result: ReceiptResult;
  reason: string;
  caseNo: string;
  idNumber: string;
}

export interface FileRef {
  sha256: string;
  name: string;
}
