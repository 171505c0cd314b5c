import { describe, it, expect, afterEach } from 'vitest';
import React from 'react';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice, outcome, step, WAY } from '../support/caseWay.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { child } from '../support/paths.js';
import { Office } from '../../src/store/office.js';
import { IntakeScreen } from '../../src/ui/screens/intake/view.js';
import { CaseScreen } from '../../src/ui/screens/case/view.js';
import { possibleSteps } from '../../src/case/steps.js';
import { renderScreen } from '../support/screen.js';

const NO1 = '430105003001-2026-0001';
const fixture = JSON.parse(readFileSync(join(INTAKE, '01-liu-jianguo.json'), 'utf8'));
const { DOWN, RIGHT, SPACE, ENTER } = { DOWN: KEY.down, RIGHT: KEY.right, SPACE: KEY.space, ENTER: KEY.enter };

const mounted: Rendered[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function show(r: Rendered): Rendered {
  mounted.push(r);
  return r;
}

function expectFits(frame: string): void {
  expect(overflow(frame)).toEqual([]);
}

/** Types fixture 01 into the intake screen, field by field, as a clerk would. */
async function typeFixture(r: Rendered): Promise<void> {
  const [m1, m2, m3] = fixture.members;
  await press(r, DOWN, DOWN, DOWN, fixture.address, DOWN, fixture.phone, DOWN, String(fixture.housingArea));
  await press(r, DOWN, SPACE, DOWN, DOWN, DOWN, DOWN, DOWN); // 残疾 ticked; on to member 1
  await press(r, m1.name, DOWN, m1.idNumber, DOWN, DOWN, DOWN, DOWN, DOWN, '1200', DOWN, DOWN, ENTER);
  await until(r, (f) => f.includes('成员 2'), 'a second member');
  await press(r, m2.name, DOWN, m2.idNumber, DOWN, DOWN, RIGHT, RIGHT, DOWN, RIGHT, RIGHT, DOWN, DOWN, DOWN, DOWN, DOWN, ENTER);
  await until(r, (f) => f.includes('成员 3'), 'a third member');
  await press(r, m3.name, DOWN, m3.idNumber, DOWN, RIGHT, RIGHT, DOWN, RIGHT, RIGHT, DOWN, DOWN, DOWN, '350', DOWN, DOWN, DOWN, DOWN, fixture.interview);
  // past the applicant's confirmation of the interview (the fixture's file does not state it), then the six materials
  await press(r, DOWN);
  for (let i = 0; i < 6; i++) await press(r, DOWN, SPACE);
}

describe('the intake and case screens', () => {
  it('take an application to submission and end in the same stored case and outbound files as the command line', async () => {
    // the command line
    const cliData = tempOffice();
    initOffice(cliData);
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', cliData], { JIUZHU_NOW: '2026-11-02T09:30:00+08:00' }).code).toBe(0);
    for (const s of WAY) expect(step(cliData, NO1, s.step, s.date, ...s.args).code).toBe(0);

    // the screens
    const uiData = tempOffice();
    initOffice(uiData);
    const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-02T09:30:00+08:00' };
    const office = await Office.open(uiData, { env });
    let saved = '';
    const r = show(renderScreen(office, <IntakeScreen office={office} operator="王芳" onBack={() => undefined} onSaved={(no) => (saved = no)} />));
    await until(r, (f) => f.includes('受理申请'), 'the intake screen');
    await typeFixture(r);
    const before = await until(r, (f) => f.includes('材料 6/6'), 'the checklist complete');
    expect(before).toContain('人均月收入 516.67 元');
    expect(before).toContain('家庭人口 3 人');
    expect(before).toContain('齐全，保存即受理');
    expectFits(before);
    await press(r, DOWN, ENTER);
    const done = await until(r, (f) => f.includes(`已保存：${NO1}`), 'the saved case');
    expect(done).toContain('已于 2026-11-02 受理');
    await press(r, ENTER);
    for (let i = 0; i < 100 && !saved; i++) await new Promise((res) => setTimeout(res, 20));
    expect(saved).toBe(NO1);
    expect(office.view.all('drafts')).toEqual([]);
    r.unmount();

    const c = show(renderScreen(office, <CaseScreen office={office} operator="王芳" onBack={() => undefined} caseNo={NO1} />));
    await until(c, (f) => f.includes('已受理'), 'the case');
    for (const s of WAY) {
      env.JIUZHU_NOW = `${s.date}T10:00:00+08:00`;
      const menu = possibleSteps(office.view.get('cases', NO1)!);
      const at = menu.indexOf(s.step as never);
      expect(at, `${s.step} offered in ${menu.join(',')}`).toBeGreaterThanOrEqual(0);
      await press(c, KEY.escape); // leave any open form; on the menu Esc is onBack, a no-op here
      await press(c, ...Array(8).fill(KEY.up), ...Array(at).fill(DOWN), ENTER);
      const arg = (name: string) => s.args[s.args.indexOf(name) + 1] ?? '';
      if (s.step === 'investigate') await press(c, DOWN, arg('--by'), DOWN, arg('--note'), DOWN, ENTER);
      else if (s.step === 'review') await press(c, DOWN, DOWN, arg('--by'), DOWN, arg('--note'), DOWN, ENTER);
      else if (s.step === 'objection' || s.step === 'resolve') await press(c, DOWN, arg('--note'), DOWN, ENTER);
      else await press(c, DOWN, ENTER);
      const f = await until(c, (fr) => fr.includes('已完成'), `${s.step} done`);
      expectFits(f);
    }
    const last = await until(c, (f) => f.includes('「已上报」'), 'submitted');
    expect(last).toContain('上报街道 ✓ 2026-11-17');
    await press(c, 'h');
    const history = await until(c, (f) => f.includes('办理记录（8 条）'), 'the history');
    expect(history).toContain('2026-11-04 10:00 入户调查 王芳 入户核实');
    expect(history).toContain('2026-11-13 10:00 异议复核 王芳 异议1：经再次入户核实');
    expectFits(history);
    await press(c, 'h');

    const a = outcome(cliData, NO1);
    const b = outcome(uiData, NO1);
    expect(b.c).toEqual(a.c);
    expect(b.members).toEqual(a.members);
    expect(b.outbound).toEqual(a.outbound);
    expect(b.outbound.map((o) => o.kind)).toEqual(['applications', 'members']);
  });

  it('shows the eligibility result and the county verification findings on the case screen (issue 15)', async () => {
    const data = tempOffice();
    initOffice(data);
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
    const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-03T10:00:00+08:00' };
    const office = await Office.open(data, { env });
    await office.transact({ operator: 'test', source: 'file:verification.csv', action: 'test.verification' }, (tx) => {
      tx.update('cases', NO1, (c) => void c.verifications.push({ item: '工商登记', found: true, date: '2026-11-03', amountFen: 724000, source: 'file:verification.csv' }));
    });
    const c = show(renderScreen(office, <CaseScreen office={office} operator="王芳" onBack={() => undefined} caseNo={NO1} />));
    const frame = await until(c, (f) => f.includes('核查 2026-11-03：工商登记 有 7240.00 元'), 'the verification finding');
    expect(frame).toContain('测算结论：没有适用的保障标准');
    expectFits(frame);
  });

  it('shows a refused step in red with its reason, keeps the form, and saves nothing', async () => {
    const data = tempOffice();
    initOffice(data);
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
    for (const s of WAY.slice(0, 4)) expect(step(data, NO1, s.step, s.date, ...s.args).code).toBe(0);
    const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-17T10:00:00+08:00' };
    const office = await Office.open(data, { env });
    const journal = office.journalHead.seq;
    const c = show(renderScreen(office, <CaseScreen office={office} operator="王芳" onBack={() => undefined} caseNo={NO1} />));
    const start = await until(c, (f) => f.includes('「公示中」'), 'the case');
    expect(start).toContain('1 条未复核');
    const menu = possibleSteps(office.view.get('cases', NO1)!);
    await press(c, ...Array(menu.indexOf('submit')).fill(DOWN), ENTER);
    await until(c, (f) => f.includes('公示至 2026-11-16，2026-11-17 起可上报；未复核异议 1 条'), 'what submit needs');
    await press(c, DOWN, ENTER);
    const refused = await until(c, (f) => f.includes('不能上报街道'), 'the refusal');
    expect(refused).toContain('还有 1 条异议没有复核');
    expect(refused).toContain('上报街道'); // the form is still open
    expect(refused).toContain('【确定】');
    expectFits(refused);
    expect(office.journalHead.seq).toBe(journal);
    expect(office.view.get('cases', NO1)!.status).toBe('noticing');

    // printing from the screen saves the form where the clerk can open it
    await press(c, KEY.escape, ...Array(menu.length + 1).fill(DOWN), ENTER);
    const printed = await until(c, (f) => f.includes('申请审批表已保存'), 'the printed form');
    expectFits(printed);
    const html = readFileSync(join(data, 'prints', `${NO1}-application.html`), 'utf8');
    expect(html).toContain('社会救助申请审批表');
    expect(html).toContain('有居民反映该户家中有小汽车一辆');
  });

  it('shows what the township returned, and takes the correction and the second submit', async () => {
    const data = tempOffice();
    initOffice(data);
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
    for (const s of WAY) expect(step(data, NO1, s.step, s.date, ...s.args).code).toBe(0);
    const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-23T10:00:00+08:00' };
    const office = await Office.open(data, { env });
    await office.transact({ operator: '街道审核员', source: 'file:0000', action: 'test.township' }, (tx) =>
      void tx.update('cases', NO1, (c) => {
        c.status = 'returned';
        c.township = { result: '退回', date: '2026-11-20', note: '请补充户主近六个月工资流水' };
        c.history.push({ at: '2026-11-20T15:00:00+08:00', event: 'returned', by: '街道审核员', source: 'file:0000', date: '2026-11-20' });
      }),
    );
    const c = show(renderScreen(office, <CaseScreen office={office} operator="王芳" onBack={() => undefined} caseNo={NO1} />));
    const start = await until(c, (f) => f.includes('「被退回」'), 'the returned case');
    expect(start).toContain('街道审核：退回（2026-11-20）请补充户主近六个月工资流水');
    expect(start).toContain('办理期限 2026-11-26（剩 3 个工作日）');
    expectFits(start);
    const menu = () => [...possibleSteps(office.view.get('cases', NO1)!), 'correct'];
    await press(c, ...Array(menu().indexOf('correct')).fill(DOWN), ENTER, '按退回意见补交工资流水', DOWN, '工资流水', DOWN, ENTER);
    await until(c, (f) => f.includes('已完成：更正'), 'the correction');
    await press(c, ...Array(8).fill(KEY.up), ...Array(menu().indexOf('submit')).fill(DOWN), ENTER, DOWN, ENTER);
    const done = await until(c, (f) => f.includes('「已上报」'), 'the second submit');
    expect(done).toContain('上报街道 ✓ 2026-11-23');
    expect(outcome(data, NO1).outbound).toHaveLength(4);
  });

  it('refuses a save with every problem named, keeps what was typed, and flags a household that already has an open case', async () => {
    const data = tempOffice();
    initOffice(data);
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
    const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: '2026-11-03' } });
    const r = show(renderScreen(office, <IntakeScreen office={office} operator="王芳" onBack={() => undefined} />));
    await until(r, (f) => f.includes('受理申请'), 'the intake screen');
    await press(r, ...Array(11).fill(DOWN), '刘建国', DOWN, '430105197803152316');
    await until(r, (f) => f.includes('✗校验位不对'), 'the ID number checked as typed');
    await press(r, KEY.backspace, '5');
    const ok = await until(r, (f) => f.includes(' 1978-03-15 男 48岁'), 'birth date, sex and age from the ID number');
    expect(ok).toContain('！这户已有一件在办的');
    expect(ok).toContain('2026-0001');
    await press(r, KEY.ctrlS);
    const refused = await until(r, (f) => f.includes('没有保存'), 'the refusal');
    expect(refused).toContain('有 2 处问题');
    expect(refused).toContain('住址：没有填写');
    expect(refused).toContain('救助类别：这户已有一件在办的低保申请 430105003001-2026-0001');
    expect(refused).toContain('430105197803152315'); // what was typed is still there
    expectFits(refused);
    expect(office.view.all('cases')).toHaveLength(1);
  });

  it('shows excluded incomes as excluded, with the reason, in the eligibility panel', async () => {
    const data = tempOffice();
    initOffice(data);
    const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: '2026-11-03' } });
    await office.transact({ operator: 't', source: 'local', action: 'test.standard' }, (tx) =>
      tx.put('standards', 's', { id: 's', area: '城市', program: '低保', monthlyFen: 85000, from: '2026-01-01', source: 'local' }),
    );
    const r = show(renderScreen(office, <IntakeScreen office={office} operator="王芳" onBack={() => undefined} />));
    await until(r, (f) => f.includes('受理申请'), 'the intake screen');
    await press(r, ...Array(11).fill(DOWN), '赵德明', ...Array(6).fill(DOWN), '600', DOWN, ENTER);
    await press(r, KEY.up);
    // the kind of the new income, then its amount
    for (let i = 0; i < 3; i++) await press(r, KEY.backspace);
    await press(r, '优抚金', DOWN, '300');
    const f = await until(r, (fr) => fr.includes('不计入：优抚金 300 元'), 'the excluded income');
    expect(f).toContain('不计入');
    expect(f).toContain('人均月收入 600 元');
    expect(f).toContain('结论：符合条件');
    expect(f).toContain('估算 250 元/月');
    expectFits(f);
    // ? lists the form's keys; closing the help finds the form as it was
    await press(r, '?');
    const help = await until(r, (fr) => fr.includes('本页按键：') && fr.includes('Ctrl+S 保存'), 'the keys of the form');
    expect(help).toContain('空格 勾选');
    await press(r, KEY.escape);
    await until(r, (fr) => fr.includes('不计入：优抚金 300 元'), 'the form again');
  });

  it('keeps the draft when the process is killed mid-form, and offers to continue it', async () => {
    const data = tempOffice();
    initOffice(data);
    const p = spawn(process.execPath, [child('intakeDraft'), data], { env: { ...process.env, NODE_ENV: 'production', JIUZHU_NOW: '2026-11-02T09:30:00+08:00', CI: 'false' } });
    children.push(p);
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    for (let i = 0; i < 1600 && !out.includes('SAVED'); i++) await new Promise((res) => setTimeout(res, 25));
    expect(out).toContain('SAVED 1');
    await new Promise((res) => setTimeout(res, 300)); // it is typing the next field now
    p.kill('SIGKILL');
    await new Promise((res) => p.once('exit', res));

    const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: '2026-11-02T10:00:00+08:00' } });
    const r = show(renderScreen(office, <IntakeScreen office={office} operator="王芳" onBack={() => undefined} />));
    const offer = await until(r, (f) => f.includes('有未完成的草稿'), 'the offer to continue');
    expect(offer).toContain('刘建国 低保');
    await press(r, ENTER);
    const form = await until(r, (f) => f.includes('住址'), 'the form again');
    expect(form).toContain('东风路158号东风二村7栋302');
    expect(form).toContain('13873105126');
    expect(form).toContain('[✓] 残疾');
    await press(r, ...Array(12).fill(DOWN));
    const lower = await until(r, (f) => f.includes('430105197803152315'), 'the member');
    expect(lower).toContain('刘建国');
    r.unmount();

    // a draft no longer wanted can be deleted from the offer
    const again = show(renderScreen(office, <IntakeScreen office={office} operator="王芳" onBack={() => undefined} />));
    await until(again, (f) => f.includes('有未完成的草稿'), 'the offer again');
    await press(again, 'd');
    await until(again, (f) => f.includes('资格测算'), 'a new form once no draft is left');
    expect(office.view.all('drafts')).toEqual([]);
  });
});
