// The inbound kind 'benefit-change': benefit changes (待遇变更通知): 调整 and 恢复 need an amount.
import type { Program } from '../../office/model.js';
import { parseIdCell, parseDateCell, parseAmountCell, parseMonthCell } from '../cells.js';
import { enumOf, allRead, dated, type InboundKindDef } from './reader.js';
import { PROGRAM_WORDS, wordsOf } from './words.js';

export interface BenefitChangeRecord {
  kind: 'benefit-change';
  /** The householder's ID number. */
  idNumber: string;
  change: '停发' | '调整' | '恢复' | '退出';
  effectiveMonth: string;
  date: string;
  time: string | null;
  /** Never null for 调整 and 恢复. */
  monthlyAmountFen: number | null;
  /** 低保 when the cell is empty or the column absent. */
  program: Program;
  reason: string;
  name: string;
  sender: string | null;
}

const CHANGE_WORDS = wordsOf(['停发', '调整', '恢复', '退出'] as const);

export const benefitChange: InboundKindDef<BenefitChangeRecord> = {
  title: '待遇变更通知',
  required: ['身份证号', '变更类型', '生效年月', '决定日期'],
  optional: ['月保障金额(元)', '救助类别', '原因', '姓名', '发送单位代码'],
  receipt: { idNumber: '身份证号' },
  parse: (r) => {
    const idNumber = r.required('身份证号', parseIdCell);
    const change = r.required('变更类型', enumOf(CHANGE_WORDS));
    const v = allRead({
      idNumber,
      change,
      effectiveMonth: r.required('生效年月', parseMonthCell),
      date: r.required('决定日期', parseDateCell),
      monthlyAmountFen: r.requiredWhen(
        { holds: change === '调整' || change === '恢复', column: '变更类型', word: change ?? '' },
        '月保障金额(元)',
        parseAmountCell,
      ),
      program: r.optional('救助类别', enumOf(PROGRAM_WORDS)),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), program: v.program ?? '低保', reason: r.text('原因'), name: r.text('姓名') };
  },
};
