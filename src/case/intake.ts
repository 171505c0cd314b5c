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
import { t } from '../i18n/index.js';

/** What is wrong with an ID number, in the clerk's words. */
export function idProblemWord(problem: IdProblem): string {
  const words: Record<IdProblem, string> = {
    empty: t('case.idEmpty'),
    scientific: t('case.idScientific'),
    length: t('case.idLength'),
    characters: t('case.idCharacters'),
    birthDate: t('case.idBirthDate'),
    checkDigit: t('case.idCheckDigit'),
  };
  return words[problem];
}

/** A zod message looked up when the check runs (the language is set after this module loads). */
const say = (fn: () => string) => ({ error: fn });
const oneOf = (values: readonly string[]) => say(() => t('case.intakeOneOf', { values: values.join(t('case.nameSep')) }));

/**
 * The intake document's schemas, built at the first check rather than when
 * the module loads: the app's start then evaluates no zod (the build requires
 * it at its first use, docs/architecture.md "Start-up").
 */
function buildSchemas() {
  const yuan = z.union([z.number(), z.string()]).refine(isYuan, say(() => t('case.intakeBadYuan')));
  const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: () => t('case.intakeBadDate'),
  });

  const memberSchema = z.looseObject({
    name: z.string(say(() => t('case.intakeEmpty'))).trim().min(1, say(() => t('case.intakeEmpty'))),
    idNumber: z.string(say(() => t('case.intakeEmpty'))),
    relation: z.enum(RELATIONS, oneOf(RELATIONS)),
    labourAbility: z.enum(LABOUR_ABILITIES, oneOf(LABOUR_ABILITIES)),
    disability: z.enum(DISABILITY_GRADES, say(() => t('case.intakeNullOrOneOf', { values: DISABILITY_GRADES.join(t('case.nameSep')) }))).nullable().optional(),
    monthlyIncome: yuan.optional(),
    incomes: z
      .array(z.looseObject({ kind: z.string().trim().min(1, say(() => t('case.intakeNoIncomeKind'))), amount: yuan, note: z.string().optional() }))
      .optional(),
  });

  const intakeSchema = z.looseObject({
    program: z.enum(PROGRAMS, oneOf(PROGRAMS)),
    area: z.enum(AREAS, oneOf(AREAS)),
    applicationDate: isoDate,
    address: z.string(say(() => t('case.intakeEmpty'))).trim().min(1, say(() => t('case.intakeEmpty'))),
    phone: z.string().optional().default(''),
    housingArea: z.number(say(() => t('case.intakeBadArea'))).nonnegative(say(() => t('case.intakeNegative'))).nullable().optional(),
    circumstances: z.array(z.enum(CIRCUMSTANCES, oneOf(CIRCUMSTANCES))).optional().default([]),
    materials: z.array(z.string()).optional().default([]),
    interview: z.string().optional().default(''),
    interviewConfirmed: z.boolean(say(() => t('case.intakeBadConfirmed'))).optional().default(false),
    members: z.array(memberSchema, say(() => t('case.intakeMembersList'))).min(1, say(() => t('case.intakeNoMember'))),
  });
  return { memberSchema, intakeSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const intakeSchemas = () => (schemas ??= buildSchemas());

export type IntakeInput = z.infer<ReturnType<typeof buildSchemas>['intakeSchema']>;

export interface Problem {
  field: string;
  label: string;
  message: string;
}

function fieldLabels(): Record<string, string> {
  return {
    program: t('case.fProgram'),
    area: t('case.fArea'),
    applicationDate: t('case.fApplicationDate'),
    address: t('case.fAddress'),
    phone: t('case.fPhone'),
    housingArea: t('case.fHousingArea'),
    circumstances: t('case.fCircumstances'),
    materials: t('case.fMaterials'),
    interview: t('case.fInterview'),
    members: t('case.fMembers'),
    name: t('case.fName'),
    idNumber: t('case.fIdNumber'),
    relation: t('case.fRelation'),
    labourAbility: t('case.fLabourAbility'),
    disability: t('case.fDisability'),
    monthlyIncome: t('case.fMonthlyIncome'),
    incomes: t('case.fIncomes'),
    kind: t('case.fKind'),
    amount: t('case.fAmount'),
  };
}

function labelOf(path: readonly PropertyKey[]): { field: string; label: string } {
  const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const labels = fieldLabels();
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === 'number') {
      parts.push(path[i - 1] === 'members' ? t('case.fNthMember', { n: p + 1 }) : t('case.fNthItem', { n: p + 1 }));
    } else if (p !== 'members' || typeof path[i + 1] !== 'number') {
      parts.push(labels[String(p)] ?? String(p));
    }
  }
  return { field, label: parts.join(t('case.fOf')) };
}

