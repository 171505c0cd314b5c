import { describe, it, expect } from 'vitest';
import React from 'react';
import stringWidth from 'string-width';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { planMonth } from '../../src/attendance/sessions.js';
import { sessionLines } from '../../src/attendance/sessionRoster.js';
import { renderEntry } from '../support/screen.js';
import { enrolment, family, labourOffice, type Family } from '../support/labour.js';
import { jiuzhu } from '../support/cli.js';

const DATE = '2026-11-23';
const NOW = `${DATE}T10:05:00+08:00`;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '欧阳', '周'];
const GIVEN = ['秀英', '建国', '桂兰', '志强'];

function forty(): Family[] {
  const out: Family[] = [];
  for (let i = 0; i < 40; i++) {
    const year = 1970 + (i % 25);
    out.push(family([{ name: `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10)]}`, birth: `${year}-0${1 + (i % 9)}-1${i % 10}` }]));
  }
  return out;
}

async function officeOf(families: Family[]): Promise<Office> {
  const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-mark-')), 'office');
  await labourOffice(dir, { families, enrolments: families.map((f) => enrolment(f)) }, NOW);
  const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: NOW } });
  await office.transact({ operator: '王芳', source: 'local', action: 'attendance.plan' }, (tx) => planMonth(tx, '2026-11'));
  return office;
}

const lines0 = (office: Office) => sessionLines(office.view, office.view.get('sessions', DATE)!).map((l) => l.idNumber);

const tick = () => new Promise((r) => setTimeout(r, 5));

async function until(frame: () => string | undefined, pred: (s: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const f = frame() ?? '';
    if (pred(f)) return f;
    await tick();
  }
  throw new Error(`the screen never showed ${what}:\n${frame()}`);
}

