import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIntake } from '../../src/case/intake.js';
import { emptyForm, emptyMember, formToDocument, type IntakeForm } from '../../src/case/intakeForm.js';
import { rowsOf, move, cycle } from '../../src/ui/screens/intake/rows.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';
import type { DisabilityGrade, LabourAbility, Relation } from '../../src/office/model.js';

const fixture = JSON.parse(readFileSync(join(PUBLIC_FIXTURES, 'intake', '01-liu-jianguo.json'), 'utf8'));

function formOfFixture(): IntakeForm {
  return {
    ...emptyForm('2026-11-02', '城市'),
    address: fixture.address,
    phone: fixture.phone,
    housingArea: String(fixture.housingArea),
    circumstances: ['残疾'],
    materials: [...fixture.materials],
    interview: fixture.interview,
    members: fixture.members.map((m: { name: string; idNumber: string; relation: Relation; labourAbility: LabourAbility; disability: DisabilityGrade | null; monthlyIncome: number }) => ({ ...emptyMember(m.relation), name: m.name, idNumber: m.idNumber, labourAbility: m.labourAbility, disability: m.disability, incomes: [{ kind: '月收入', amount: m.monthlyIncome ? String(m.monthlyIncome) : '' }] })),
  };
}

describe('the intake form', () => {
  it('becomes the same checked intake as the intake file it was typed from', () => {
    const fromFile = checkIntake(fixture);
    const fromForm = checkIntake(formToDocument(formOfFixture()));
    expect(fromFile.ok && fromForm.ok).toBe(true);
    if (!fromFile.ok || !fromForm.ok) return;
    expect(fromForm.value.members).toEqual(fromFile.value.members);
    expect({ ...fromForm.value.input, members: undefined }).toMatchObject({ ...fromFile.value.input, members: undefined });
  });

  it('passes a half-typed amount on as typed, so the check names it', () => {
    const f = formOfFixture();
    f.members[0]!.incomes[0]!.amount = '12OO';
    const r = checkIntake(formToDocument(f));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toContain('members[0].incomes[0].amount');
  });

  it('follows the program and circumstances in its checklist rows, and moves over headings', () => {
    const f = emptyForm('2026-11-02', '城市');
    const mats = (x: IntakeForm) => rowsOf(x).filter((r) => r.key.startsWith('mat-')).map((r) => r.label);
    expect(mats(f)).toEqual(['申请书', '户口簿', '身份证', '照片']);
    f.program = '廉租房补贴';
    f.circumstances = ['单亲'];
    expect(mats(f)).toEqual(['申请书', '户口簿', '身份证', '照片', '离婚证或判决书或死亡证明', '收入证明', '低保证', '房权证或租房协议', '租金收据', '房主身份证复印件']);
    const rows = rowsOf(f);
    const head = rows.findIndex((r) => r.kind === 'heading' && r.key === 'h-m0');
    expect(rows[move(rows, head - 1, 1)]!.key).toBe('m0-name');
    expect(cycle(['有', '部分', '无'], '无', 1)).toBe('有');
    expect(cycle(['有', '部分', '无'], '有', -1)).toBe('无');
  });

  it('ticks an item written A或B as its first alternative and unticks every alternative', () => {
    const f = emptyForm('2026-11-02', '城市');
    f.circumstances = ['单亲'];
    const tick = () => rowsOf(f).find((r) => r.key === 'mat-离婚证或判决书或死亡证明')!;
    const t = tick();
    if (t.kind !== 'tick') throw new Error('not a tick row');
    t.toggle(f);
    expect(f.materials).toEqual(['离婚证']);
    f.materials = ['死亡证明'];
    expect((tick() as { checked: boolean }).checked).toBe(true);
    (tick() as { toggle: (x: IntakeForm) => void }).toggle(f);
    expect(f.materials).toEqual([]);
  });
});
