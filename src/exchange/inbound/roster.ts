// The inbound kind 'roster': the county roster (花名册), one row per member.
import type { Area, Category, Program, Relation } from '../../office/model.js';
import { parseIdCell, parseAmountCell, parseMonthCell } from '../cells.js';
import { enumOf, allRead, type InboundKindDef } from './reader.js';
import { rowReasons } from './reasons.js';
import { PROGRAM_WORDS, AREA_WORDS, RELATION_WORDS, CATEGORY_WORDS } from './words.js';

export interface RosterRecord {
  kind: 'roster';
  householderId: string;
  memberId: string;
  memberName: string;
  relation: Relation;
  program: Program;
  /** The household's amount, repeated on each member's row. */
  monthlyAmountFen: number;
  startMonth: string;
  householderName: string;
  category: Category | null;
  area: Area | null;
  address: string;
  phone: string;
}

export const roster: InboundKindDef<RosterRecord> = {
  title: '花名册',
  required: ['户主身份证号', '成员身份证号', '成员姓名', '与户主关系', '救助类别', '月保障金额(元)', '起始年月'],
  optional: ['户主姓名', '分类', '地区类型', '住址', '联系电话'],
  // One row per member: the member's number is what tells the rows apart.
  receipt: { idNumber: '成员身份证号' },
  parse: (r) => {
    const householderId = r.required('户主身份证号', parseIdCell);
    const memberId = r.required('成员身份证号', parseIdCell);
    const relation = r.required('与户主关系', enumOf(RELATION_WORDS));
    // Within the row only: a column sorted on its own shows up as a member
    // who is their own householder's spouse, or a 户主 with someone else's number.
    if (householderId !== undefined && memberId !== undefined && relation !== undefined) {
      if (relation === '户主' && memberId !== householderId) r.fail('与户主关系', rowReasons.householderRelation);
      if (relation !== '户主' && memberId === householderId) r.fail('与户主关系', rowReasons.householderSelf(relation));
    }
    const v = allRead({
      householderId,
      memberId,
      memberName: r.requiredText('成员姓名'),
      relation,
      program: r.required('救助类别', enumOf(PROGRAM_WORDS)),
      monthlyAmountFen: r.required('月保障金额(元)', parseAmountCell),
      startMonth: r.required('起始年月', parseMonthCell),
      category: r.optional('分类', enumOf(CATEGORY_WORDS)),
      area: r.optional('地区类型', enumOf(AREA_WORDS)),
    });
    if (!v || r.reasons.length > 0) return null;
    return { ...v, householderName: r.text('户主姓名'), address: r.text('住址'), phone: r.text('联系电话') };
  },
};
