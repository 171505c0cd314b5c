// The intake screen's rows: the form flattened into one list the cursor walks
// (text fields, choices, ticks, actions), and what each key does to a row.
// Pure, so the screen's logic is tested without rendering it.
import { CIRCUMSTANCES, DISABILITY_GRADES, LABOUR_ABILITIES, PROGRAMS, RELATIONS, AREAS } from '../../../office/model.js';
import { emptyMember, DEFAULT_INCOME_KIND, type IntakeForm } from '../../../case/intakeForm.js';
import { alternatives, requiredMaterials, isMet } from '../../../rules/materials.js';
import { t } from '../../../i18n/index.js';

export type Row =
  | { kind: 'heading'; key: string; label: string }
  | { kind: 'text'; key: string; label: string; value: string; set: (f: IntakeForm, v: string) => void; member?: number; id?: boolean; income?: { member: number; index: number } }
  | { kind: 'choice'; key: string; label: string; value: string; options: readonly string[]; set: (f: IntakeForm, v: string) => void }
  | { kind: 'tick'; key: string; label: string; checked: boolean; toggle: (f: IntakeForm) => void }
  | { kind: 'action'; key: string; label: string; run: (f: IntakeForm) => void | 'save' };

export function rowsOf(f: IntakeForm): Row[] {
  const rows: Row[] = [];
  const none = t('case.none');
  rows.push({ kind: 'heading', key: 'h-app', label: t('case.rowApplication') });
  rows.push({ kind: 'choice', key: 'program', label: t('case.rowProgram'), value: f.program, options: PROGRAMS, set: (d, v) => void (d.program = v as IntakeForm['program']) });
  rows.push({ kind: 'choice', key: 'area', label: t('case.rowArea'), value: f.area, options: AREAS, set: (d, v) => void (d.area = v as IntakeForm['area']) });
  rows.push({ kind: 'text', key: 'applicationDate', label: t('case.rowApplicationDate'), value: f.applicationDate, set: (d, v) => void (d.applicationDate = v) });
  rows.push({ kind: 'text', key: 'address', label: t('case.rowAddress'), value: f.address, set: (d, v) => void (d.address = v) });
  rows.push({ kind: 'text', key: 'phone', label: t('case.rowPhone'), value: f.phone, set: (d, v) => void (d.phone = v) });
  rows.push({ kind: 'text', key: 'housingArea', label: t('case.rowHousingArea'), value: f.housingArea, set: (d, v) => void (d.housingArea = v) });
  rows.push({ kind: 'heading', key: 'h-circ', label: t('case.rowCircumstances') });
  for (const c of CIRCUMSTANCES) {
    rows.push({
      kind: 'tick',
      key: `circ-${c}`,
      label: c,
      checked: f.circumstances.includes(c),
      toggle: (d) => void (d.circumstances = d.circumstances.includes(c) ? d.circumstances.filter((x) => x !== c) : CIRCUMSTANCES.filter((x) => x === c || d.circumstances.includes(x))),
    });
  }
  f.members.forEach((m, i) => {
    rows.push({ kind: 'heading', key: `h-m${i}`, label: m.name ? t('case.rowMemberNamed', { n: i + 1, name: m.name }) : t('case.rowMember', { n: i + 1 }) });
    rows.push({ kind: 'text', key: `m${i}-name`, label: t('case.rowName'), value: m.name, member: i, set: (d, v) => void (d.members[i]!.name = v) });
    rows.push({ kind: 'text', key: `m${i}-id`, label: t('case.rowIdNumber'), value: m.idNumber, member: i, id: true, set: (d, v) => void (d.members[i]!.idNumber = v) });
    rows.push({ kind: 'choice', key: `m${i}-rel`, label: t('case.rowRelation'), value: m.relation, options: RELATIONS, set: (d, v) => void (d.members[i]!.relation = v as never) });
    rows.push({ kind: 'choice', key: `m${i}-lab`, label: t('case.rowLabour'), value: m.labourAbility, options: LABOUR_ABILITIES, set: (d, v) => void (d.members[i]!.labourAbility = v as never) });
    rows.push({
      kind: 'choice',
      key: `m${i}-dis`,
      label: t('case.rowDisability'),
      value: m.disability ?? none,
      options: [none, ...DISABILITY_GRADES],
      set: (d, v) => void (d.members[i]!.disability = v === none ? null : (v as never)),
    });
    m.incomes.forEach((inc, j) => {
      rows.push({ kind: 'text', key: `m${i}-inc${j}-kind`, label: t('case.rowIncomeKind', { n: j + 1 }), value: inc.kind, member: i, set: (d, v) => void (d.members[i]!.incomes[j]!.kind = v) });
      rows.push({ kind: 'text', key: `m${i}-inc${j}-amt`, label: t('case.rowIncomeAmount', { n: j + 1 }), value: inc.amount, member: i, income: { member: i, index: j }, set: (d, v) => void (d.members[i]!.incomes[j]!.amount = v) });
    });
    rows.push({ kind: 'action', key: `m${i}-addinc`, label: t('case.rowAddIncome'), run: (d) => void d.members[i]!.incomes.push({ kind: DEFAULT_INCOME_KIND, amount: '' }) });
    if (f.members.length > 1) rows.push({ kind: 'action', key: `m${i}-del`, label: t('case.rowDeleteMember'), run: (d) => void d.members.splice(i, 1) });
  });
  rows.push({ kind: 'action', key: 'addMember', label: t('case.rowAddMember'), run: (d) => void d.members.push(emptyMember(RELATIONS[1])) });
  rows.push({ kind: 'heading', key: 'h-int', label: t('case.rowInterview') });
  rows.push({ kind: 'text', key: 'interview', label: t('case.rowInterview'), value: f.interview, set: (d, v) => void (d.interview = v) });
  rows.push({ kind: 'tick', key: 'interviewConfirmed', label: t('case.rowInterviewConfirmed'), checked: !!f.interviewConfirmed, toggle: (d) => void (d.interviewConfirmed = !d.interviewConfirmed) });
  rows.push({ kind: 'heading', key: 'h-mat', label: t('case.rowMaterials') });
  for (const item of requiredMaterials(f.program, f.circumstances)) {
    const options = alternatives(item);
    rows.push({
      kind: 'tick',
      key: `mat-${item}`,
      label: item,
      checked: isMet(item, f.materials),
      // An item `A或B` ticks as its first alternative; unticking removes every alternative.
      toggle: (d) => void (d.materials = isMet(item, d.materials) ? d.materials.filter((x) => x !== item && !options.includes(x)) : [...d.materials, options[0]!]),
    });
  }
  rows.push({ kind: 'action', key: 'save', label: t('case.rowSave'), run: () => 'save' });
  return rows;
}

export function isFocusable(r: Row): boolean {
  return r.kind !== 'heading';
}

/** The next focusable row from `i` in direction `dir`, or `i` when there is none. */
export function move(rows: readonly Row[], i: number, dir: 1 | -1): number {
  for (let j = i + dir; j >= 0 && j < rows.length; j += dir) if (isFocusable(rows[j]!)) return j;
  return i;
}

export function cycle(options: readonly string[], value: string, dir: 1 | -1): string {
  const i = options.indexOf(value);
  return options[(i + dir + options.length) % options.length]!;
}
