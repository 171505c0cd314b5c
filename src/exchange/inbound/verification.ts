// The inbound kind 'verification': economic-status verification results (经济状况核对结果).
import { parseIdCell, parseDateCell, parseAmountCell } from '../cells.js';
import { parseCaseNoCell, enumOf, allRead, dated, type InboundKindDef } from './reader.js';

export interface VerificationRecord {
  kind: 'verification';
  caseNo: string;
  idNumber: string;
  item: string;
  /** 有 → true, 无 → false. */
  found: boolean;
  date: string;
  time: string | null;
  amountFen: number | null;
  note: string;
}

const FOUND_WORDS: Record<string, boolean> = { 有: true, 无: false };

export const verification: InboundKindDef<VerificationRecord> = {
  title: '经济状况核对结果',
  required: ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期'],
  optional: ['金额(元)', '说明'],
  receipt: { caseNo: '申请编号', idNumber: '身份证号' },
  parse: (r) => {
    const v = allRead({
      caseNo: r.required('申请编号', parseCaseNoCell),
      idNumber: r.required('身份证号', parseIdCell),
      item: r.requiredText('核对项目'),
      found: r.required('核对结果', enumOf(FOUND_WORDS)),
      date: r.required('核对日期', parseDateCell),
      amountFen: r.optional('金额(元)', parseAmountCell),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), note: r.text('说明') };
  },
};
