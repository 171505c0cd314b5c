// The intake form as the clerk fills it in the app: every field as typed
// (text, so a half-typed amount or ID number survives in a draft), and its
// translation into the intake document of cli.md, which `case add --from`
// takes too — so the app and the command line save the same case.
import type { Area, Circumstance, DisabilityGrade, LabourAbility, Program, Relation } from '../office/model.js';

export interface IncomeForm {
  kind: string;
  amount: string;
}

export interface MemberForm {
  name: string;
  idNumber: string;
  relation: Relation;
  labourAbility: LabourAbility;
  disability: DisabilityGrade | null;
  incomes: IncomeForm[];
}

export interface IntakeForm {
  program: Program;
  area: Area;
  applicationDate: string;
  address: string;
  phone: string;
  housingArea: string;
  circumstances: Circumstance[];
  materials: string[];
  interview: string;
  /** the applicant confirmed the interview record (drafts saved before it was asked lack it) */
  interviewConfirmed?: boolean;
  members: MemberForm[];
}

/** The kind an income gets unless the clerk names another (the same as `monthlyIncome` of an intake file). */
export const DEFAULT_INCOME_KIND = '月收入';

export function emptyMember(relation: Relation = '户主'): MemberForm {
  return { name: '', idNumber: '', relation, labourAbility: '有', disability: null, incomes: [{ kind: DEFAULT_INCOME_KIND, amount: '' }] };
}

export function emptyForm(today: string, area: Area): IntakeForm {
  return { program: '低保', area, applicationDate: today, address: '', phone: '', housingArea: '', circumstances: [], materials: [], interview: '', members: [emptyMember()] };
}

/**
 * The intake document for checkIntake/addCase. Blank and zero incomes are
 * left out (an intake file's `monthlyIncome: 0` stores none either); text
 * that is not a number is passed on as typed so the check names it.
 */
export function formToDocument(f: IntakeForm): Record<string, unknown> {
  const area = f.housingArea.trim();
  const n = Number(area);
  return {
    program: f.program,
    area: f.area,
    applicationDate: f.applicationDate.trim(),
    address: f.address,
    phone: f.phone.trim(),
    ...(area === '' ? {} : { housingArea: Number.isFinite(n) ? n : area }),
    circumstances: [...f.circumstances],
    materials: [...f.materials],
    interview: f.interview,
    interviewConfirmed: !!f.interviewConfirmed,
    members: f.members.map((m) => {
      const incomes = m.incomes
        .filter((i) => i.amount.trim() !== '' && !/^0+(\.0*)?$/.test(i.amount.trim()))
        .map((i) => ({ kind: i.kind.trim() || DEFAULT_INCOME_KIND, amount: i.amount.trim() }));
      // the form shows every member's income rows; none left with an amount is a stated 0
      return {
        name: m.name,
        idNumber: m.idNumber,
        relation: m.relation,
        labourAbility: m.labourAbility,
        disability: m.disability,
        ...(incomes.length ? { incomes } : { monthlyIncome: 0 }),
      };
    }),
  };
}
