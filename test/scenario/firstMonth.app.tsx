// The first month through the app: the real shell with every screen, at
// 80×24, opened each working day as the clerk opens it in the morning, and
// driven by keys only. The files of the upper levels are read by `sync once`
// in a child process, as the daemon would read them. Each frame the clerk
// reads is checked on the way.
import React from 'react';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import { Office } from '../../src/store/office.js';
import { emptyForm, type IntakeForm } from '../../src/case/intakeForm.js';
import { isFocusable, rowsOf, type Row } from '../../src/ui/screens/intake/rows.js';
import { possibleSteps } from '../../src/case/steps.js';
import { settingDefs } from '../../src/office/settingKeys.js';
import { jiuzhu } from '../support/cli.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { AT, CHEN, FILES, INTAKES, LIU, OFFICE, RENT, RENT_REFUSAL, SETTINGS, STANDARD, WAY, WITHDRAW_NOTE, drop, type IntakeDoc } from './firstMonth.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fits(frame: string): string {
  expect(overflow(frame)).toEqual([]);
  return frame;
}

/** The app opened on `at`, on a freshly opened office (another process wrote since), closed when `work` is done. */
async function day(data: string, at: string, work: (r: Rendered, office: Office) => Promise<void>): Promise<void> {
  const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: at } });
  const r = render(<App office={office} operator="王芳" size={{ cols: 80, rows: 24 }} pollMs={50} />);
  try {
    fits(await until(r, (f) => f.includes('东风社区') && f.includes('在册'), `the dashboard on ${at}`));
    await work(r, office);
    await office.settled();
  } finally {
    r.unmount();
  }
}

/** Keys one per frame, for the forms that read their state from the last render. */
async function slow(r: Rendered, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    r.stdin.write(k);
    await tick(40);
  }
}

/** Esc until the dashboard shows (a screen, then the list's search, then the list). */
async function home(r: Rendered): Promise<void> {
  for (let i = 0; i < 5 && !(r.lastFrame() ?? '').includes('在册'); i++) {
    await press(r, KEY.escape);
    await tick(40);
  }
  fits(await until(r, (f) => f.includes('在册'), 'the dashboard'));
}

/** Moves a list's cursor (›) to the line that shows `text`: down to the end, then up. */
async function selectLine(r: Rendered, text: string): Promise<void> {
  for (const k of [KEY.down, KEY.up]) {
    for (let i = 0; i < 40; i++) {
      await tick(60);
      const sel = (r.lastFrame() ?? '').split('\n').find((l) => l.includes('›'));
      if (sel?.includes(text)) return;
      const before = r.lastFrame();
      await press(r, k);
      await tick(60);
      if (r.lastFrame() === before) break; // at the end of the list
    }
  }
  throw new Error(`no line with ${text}:\n${r.lastFrame()}`);
}

/** Types an intake file's application into the intake screen row by row, walking the screen's own rows as its cursor does. */
async function typeIntake(r: Rendered, doc: IntakeDoc, today: string): Promise<void> {
  const f: IntakeForm = emptyForm(today, '城市');
  let cursor = 'program';
  const rows = () => rowsOf(f);
  const go = async (key: string) => {
    const list = rows();
    const target = list.findIndex((x) => x.key === key);
    if (target < 0) throw new Error(`no intake row ${key}`);
    let at = list.findIndex((x) => x.key === cursor);
    const dir = target > at ? 1 : -1;
    while (at !== target) {
      do at += dir;
      while (!isFocusable(list[at]!));
      await press(r, dir > 0 ? KEY.down : KEY.up);
    }
    cursor = key;
    return list[target]!;
  };
  const text = async (key: string, value: string) => {
    const row = (await go(key)) as Extract<Row, { kind: 'text' }>;
    // As a paste arrives: in pieces (React's development build calls a run of over 50 keys an update loop).
    for (let i = 0; i < value.length; i += 16) {
      await press(r, value.slice(i, i + 16));
      await tick(30);
    }
    row.set(f, value);
  };
  const choose = async (key: string, value: string) => {
    const row = (await go(key)) as Extract<Row, { kind: 'choice' }>;
    const n = (row.options.indexOf(value) - row.options.indexOf(row.value) + row.options.length) % row.options.length;
    await press(r, ...Array<string>(n).fill(KEY.right));
    row.set(f, value);
  };
  const tickRow = async (key: string) => {
    const row = (await go(key)) as Extract<Row, { kind: 'tick' }>;
    await press(r, KEY.space);
    row.toggle(f);
  };
  await choose('program', doc.program);
  await text('address', doc.address);
  await text('phone', doc.phone);
  await text('housingArea', String(doc.housingArea));
  for (const c of doc.circumstances) await tickRow(`circ-${c}`);
  for (const [i, m] of doc.members.entries()) {
    if (i > 0) {
      await go('addMember');
      await press(r, KEY.enter);
      f.members.push({ ...emptyForm(today, '城市').members[0]!, relation: '配偶' });
      cursor = `m${i}-name`;
      await until(r, (fr) => fr.includes(`成员 ${i + 1}`), `member ${i + 1}`);
    }
    await text(`m${i}-name`, m.name);
    await text(`m${i}-id`, m.idNumber);
    if (i > 0) await choose(`m${i}-rel`, m.relation);
    await choose(`m${i}-lab`, m.labourAbility);
    const none = (rows().find((x) => x.key === `m${i}-dis`) as Extract<Row, { kind: 'choice' }>).options[0]!;
    await choose(`m${i}-dis`, m.disability ?? none);
    await text(`m${i}-inc0-amt`, String(m.monthlyIncome));
  }
  await text('interview', doc.interview);
  if (doc.interviewConfirmed) await tickRow('interviewConfirmed');
  for (const item of rows().filter((x) => x.key.startsWith('mat-'))) await tickRow(item.key);
  await go('save');
}

