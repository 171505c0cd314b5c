// Intake (受理): the household, its members and the application, checked as a
// whole; every problem is listed with its field, and nothing is saved on refusal.
import { z } from 'zod';
import {
  AREAS,
  CIRCUMSTANCES,
  DISABILITY_GRADES,
  LABOUR_ABILITIES,
  PROGRAMS,
  RELATIONS,
  newCase,
  type Case,
  type Household,
  type Member,
  type Program,
  type Source,
} from '../office/model.js';
import { normalizeIdNumber, type IdProblem } from '../rules/idNumber.js';
import { yuanToFen, isYuan } from '../rules/money.js';
import { checklist } from '../rules/materials.js';
import { formatCaseNo } from '../rules/officeCode.js';
import { initialsOf } from '../household/initials.js';
import type { Tx, View } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { settingsOf } from '../office/context.js';
import { CLOSED_STATUSES } from './statuses.js';

export const ID_PROBLEM_WORDS: Record<IdProblem, string> = {
  empty: '没有填写',
  scientific: '被表格软件改成了科学计数法，请把该列设为文本后重新填写',
  length: '位数不对，应为 18 位（或 15 位老号码）',
  characters: '只能是数字，最后一位可以是 X',
  birthDate: '其中的出生日期不存在',
  checkDigit: '校验位不对，请核对身份证原件',
};

const yuan = z.union([z.number(), z.string()]).refine(isYuan, { message: '应为不小于 0、最多两位小数的金额（元）' });
const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  message: '应为 YYYY-MM-DD 格式的日期，例如 2026-11-02',
});

const memberSchema = z.looseObject({
  name: z.string({ error: '没有填写' }).trim().min(1, { message: '没有填写' }),
  idNumber: z.string({ error: '没有填写' }),
  relation: z.enum(RELATIONS, { error: `应为 ${RELATIONS.join('、')} 之一` }),
  labourAbility: z.enum(LABOUR_ABILITIES, { error: `应为 ${LABOUR_ABILITIES.join('、')} 之一` }),
  disability: z.enum(DISABILITY_GRADES, { error: `应为 null 或 ${DISABILITY_GRADES.join('、')} 之一` }).nullable().optional(),
  monthlyIncome: yuan.optional(),
  incomes: z
    .array(z.looseObject({ kind: z.string().trim().min(1, { message: '收入类别没有填写' }), amount: yuan, note: z.string().optional() }))
    .optional(),
});

export const intakeSchema = z.looseObject({
  program: z.enum(PROGRAMS, { error: `应为 ${PROGRAMS.join('、')} 之一` }),
  area: z.enum(AREAS, { error: '应为 城市 或 农村' }),
  applicationDate: isoDate,
  address: z.string({ error: '没有填写' }).trim().min(1, { message: '没有填写' }),
  phone: z.string().optional().default(''),
  housingArea: z.number({ error: '应为数字（平方米）' }).nonnegative({ message: '不能小于 0' }).nullable().optional(),
  circumstances: z.array(z.enum(CIRCUMSTANCES, { error: `应为 ${CIRCUMSTANCES.join('、')} 之一` })).optional().default([]),
  materials: z.array(z.string()).optional().default([]),
  interview: z.string().optional().default(''),
  members: z.array(memberSchema, { error: '应为成员列表' }).min(1, { message: '至少要有一位成员（户主）' }),
});

export type IntakeInput = z.infer<typeof intakeSchema>;

export interface Problem {
  field: string;
  label: string;
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  program: '救助类别',
  area: '地区类型',
  applicationDate: '申请日期',
  address: '住址',
  phone: '联系电话',
  housingArea: '住房面积',
  circumstances: '特殊情况',
  materials: '材料',
  interview: '谈话记录',
  members: '家庭成员',
  name: '姓名',
  idNumber: '身份证号',
  relation: '与户主关系',
  labourAbility: '劳动能力',
  disability: '残疾等级',
  monthlyIncome: '月收入',
  incomes: '收入',
  kind: '收入类别',
  amount: '金额',
};

function labelOf(path: readonly PropertyKey[]): { field: string; label: string } {
  const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === 'number') {
      parts.push(path[i - 1] === 'members' ? `第 ${p + 1} 位成员` : `第 ${p + 1} 项`);
    } else if (p !== 'members' || typeof path[i + 1] !== 'number') {
      parts.push(FIELD_LABELS[String(p)] ?? String(p));
    }
  }
  return { field, label: parts.join('的') };
}

