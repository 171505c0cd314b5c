// The inbound kind 'county-decision': county decisions (区县审批结果): 批准 needs programme, persons, amount and start month.
import type { Category, Program } from '../../office/model.js';
import { parseIdCell, parseDateCell, parseAmountCell, parseIntegerCell, parseMonthCell } from '../cells.js';
import { parseCaseNoCell, enumOf, allRead, dated, type InboundKindDef } from './reader.js';
import { rowReasons } from './reasons.js';
import { PROGRAM_WORDS, CATEGORY_WORDS } from './words.js';

export interface CountyDecisionRecord {
  kind: 'county-decision';
  caseNo: string;
  idNumber: string;
  result: '批准' | '不予批准';
  date: string;
  time: string | null;
  /** Never null for 批准 (the four are required then); for 不予批准 only when given. */
  program: Program | null;
  persons: number | null;
  monthlyAmountFen: number | null;
  startMonth: string | null;
  category: Category | null;
  reason: string;
  by: string;
  name: string;
  sender: string | null;
}

const DECISION_WORDS: Record<string, CountyDecisionRecord['result']> = {
  批准: '批准',
  同意: '批准',
  通过: '批准',
  不予批准: '不予批准',
  不批准: '不予批准',
};

export const countyDecision: InboundKindDef<CountyDecisionRecord> = {
  title: '区县审批结果',
  required: ['申请编号', '身份证号', '审批结果', '审批日期'],
  optional: ['救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '审批人', '姓名', '发送单位代码'],
  receipt: { caseNo: '申请编号', idNumber: '身份证号' },
  parse: (r) => {
    // Read in the spec's column order, so the reasons come in the order the clerk reads the row.
    const caseNo = r.required('申请编号', parseCaseNoCell);
    const idNumber = r.required('身份证号', parseIdCell);
    const result = r.required('审批结果', enumOf(DECISION_WORDS));
    const date = r.required('审批日期', parseDateCell);
    const when = { holds: result === '批准', column: '审批结果', word: '批准' };
    const program = r.requiredWhen(when, '救助类别', enumOf(PROGRAM_WORDS));
    const persons = r.requiredWhen(when, '保障人数', parseIntegerCell);
    if (result === '批准' && persons === 0) r.fail('保障人数', rowReasons.approvedPersons);
    const v = allRead({
      caseNo,
      idNumber,
      result,
      date,
      program,
      persons,
      monthlyAmountFen: r.requiredWhen(when, '月保障金额(元)', parseAmountCell),
      startMonth: r.requiredWhen(when, '起始年月', parseMonthCell),
      category: r.optional('分类', enumOf(CATEGORY_WORDS)),
      sender: r.sender(),
    });
    if (!v || r.reasons.length > 0) return null;
    return { ...v, ...dated(v.date), reason: r.text('原因'), by: r.text('审批人'), name: r.text('姓名') };
  },
};