/** Opens a case from the case list by the householder's pinyin initials (Tab first: every case, not only the open ones). */
async function openCase(r: Rendered, initials: string, caseNo: string, all = false): Promise<void> {
  await press(r, 'l');
  await until(r, (f) => f.includes('申请列表'), 'the case list');
  if (all) {
    await press(r, KEY.tab);
    await until(r, (f) => f.includes('全部 · 全部类别'), 'every case');
  }
  await press(r, initials);
  await until(r, (f) => f.includes('· 1 件'), `the case of ${initials}`);
  await press(r, KEY.enter);
  await until(r, (f) => f.includes(caseNo) && f.includes('下一步'), `the case ${caseNo}`);
}

/** Runs one step of the way from the case screen's menu, filling its form as `case advance` takes its options. */
async function runStep(r: Rendered, office: Office, caseNo: string, s: (typeof WAY)[number] | { step: 'withdraw'; note: string }): Promise<void> {
  const menu = possibleSteps(office.view.get('cases', caseNo)!);
  const at = menu.indexOf(s.step as never);
  expect(at, `${s.step} offered in ${menu.join(',')}`).toBeGreaterThanOrEqual(0);
  await press(r, ...Array<string>(8).fill(KEY.up), ...Array<string>(at).fill(KEY.down), KEY.enter);
  if (s.step === 'investigate') await press(r, KEY.down, s.by, KEY.down, s.note, KEY.down, KEY.enter);
  else if (s.step === 'review') await press(r, KEY.down, KEY.down, s.by, KEY.down, s.note, KEY.down, KEY.enter);
  else if (s.step === 'withdraw') await press(r, KEY.down, s.note, KEY.down, KEY.enter);
  else await press(r, KEY.down, KEY.enter);
}

