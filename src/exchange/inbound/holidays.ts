// The inbound kind 'holidays': the holiday calendar (节假日安排).
import { parseDateCell } from '../cells.js';
import { enumOf, allRead, type InboundKindDef } from './reader.js';
import { wordsOf } from './words.js';

export interface HolidayRecord {
  kind: 'holidays';
  date: string;
  /** 休息: a day off; 上班: a weekend day that is worked. */
  type: '休息' | '上班';
  name: string;
}

const HOLIDAY_WORDS = wordsOf(['休息', '上班'] as const);

export const holidays: InboundKindDef<HolidayRecord> = {
  title: '节假日安排',
  required: ['日期', '类型'],
  optional: ['名称'],
  receipt: {},
  parse: (r) => {
    const v = allRead({
      date: r.required('日期', parseDateCell),
      type: r.required('类型', enumOf(HOLIDAY_WORDS)),
    });
    if (!v) return null;
    return { ...v, date: v.date.date, name: r.text('名称') };
  },
};
