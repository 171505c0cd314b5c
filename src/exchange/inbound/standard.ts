// The inbound kind 'standard': standards (保障标准), one per area, programme and date.
import type { Area, Program } from '../../office/model.js';
import { parseDateCell, parseAmountCell } from '../cells.js';
import { enumOf, allRead, type InboundKindDef } from './reader.js';
import { PROGRAM_WORDS, AREA_WORDS } from './words.js';

export interface StandardRecord {
  kind: 'standard';
  area: Area;
  program: Program;
  monthlyFen: number;
  /** 执行日期, `YYYY-MM-DD`. */
  from: string;
  /** 文号, `''` when not given. */
  ref: string;
  sender: string | null;
}

export const standard: InboundKindDef<StandardRecord> = {
  title: '保障标准',
  required: ['地区类型', '救助类别', '月标准(元)', '执行日期'],
  optional: ['文号', '发送单位代码'],
  receipt: {},
  parse: (r) => {
    const v = allRead({
      area: r.required('地区类型', enumOf(AREA_WORDS)),
      program: r.required('救助类别', enumOf(PROGRAM_WORDS)),
      monthlyFen: r.required('月标准(元)', parseAmountCell),
      from: r.required('执行日期', parseDateCell),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, from: v.from.date, ref: r.text('文号') };
  },
};