describe('the marking screen', () => {
  it('marks 40 people with 3 exceptions in at most 50 keystrokes, fits 80×24, and stores what the CLI stores for the same marks', async () => {
    const families = forty();
    const office = await officeOf(families);
    const lines = sessionLines(office.view, office.view.get('sessions', DATE)!);
    expect(lines).toHaveLength(40);
    const late = lines[4]!;
    const excused = lines[16]!;
    const absent = lines[32]!;

    const ui = renderEntry(office, 'attendance');
    const backs = ui.backs;
    let keystrokes = 0;
    const press = async (k: string, times = 1) => {
      for (let i = 0; i < times; i++) {
        ui.stdin.write(k);
        keystrokes++;
        await tick();
      }
    };
    const DOWN = '\u001B[B';
    // Ready when the footer lists the screen's keys: the shell has its key handler then.
    const first = await until(ui.lastFrame, (f) => f.includes('应到 40') && f.includes('1 到'), 'the roster');
    expect(first).toContain(`公益劳动签到 ${DATE} 星期一 10:00–11:00`);
    expect(first).toContain('未签 40');
    for (const l of first.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(first.split('\n').length).toBeLessThanOrEqual(23);
    expect(first).toContain(lines[0]!.name);

    await press(DOWN, 4);
    await press('2'); // late; the cursor moves on to the 6th
    await press(DOWN, 11);
    await press('3'); // excused: the reason is asked
    const asking = await until(ui.lastFrame, (f) => f.includes('请假原因'), 'the reason prompt');
    expect(asking).toContain('1 看病');
    await press('1');
    await press(DOWN, 15);
    await press('4'); // absent
    const mid = await until(ui.lastFrame, (f) => f.includes('缺勤 1'), 'the counts so far');
    expect(mid).toContain('迟到 1');
    expect(mid).toContain('请假 1');
    expect(mid).toContain('未签 37');
    for (const l of mid.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    await press('a'); // everybody else came
    await until(ui.lastFrame, (f) => f.includes('到 37') && f.includes('未签 0'), 'all marked');
    await press('s');
    await until(ui.lastFrame, (f) => f.includes('已保存 40 人的签到'), 'the save');
    expect(keystrokes).toBeLessThanOrEqual(50);
    expect(keystrokes).toBe(36); // 4↓ 2 · 11↓ 3 1 · 15↓ 4 · a · s
    await press('\u001B');
    await until(() => String(backs()), (b) => b === '1', 'going back');
    ui.unmount();

    const stored = office.view.get('sessions', DATE)!.marks;
    expect(Object.keys(stored)).toHaveLength(40);
    expect(stored[late.idNumber]).toEqual({ status: 'late' });
    expect(stored[excused.idNumber]).toEqual({ status: 'excused', note: '看病' });
    expect(stored[absent.idNumber]).toEqual({ status: 'absent' });

    // The same marks through the command line, on an identical office.
    const twin = await officeOf(families);
    const env = { JIUZHU_NOW: NOW, JIUZHU_OPERATOR: '王芳' };
    for (const args of [
      ['--id', late.idNumber, '--status', 'late'],
      ['--id', excused.idNumber, '--status', 'excused', '--note', '看病'],
      ['--id', absent.idNumber, '--status', 'absent'],
      ['--rest', 'present'],
    ]) {
      const r = jiuzhu(['attendance', 'mark', '--date', DATE, ...args, '--data', twin.dir], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const viaCli = await Office.open(twin.dir, { env: { ...process.env, JIUZHU_NOW: NOW } });
    expect(viaCli.view.get('sessions', DATE)).toEqual(office.view.get('sessions', DATE));
    expect([...viaCli.view.all('groups')].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...office.view.all('groups')].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('asks before leaving with unsaved marks, and refuses to mark a session that has not come yet', async () => {
    const office = await officeOf(forty().slice(0, 5));
    const ui = renderEntry(office, 'attendance');
    const backs = ui.backs;
    await until(ui.lastFrame, (f) => f.includes('应到 5') && f.includes('1 到'), 'the roster');
    const key = async (k: string) => {
      ui.stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    };
    await key('1');
    await key('\u001B');
    await until(ui.lastFrame, (f) => f.includes('没保存'), 'the unsaved question');
    expect(backs()).toBe(0);
    await key('\u001B');
    await key('0'); // undo on the next person: nothing to undo; go back up and undo there
    await key('\u001B[A');
    await key('0');
    await until(ui.lastFrame, (f) => f.includes('未签 5'), 'the mark undone');
    // g then a digit moves the person under the cursor to that group, at once.
    const first = office.view.get('members', lines0(office)[0]!)!;
    await key('g');
    await until(ui.lastFrame, (f) => f.includes(`把 ${first.name} 调到第几组`), 'the group question');
    await key('6');
    await until(ui.lastFrame, (f) => f.includes(`${first.name} 已调到第 6 组`), 'the move');
    expect(office.view.get('groups', first.idNumber)).toEqual({ id: first.idNumber, group: 6 });
    expect(ui.lastFrame()!.split('\n').find((l) => l.includes(first.name))).toContain('6组');
    ui.stdin.write(']'); // the next session, 11-25, is still to come
    await until(ui.lastFrame, (f) => f.includes('2026-11-25'), 'the next session');
    ui.stdin.write('1');
    await until(ui.lastFrame, (f) => f.includes('还没到'), 'the refusal');
    // ? lists this screen's keys (they come through the shell's one keymap).
    ui.stdin.write('?');
    const help = await until(ui.lastFrame, (f) => f.includes('全局按键'), 'the help overlay');
    for (const k of ['1 到', '3 请假', 'a 其余到', 'g 调组', 'm 月度汇总', '[ ] 换场次']) expect(help).toContain(k);
    ui.stdin.write('x');
    await until(ui.lastFrame, (f) => f.includes('2026-11-25') && !f.includes('全局按键'), 'the help closed');
    ui.stdin.write('q');
    await until(() => String(backs()), (b) => b === '1', 'going back');
    ui.unmount();
    expect(office.view.get('sessions', DATE)!.marks).toEqual({});
  });
});

describe('the monthly summary screen', () => {
  it('shows per-person counts with the warning and the recommendation, filters to them, and closes the month on y', async () => {
    const { markSession } = await import('../../src/attendance/marking.js');
    const families = [
      family([{ name: '刘建国', birth: '1978-03-15' }]),
      family([{ name: '欧阳志强', birth: '1985-12-01' }]),
      family([{ name: '周秀兰', birth: '1990-04-02' }]),
    ];
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-sum-')), 'office');
    const now = '2026-10-31T17:00:00+08:00';
    await labourOffice(dir, { families, enrolments: families.map((f) => enrolment(f)) }, now);
    const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: now } });
    const [liu, ouyang] = families.map((f) => f.members[0]!.idNumber) as [string, string];
    const op = { operator: '王芳', source: 'local' as const, action: 'attendance.mark' };
    const plan = (await office.transact(op, (tx) => planMonth(tx, '2026-10'))).result;
    const absent: Record<string, string[]> = { '2026-10-09': [liu], '2026-10-12': [liu, ouyang], '2026-10-26': [liu, ouyang] };
    for (const d of plan.created) {
      await office.transact(op, (tx) => markSession(tx, d, (absent[d] ?? []).map((idNumber) => ({ idNumber, status: 'absent' as const })), { rest: 'present' }));
    }
    // Reached from the marking screen with m: the summary of the month of the session shown.
    const ui = renderEntry(office, 'attendance');
    await until(ui.lastFrame, (x) => x.includes('公益劳动签到 2026-10-') && x.includes('1 到'), 'the marking screen');
    ui.stdin.write('m');
    const key = async (k: string) => {
      ui.stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    };
    const f = await until(ui.lastFrame, (x) => x.includes('公益劳动月度汇总 2026-10') && x.includes('w 只看提醒'), 'the summary');
    expect(f).toContain('截至 2026-10-31，10 次');
    expect(f).toContain('3 人　提醒 1　建议处理 1');
    const row = (name: string) => f.split('\n').find((l) => l.includes(name))!.replace(/\s+/g, ' ').trim();
    expect(row('刘建国')).toMatch(/刘建国 10 7 0 3 0 无故缺勤3次，建议按规定处理$/);
    expect(row('欧阳志强')).toMatch(/欧阳志强 10 8 0 2 0 无故缺勤2次，已提醒$/);
    expect(row('周秀兰')).toMatch(/周秀兰 10 10 0 0 0$/);
    for (const l of f.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    await key('w');
    const flagged = await until(ui.lastFrame, (x) => x.includes('（只看提醒和建议）'), 'the filter');
    expect(flagged).not.toContain('周秀兰');
    await key('c');
    await until(ui.lastFrame, (x) => x.includes('确定结账 2026-10'), 'the question');
    await key('y');
    await until(ui.lastFrame, (x) => x.includes('已结账：考勤汇总已排队上报街道'), 'the close');
    expect(office.view.get('attendanceMonths', '2026-10')).toBeDefined();
    expect(office.view.all('outbound')).toHaveLength(1);
    await key('c');
    await until(ui.lastFrame, (x) => x.includes('已经结账了'), 'the refusal to close twice');
    await key('?');
    const help = await until(ui.lastFrame, (x) => x.includes('全局按键'), 'the help overlay');
    for (const k of ['[ ] 换月份', 'w 只看提醒', 'c 结账']) expect(help).toContain(k);
    await key('x');
    await key('\u001B');
    await until(ui.lastFrame, (x) => x.includes('公益劳动签到 2026-10-'), 'going back to the marking screen');
    ui.unmount();
  });
});
