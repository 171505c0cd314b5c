// The inbound kind 'township-review': 区县/街道 township review results (街道审核结果).
import { parseIdCell, parseDateCell } from '../cells.js';
import { parseCaseNoCell, enumOf, allRead, dated, type InboundKindDef } from './reader.js';
import { wordsOf } from './words.js';

export interface TownshipReviewRecord {
  kind: 'township-review';
  caseNo: string;
  idNumber: string;
  result: '同意' | '退回' | '不同意';
  date: string;
  time: string | null;
  /** 审核意见; free text is kept as written, `''` when the cell is empty or absent. */
  note: string;
  by: string;
  name: string;
  /** 发送单位代码 (6 or 9 digits, an ancestor of the office), null when not given. */
  sender: string | null;
}

const REVIEW_WORDS = wordsOf(['同意', '退回', '不同意'] as const);

export const townshipReview: InboundKindDef<TownshipReviewRecord> = {
  title: '街道审核结果',
  required: ['申请编号', '身份证号', '审核结果', '审核日期'],
  optional: ['姓名', '审核意见', '审核人', '发送单位代码'],
  receipt: { caseNo: '申请编号', idNumber: '身份证号' },
  parse: (r) => {
    const v = allRead({
      caseNo: r.required('申请编号', parseCaseNoCell),
      idNumber: r.required('身份证号', parseIdCell),
      result: r.required('审核结果', enumOf(REVIEW_WORDS)),
      date: r.required('审核日期', parseDateCell),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), note: r.text('审核意见'), by: r.text('审核人'), name: r.text('姓名') };
  },
};