export async function appMonth(): Promise<{ data: string; shared: string }> {
  const root = mkdtempSync(join(tmpdir(), 'jiuzhu-month-app-'));
  const data = join(root, 'office');
  const shared = join(root, 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const sync = (at: string) => expect(jiuzhu(['--data', data, 'sync', 'once'], { JIUZHU_NOW: at }).code).toBe(0);
  // `init` names the office once, before the app can open it.
  expect(jiuzhu(['--data', data, 'init', '--office', OFFICE, '--name', '东风社区', '--shared', shared, '--operator', '王芳'], { JIUZHU_NOW: AT.init }).code).toBe(0);

  await day(data, AT.intake, async (r, office) => {
    // The settings screen: the two settings, then the standard kept by hand (t).
    await press(r, 's');
    await until(r, (f) => f.includes('communityWorkingDays'), 'the settings');
    const keys = settingDefs().map((d) => d.key);
    let at = 0;
    for (const [key, value] of SETTINGS) {
      const to = keys.indexOf(key);
      await press(r, ...Array<string>(to - at).fill(KEY.down), KEY.enter);
      at = to;
      const edit = await until(r, (f) => f.includes(`新的值 ${key}：`), `the edit line of ${key}`);
      const old = /新的值 \S+：(\S*)/.exec(edit.split('\n').find((l) => l.includes('新的值'))!)![1]!;
      await slow(r, ...Array<string>([...old].length).fill(KEY.backspace), ...value, KEY.enter);
      fits(await until(r, (f) => !f.includes('新的值') && f.includes(`已设置 ${key}：`), `${key} saved`));
    }
    await press(r, 't');
    await until(r, (f) => f.includes('手工录入保障标准'), 'the standards form');
    await slow(r, KEY.down, KEY.down, ...STANDARD.amount, KEY.down, ...STANDARD.from, KEY.ctrlS);
    await until(r, (f) => f.includes('已录入保障标准'), 'the standard saved');
    await press(r, KEY.escape);
    await until(r, (f) => f.includes('在册'), 'the dashboard');

    // Three intakes; after each save the new case's screen shows its eligibility.
    for (const [i, doc] of INTAKES.entries()) {
      await press(r, 'i');
      await until(r, (f) => f.includes('受理申请'), 'the intake screen');
      await typeIntake(r, doc, AT.intake.slice(0, 10));
      const ready = fits(await until(r, (f) => f.includes('保存即受理'), `intake ${i + 1} complete`));
      if (doc.program === '廉租房补贴') expect(ready).toContain('不符合条件');
      await press(r, KEY.enter);
      const caseNo = [LIU, CHEN, RENT][i]!;
      await until(r, (f) => f.includes(`已保存：${caseNo}`), `case ${caseNo} saved`);
      await press(r, KEY.enter);
      const shown = fits(await until(r, (f) => f.includes(caseNo) && f.includes('测算结论'), `the case ${caseNo}`));
      if (doc.program === '廉租房补贴') expect(shown).toContain(RENT_REFUSAL);
      else expect(shown).toContain('测算结论：符合条件');
      await press(r, KEY.escape);
      await until(r, (f) => f.includes('在册'), 'the dashboard');
    }
  });

  // The way, one day per step, for each case from the case list.
  const cases = [
    { caseNo: LIU, initials: 'ljg' },
    { caseNo: CHEN, initials: 'czq' },
    { caseNo: RENT, initials: 'hgy' },
  ];
  for (const s of WAY) {
    await day(data, s.at, async (r, office) => {
      for (const c of cases) {
        await openCase(r, c.initials, c.caseNo);
        await runStep(r, office, c.caseNo, s);
        if (c.caseNo === RENT && s.step === 'submit') {
          const refused = fits(await until(r, (f) => f.includes('不能上报街道'), 'the refusal of the rent subsidy'));
          expect(refused).toContain(RENT_REFUSAL);
          await press(r, KEY.escape);
          await runStep(r, office, RENT, { step: 'withdraw', note: WITHDRAW_NOTE });
          await until(r, (f) => f.includes('「已撤回」'), 'the rent case withdrawn');
        } else fits(await until(r, (f) => f.includes('已完成'), `${s.step} of ${c.caseNo}`));
        await home(r);
      }
    });
  }

  for (const f of [FILES.verification, FILES.township, FILES.county]) {
    drop(shared, f);
    sync(f.at);
  }

  await day(data, AT.cover, async (r) => {
    // The verification finding and the township's and county's results, on the case screen.
    await openCase(r, 'czq', CHEN, true);
    const found = fits(await until(r, (f) => f.includes('核查 2026-11-18：工商登记 有 7240.00 元'), 'the verification finding'));
    expect(found).toContain('区县审批：批准（2026-11-25）保障 2 人 每月 500.00 元 A 类 自 2026-12 起');
    await home(r);
    // Coverage: the recipients list asks, the dashboard's pending line opens the form with 原因's names ticked.
    await press(r, 'r');
    await until(r, (f) => f.includes('待选保障成员'), 'the recipients list asking for a choice');
    await press(r, KEY.escape);
    await selectLine(r, '请确认保障的成员');
    await press(r, KEY.enter);
    const form = fits(await until(r, (f) => f.includes('请勾选保障的成员'), 'the coverage form'));
    expect(form).toMatch(/\[x\].*李梅/);
    expect(form).toMatch(/\[x\].*陈浩然/);
    expect(form).toMatch(/\[ \].*陈志强/);
    await press(r, KEY.enter);
    await until(r, (f) => f.includes('在册') && !f.includes('请确认保障的成员'), 'the choice kept');
  });

  await day(data, AT.payroll, async (r) => {
    // The payroll for December: 陈志强's household is paid for 2.
    await press(r, 'p');
    await until(r, (f) => f.includes('低保金发放签字表') && f.includes('↑↓ 选择'), 'the report list');
    await selectLine(r, '低保金发放签字表');
    await press(r, KEY.enter);
    const sheet = fits(await until(r, (f) => f.includes('低保金发放签字表（2026年12月）'), 'the payroll'));
    expect(sheet).toMatch(/陈志强 .* 2 李梅、陈浩然/);
    await press(r, 'x');
    await until(r, (f) => f.includes('导出：1 CSV'), 'the export choice');
    await press(r, '1');
    await until(r, (f) => f.includes('已导出到'), 'the payroll exported');
    await home(r);
    // The labour roster: December planned from the app, 陈志强 not due.
    await press(r, 'a');
    await until(r, (f) => f.includes('按 p 生成'), 'no sessions yet');
    await press(r, 'p');
    const roster = fits(await until(r, (f) => f.includes('2026-12-01') && f.includes('刘建国'), 'the first session'));
    expect(roster).toContain('李梅');
    expect(roster).not.toContain('陈志强');
    await press(r, KEY.escape);
  });

  drop(shared, FILES.bad);
  sync(FILES.bad.at);
  await day(data, FILES.bad.at, async (r) => {
    const dash = fits(await until(r, (f) => f.includes('有拒收行的收到文件 1 个'), 'the rejected file on the dashboard'));
    expect(dash).toContain(FILES.bad.name);
    await press(r, 'v');
    await until(r, (f) => f.includes(FILES.bad.name), 'the receipts');
    await selectLine(r, FILES.bad.name);
    await press(r, KEY.enter);
    const receipt = fits(await until(r, (f) => f.includes('身份证号校验位不对'), 'the receipt'));
    expect(receipt).toContain('2027-13');
    await press(r, KEY.escape, KEY.escape);
  });
  return { data, shared };
}