export class IntakeError extends UserFacingError {
  constructor(readonly problems: Problem[]) {
    super(`${t('case.intakeErrorHead', { count: problems.length })}\n${problems.map((p) => `  ${t('case.intakeErrorLine', { label: p.label, field: p.field, message: p.message })}`).join('\n')}`);
  }
}

export interface CheckedIntake {
  input: IntakeInput;
  members: { name: string; idNumber: string; relation: Member['relation']; labourAbility: Member['labourAbility']; disability: Member['disability']; incomes: Member['incomes'] }[];
}

/** Validates an intake document and lists every problem; no store access. With `today`, a later application date is one. */
export function checkIntake(raw: unknown, today?: string): { ok: true; value: CheckedIntake } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const { intakeSchema, memberSchema } = intakeSchemas();
  const parsed = intakeSchema.safeParse(raw);
  if (parsed.success && today) problems.push(...intakeDateProblems(parsed.data.applicationDate, today));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { field, label } = labelOf(issue.path);
      problems.push({ field: field || t('case.fWholeFile'), label: label || t('case.fFile'), message: issue.message });
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
      const who = typeof m.name === 'string' && m.name.trim() ? m.name.trim() : t('case.fNthMember', { n: i + 1 });
      const hasIncomes = Array.isArray(m.incomes) && m.incomes.length > 0;
      if (m.monthlyIncome === undefined && !hasIncomes) {
        problems.push({ ...labelOf(['members', i, 'monthlyIncome']), message: t('case.intakeIncomeMissing', { name: who }) });
      } else if (m.monthlyIncome !== undefined && hasIncomes) {
        problems.push({ ...labelOf(['members', i, 'monthlyIncome']), message: t('case.intakeIncomeTwice', { name: who }) });
      }
      if (typeof m.idNumber === 'string') {
        const r = normalizeIdNumber(m.idNumber);
        if (!r.ok) {
          const { field, label } = labelOf(['members', i, 'idNumber']);
          problems.push({ field, label, message: idProblemWord(r.problem) });
        } else if (seen.has(r.id)) {
          const { field, label } = labelOf(['members', i, 'idNumber']);
          problems.push({ field, label, message: t('case.intakeSameId', { n: seen.get(r.id)! + 1 }) });
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
        label: t('case.fMembers'),
        message: householders === 0 ? t('case.intakeNoHouseholder') : t('case.intakeManyHouseholders', { count: householders }),
      });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: { input: parsed.data, members } };
}

/** An application cannot be dated after today (a typo in the year or month would start the clock wrong). */
export function intakeDateProblems(applicationDate: string, today: string): Problem[] {
  return applicationDate > today ? [{ ...labelOf(['applicationDate']), message: t('case.intakeFutureDate', { date: applicationDate, today }) }] : [];
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
  problems.push(...intakeDateProblems(input.applicationDate, tx.now.date));
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
    interviewConfirmed: input.interviewConfirmed,
    history: [
      { at: tx.now.iso, event: 'created', by, source, date: input.applicationDate },
      ...(list.complete ? [{ at: tx.now.iso, event: 'accepted', by, source, date: input.applicationDate }] : []),
    ],
  });
  tx.put('cases', caseNo, c);
  const warnings: string[] = [];
  if (!list.complete) warnings.push(t('case.intakeWarnNotAccepted', { missing: list.missing.join(t('case.nameSep')) }));
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
        message: t('case.intakeOtherName', { registered: other.name, typed: m.name.trim() }),
      });
    }
    if (other && !other.leftOn && other.householdId !== hid) {
      const otherHh = tx.get('households', other.householdId);
      const head = otherHh ? tx.get('members', otherHh.householderId) : undefined;
      problems.push({
        ...labelOf(['members', i, 'idNumber']),
        message: t('case.intakeOtherHousehold', { head: head?.name ?? t('case.unknown') }),
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
      problems.push({ field: 'program', label: t('case.fProgram'), message: t('case.intakeOpenCase', { program: input.program, caseNo: c.caseNo }) });
    }
  }
  const enrolment = view.get('enrolments', `${hid}:${input.program}`);
  if (enrolment && enrolment.status !== 'terminated') {
    problems.push({ field: 'program', label: t('case.fProgram'), message: t('case.intakeEnrolled', { program: input.program, status: enrolment.status === 'active' ? t('case.enrolActive') : t('case.enrolSuspended') }) });
  }
  return { hid, problems };
}