export class IntakeError extends UserFacingError {
  constructor(readonly problems: Problem[]) {
    super(`申请材料有 ${problems.length} 处问题：\n${problems.map((p) => `  ${p.label}（${p.field}）：${p.message}`).join('\n')}`);
  }
}

export interface CheckedIntake {
  input: IntakeInput;
  members: { name: string; idNumber: string; relation: Member['relation']; labourAbility: Member['labourAbility']; disability: Member['disability']; incomes: Member['incomes'] }[];
}

/** Validates an intake document and lists every problem; no store access. */
export function checkIntake(raw: unknown): { ok: true; value: CheckedIntake } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = intakeSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { field, label } = labelOf(issue.path);
      problems.push({ field: field || '(整个文件)', label: label || '申请文件', message: issue.message });
    }
  }
  // Go on to the member checks even when other fields failed, so the clerk
  // sees every problem at once.
  const rawMembers = (raw as { members?: unknown })?.members;
  const members: CheckedIntake['members'] = [];
  if (Array.isArray(rawMembers)) {
    const seen = new Map<string, number>();
    let householders = 0;
    rawMembers.forEach((m: Record<string, unknown>, i) => {
      if (!m || typeof m !== 'object') return;
      if (m.relation === '户主') householders++;
      if (typeof m.idNumber === 'string') {
        const r = normalizeIdNumber(m.idNumber);
        if (!r.ok) {
          const { field, label } = labelOf(['members', i, 'idNumber']);
          problems.push({ field, label, message: ID_PROBLEM_WORDS[r.problem] });
        } else if (seen.has(r.id)) {
          const { field, label } = labelOf(['members', i, 'idNumber']);
          problems.push({ field, label, message: `与第 ${seen.get(r.id)! + 1} 位成员的身份证号重复` });
        } else {
          seen.set(r.id, i);
          const sm = memberSchema.safeParse(m);
          if (sm.success) {
            const incomes = (sm.data.incomes ?? []).map((x) => ({ kind: x.kind, amountFen: yuanToFen(x.amount), ...(x.note ? { note: x.note } : {}) }));
            if (sm.data.monthlyIncome !== undefined && yuanToFen(sm.data.monthlyIncome) > 0) {
              incomes.unshift({ kind: '月收入', amountFen: yuanToFen(sm.data.monthlyIncome) });
            }
            members.push({
              name: sm.data.name,
              idNumber: r.id,
              relation: sm.data.relation,
              labourAbility: sm.data.labourAbility,
              disability: sm.data.disability ?? null,
              incomes,
            });
          }
        }
      }
    });
    if (rawMembers.length > 0 && householders !== 1) {
      problems.push({
        field: 'members',
        label: '家庭成员',
        message: householders === 0 ? '没有户主：应有且只有一位成员的关系是「户主」' : `有 ${householders} 位户主：应有且只有一位`,
      });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: { input: parsed.data, members } };
}

export interface AddedCase {
  caseNo: string;
  status: Case['status'];
  missing: string[];
  warnings: string[];
}

/**
 * Saves a checked intake as a new case inside `tx`: the household and its
 * members (community-owned, so updated if the household is known), the
 * case, and its number. Refuses duplicate assistance and ID numbers that
 * belong to another household.
 */
export function addCase(tx: Tx, intake: CheckedIntake, source: Source = 'local'): AddedCase {
  const settings = settingsOf(tx);
  const { input, members } = intake;
  const { hid, problems } = intakeConflicts(tx, intake);
  if (problems.length) throw new IntakeError(problems);

  const year = Number(input.applicationDate.slice(0, 4));
  const counterId = `caseSeq-${year}`;
  const seq = (tx.get('counters', counterId)?.value ?? 0) + 1;
  tx.put('counters', counterId, { id: counterId, value: seq });
  const caseNo = formatCaseNo(settings.office.code, year, seq);

  writeHousehold(tx, hid, intake, source);

  const list = checklist(input.program, input.circumstances, input.materials);
  const by = tx.meta.operator;
  const c = newCase({
    caseNo,
    householdId: hid,
    program: input.program,
    area: input.area,
    status: list.complete ? 'accepted' : 'draft',
    applicationDate: input.applicationDate,
    acceptedOn: list.complete ? input.applicationDate : null,
    circumstances: input.circumstances,
    materials: input.materials,
    interview: input.interview,
    history: [
      { at: tx.now.iso, event: 'created', by, source, date: input.applicationDate },
      ...(list.complete ? [{ at: tx.now.iso, event: 'accepted', by, source, date: input.applicationDate }] : []),
    ],
  });
  tx.put('cases', caseNo, c);
  const warnings: string[] = [];
  if (!list.complete) warnings.push(`材料不全，尚未受理：缺 ${list.missing.join('、')}`);
  return { caseNo, status: c.status, missing: list.missing, warnings };
}

