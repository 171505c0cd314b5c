// The intake screen's rows: the form flattened into one list the cursor walks
// (text fields, choices, ticks, actions), and what each key does to a row.
// Pure, so the screen's logic is tested without rendering it.
import { CIRCUMSTANCES, DISABILITY_GRADES, LABOUR_ABILITIES, PROGRAMS, RELATIONS, AREAS } from '../../office/model.js';
import { emptyMember, DEFAULT_INCOME_KIND, type IntakeForm } from '../../case/intakeForm.js';
import { requiredMaterials, isMet } from '../../rules/materials.js';

export type Row =
  | { kind: 'heading'; key: string; label: string }
  | { kind: 'text'; key: string; label: string; value: string; set: (f: IntakeForm, v: string) => void; member?: number; id?: boolean; income?: { member: number; index: number } }
  | { kind: 'choice'; key: string; label: string; value: string; options: readonly string[]; set: (f: IntakeForm, v: string) => void }
  | { kind: 'tick'; key: string; label: string; checked: boolean; toggle: (f: IntakeForm) => void }
  | { kind: 'action'; key: string; label: string; run: (f: IntakeForm) => void | 'save' };

const NONE = '无';

export function rowsOf(f: IntakeForm): Row[] {
  const rows: Row[] = [];
  rows.push({ kind: 'heading', key: 'h-app', label: '申请' });
  rows.push({ kind: 'choice', key: 'program', label: '救助类别', value: f.program, options: PROGRAMS, set: (d, v) => void (d.program = v as IntakeForm['program']) });
  rows.push({ kind: 'choice', key: 'area', label: '地区类型', value: f.area, options: AREAS, set: (d, v) => void (d.area = v as IntakeForm['area']) });
  rows.push({ kind: 'text', key: 'applicationDate', label: '申请日期', value: f.applicationDate, set: (d, v) => void (d.applicationDate = v) });
  rows.push({ kind: 'text', key: 'address', label: '住址', value: f.address, set: (d, v) => void (d.address = v) });
  rows.push({ kind: 'text', key: 'phone', label: '联系电话', value: f.phone, set: (d, v) => void (d.phone = v) });
  rows.push({ kind: 'text', key: 'housingArea', label: '住房面积㎡', value: f.housingArea, set: (d, v) => void (d.housingArea = v) });
  rows.push({ kind: 'heading', key: 'h-circ', label: '特殊情况（空格勾选）' });
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
    rows.push({ kind: 'heading', key: `h-m${i}`, label: `成员 ${i + 1}${m.name ? `：${m.name}` : ''}` });
    rows.push({ kind: 'text', key: `m${i}-name`, label: '姓名', value: m.name, member: i, set: (d, v) => void (d.members[i]!.name = v) });
    rows.push({ kind: 'text', key: `m${i}-id`, label: '身份证号', value: m.idNumber, member: i, id: true, set: (d, v) => void (d.members[i]!.idNumber = v) });
    rows.push({ kind: 'choice', key: `m${i}-rel`, label: '与户主关系', value: m.relation, options: RELATIONS, set: (d, v) => void (d.members[i]!.relation = v as never) });
    rows.push({ kind: 'choice', key: `m${i}-lab`, label: '劳动能力', value: m.labourAbility, options: LABOUR_ABILITIES, set: (d, v) => void (d.members[i]!.labourAbility = v as never) });
    rows.push({
      kind: 'choice',
      key: `m${i}-dis`,
      label: '残疾等级',
      value: m.disability ?? NONE,
      options: [NONE, ...DISABILITY_GRADES],
      set: (d, v) => void (d.members[i]!.disability = v === NONE ? null : (v as never)),
    });
    m.incomes.forEach((inc, j) => {
      rows.push({ kind: 'text', key: `m${i}-inc${j}-kind`, label: `收入${j + 1}类别`, value: inc.kind, member: i, set: (d, v) => void (d.members[i]!.incomes[j]!.kind = v) });
      rows.push({ kind: 'text', key: `m${i}-inc${j}-amt`, label: `收入${j + 1}元/月`, value: inc.amount, member: i, income: { member: i, index: j }, set: (d, v) => void (d.members[i]!.incomes[j]!.amount = v) });
    });
    rows.push({ kind: 'action', key: `m${i}-addinc`, label: '＋ 再加一项收入', run: (d) => void d.members[i]!.incomes.push({ kind: DEFAULT_INCOME_KIND, amount: '' }) });
    if (f.members.length > 1) rows.push({ kind: 'action', key: `m${i}-del`, label: '－ 删去这位成员', run: (d) => void d.members.splice(i, 1) });
  });
  rows.push({ kind: 'action', key: 'addMember', label: '＋ 添加一位成员', run: (d) => void d.members.push(emptyMember('配偶')) });
  rows.push({ kind: 'heading', key: 'h-int', label: '谈话记录' });
  rows.push({ kind: 'text', key: 'interview', label: '谈话记录', value: f.interview, set: (d, v) => void (d.interview = v) });
  rows.push({ kind: 'heading', key: 'h-mat', label: '材料清单（空格勾选）' });
  for (const item of requiredMaterials(f.program, f.circumstances)) {
    const options = item.split('或');
    rows.push({
      kind: 'tick',
      key: `mat-${item}`,
      label: item,
      checked: isMet(item, f.materials),
      // An item `A或B` ticks as its first alternative; unticking removes every alternative.
      toggle: (d) => void (d.materials = isMet(item, d.materials) ? d.materials.filter((x) => x !== item && !options.includes(x)) : [...d.materials, options[0]!]),
    });
  }
  rows.push({ kind: 'action', key: 'save', label: '【保存申请】', run: () => 'save' });
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