/** Writes the household and its members from a checked intake (community-owned fields). */
export function writeHousehold(tx: Tx, hid: string, intake: CheckedIntake, source: Source = 'local', markLeft = false): void {
  const { input, members } = intake;
  const householder = members.find((m) => m.relation === '户主')!;
  const prevHh = tx.get('households', hid);
  const household: Household = {
    id: hid,
    householderId: householder.idNumber,
    area: input.area,
    address: input.address,
    phone: input.phone,
    housingArea: input.housingArea ?? null,
    createdAt: prevHh?.createdAt ?? tx.now.iso,
    source: prevHh?.source ?? source,
    notes: prevHh ? [...prevHh.notes] : [],
  };
  tx.put('households', hid, household);
  for (const m of members) {
    tx.put('members', m.idNumber, {
      idNumber: m.idNumber,
      householdId: hid,
      name: m.name,
      relation: m.relation,
      labourAbility: m.labourAbility,
      disability: m.disability,
      incomes: m.incomes,
      initials: initialsOf(m.name),
    });
  }

  if (!markLeft) return;
  // A member left out of a corrected intake has left the household: kept, never deleted.
  const now = new Set(members.map((m) => m.idNumber));
  for (const m of tx.all('members')) {
    if (m.householdId === hid && !m.leftOn && !now.has(m.idNumber)) tx.update('members', m.idNumber, (d) => void (d.leftOn = tx.now.date));
  }
}

/** Members registered in another household: one person cannot be in two. */
/** `renames`: a correction may fix a misspelt name of this household's own members. */
export function memberConflicts(tx: View, hid: string, members: CheckedIntake['members'], renames = false): Problem[] {
  const problems: Problem[] = [];
  members.forEach((m, i) => {
    const other = tx.get('members', m.idNumber);
    // the same number under another name is a mistyped number (or name), not a new person
    if (other && other.name !== m.name.trim() && !(renames && other.householdId === hid)) {
      problems.push({
        ...labelOf(['members', i, 'idNumber']),
        message: `已登记为「${other.name}」，与填写的姓名「${m.name.trim()}」不符：请核对身份证原件`,
      });
    }
    if (other && !other.leftOn && other.householdId !== hid) {
      const otherHh = tx.get('households', other.householdId);
      const head = otherHh ? tx.get('members', otherHh.householderId) : undefined;
      problems.push({
        ...labelOf(['members', i, 'idNumber']),
        message: `已登记在另一户（户主 ${head?.name ?? '未知'}）：同一人不能同时在两户，请先核实户籍`,
      });
    }
  });
  return problems;
}

/**
 * The household an intake belongs to, and what would make it duplicate
 * assistance: an open case or a live enrolment of the same program, or a
 * member registered in another household. The app shows these before saving.
 */
export function intakeConflicts(view: View, intake: Pick<CheckedIntake, 'members'> & { input: { program: Program } }): { hid: string; problems: Problem[] } {
  const { input, members } = intake;
  const householder = members.find((m) => m.relation === '户主')!;
  const householdId = `h${householder.idNumber}`;
  const existingMember = view.get('members', householder.idNumber);
  const hid = existingMember && !existingMember.leftOn ? existingMember.householdId : householdId;

  const problems: Problem[] = memberConflicts(view, hid, members);
  for (const c of view.all('cases')) {
    if (c.householdId === hid && c.program === input.program && !CLOSED_STATUSES.has(c.status)) {
      problems.push({ field: 'program', label: '救助类别', message: `这户已有一件在办的${input.program}申请 ${c.caseNo}：避免重复救助，请在原申请上继续办理` });
    }
  }
  const enrolment = view.get('enrolments', `${hid}:${input.program}`);
  if (enrolment && enrolment.status !== 'terminated') {
    problems.push({ field: 'program', label: '救助类别', message: `这户正在享受${input.program}（${enrolment.status === 'active' ? '在保' : '停发中'}）：避免重复救助，不能再次申请` });
  }
  return { hid, problems };
}
