import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { enrolment, family, labourOffice } from '../support/labour.js';

interface SummaryJson {
  month: string;
  closed: boolean;
  sessions: string[];
  unmarkedSessions: string[];
  people: { idNumber: string; name: string; group: number; due: number; attended: number; excused: number; absent: number; warning: boolean; recommendation: boolean; advice: string }[];
}

describe('jiuzhu attendance', () => {
  it('plans October 2026 around National Day, marks, summarises, closes, refuses late marks and amends with a reason', async () => {
    const a = family([{ name: '刘建国', birth: '1978-03-15' }, { name: '周秀兰', birth: '1980-07-21' }]);
    const b = family([{ name: '欧阳志强', birth: '1985-12-01' }, { name: '欧阳明', birth: '1950-01-01' }]);
    const data = tempOffice('jiuzhu-att-cli-');
    (await labourOffice(data, { families: [a, b], enrolments: [enrolment(a), enrolment(b)] })).view;
    const [liu, zhou] = a.members.map((m) => m.idNumber) as [string, string];
    const ouyang = b.members[0]!.idNumber;
    const old = b.members[1]!.idNumber;
    const env = { JIUZHU_NOW: '2026-10-31T17:00:00+08:00', JIUZHU_OPERATOR: '王芳' };
    const run = (...args: string[]) => jiuzhu(['attendance', ...args, '--data', data], env);

    const plan = run('plan', '--month', '2026-10', '--json');
    expect(plan.code, plan.stderr).toBe(0);
    const p = plan.json<{ created: string[]; skipped: { date: string; name: string }[]; covered: boolean }>();
    expect(p.created.map((d) => d.slice(8))).toEqual(['09', '12', '14', '16', '19', '21', '23', '26', '28', '30']);
    expect(p.skipped).toEqual([
      { date: '2026-10-02', name: '国庆节' },
      { date: '2026-10-05', name: '国庆节' },
      { date: '2026-10-07', name: '国庆节' },
    ]);
    expect(p.covered).toBe(true);
    expect(run('plan', '--month', '2026-10', '--json').json<{ created: string[] }>().created).toEqual([]);

    // Wrong usage exits 2; a refusal the clerk can act on exits 1 with a Chinese line.
    expect(run('plan', '--month', '2026-13').code).toBe(2);
    expect(run('mark', '--date', '2026-10-09', '--id', liu, '--status', 'gone').code).toBe(2);
    const noNote = run('mark', '--date', '2026-10-09', '--id', liu, '--status', 'excused');
    expect([noNote.code, noNote.stderr.trim()]).toEqual([1, '请假要写明原因（--note），例如「看病」']);
    const tooOld = run('mark', '--date', '2026-10-09', '--id', old, '--status', 'present');
    expect(tooOld.code).toBe(1);
    expect(tooOld.stderr).toContain('欧阳明 不在 2026-10-09 的应参加名单上：已满 60 周岁');
    const noSession = run('mark', '--date', '2026-10-10', '--id', liu, '--status', 'present');
    expect(noSession.stderr).toContain('2026-10-10 没有公益劳动');

    // 周秀兰 is exempt for the first half of the month; 欧阳志强 moves to group 3.
    const ex = run('exempt', 'add', '--id', zhou, '--kind', '照料家人', '--reason', '照顾住院的母亲', '--from', '2026-09-20', '--to', '2026-10-15');
    expect(ex.code, ex.stderr).toBe(0);
    expect(run('exempt', 'add', '--id', zhou, '--kind', '旅游', '--from', '2026-10-01', '--to', '2026-10-02').stderr).toContain('免于参加的类别「旅游」不认识');
    expect(run('group', 'move', '--id', ouyang, '--group', '3').code).toBe(0);
    expect(run('group', 'move', '--id', ouyang, '--group', '9').stderr).toContain('组号应为 1 到 6');
    const roster = run('roster', '--date', '2026-10-12', '--json').json<{ people: { name: string; group: number; task: string }[] }>();
    expect(roster.people.map((x) => [x.name, x.group])).toEqual([['刘建国', 1], ['欧阳志强', 3]]);
    expect(roster.people[1]!.task).not.toBe('');

    // Marks: 刘建国 absent 3 times, 欧阳志强 absent twice and once on leave; the rest present.
    const exceptions: Record<string, string[][]> = {
      '09': [[liu, 'absent']],
      '12': [[liu, 'absent'], [ouyang, 'absent']],
      '16': [[ouyang, 'excused', '看病']],
      '21': [[liu, 'late']],
      '26': [[liu, 'absent'], [ouyang, 'absent']],
    };
    for (const d of p.created) {
      for (const [id, status, note] of exceptions[d.slice(8)] ?? []) {
        const r = run('mark', '--date', d, '--id', id!, '--status', status!, ...(note ? ['--note', note] : []));
        expect(r.code, r.stderr).toBe(0);
      }
      expect(run('mark', '--date', d, '--rest', 'present').code).toBe(0);
    }

    // Hand-computed: 10 sessions; 周秀兰 due from 10-16 (16 19 21 23 26 28 30 = 7).
    const s = run('summary', '--month', '2026-10', '--json').json<SummaryJson>();
    expect(s.sessions).toHaveLength(10);
    expect(s.unmarkedSessions).toEqual([]);
    expect(s.people.map((x) => [x.name, x.due, x.attended, x.excused, x.absent, x.warning, x.recommendation])).toEqual([
      ['刘建国', 10, 7, 0, 3, true, true],
      ['周秀兰', 7, 7, 0, 0, false, false],
      ['欧阳志强', 10, 7, 1, 2, true, false],
    ]);
    const text = run('summary', '--month', '2026-10');
    expect(text.stdout).toContain('无故缺勤3次，建议按规定处理');
    expect(text.stderr).toContain('提醒 1 人，建议处理 1 人');

    const pending = (await Office.open(data, { repair: false })).view.all('pending');
    expect(pending.map((x) => [x.kind, x.householderName, x.reason, x.since])).toEqual([['attendance-recommendation', '刘建国', '刘建国 2026-10 公益劳动无故缺勤 3 次：请提出处理建议报街道（不自动停发）', '2026-10-31']]);

    const close = run('close', '--month', '2026-10');
    expect(close.code, close.stderr).toBe(0);
    expect(close.stderr).toContain('2026-10 已结账：3 人');
    const late = run('mark', '--date', '2026-10-26', '--id', liu, '--status', 'excused', '--note', '看病');
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('已结账');
    expect(run('amend', '--date', '2026-10-26', '--id', liu, '--status', 'excused', '--note', '看病', '--reason', '补交病假条').code).toBe(0);
    const after = run('summary', '--month', '2026-10', '--json').json<SummaryJson>();
    expect(after.closed).toBe(true);
    expect(after.people[0]).toMatchObject({ name: '刘建国', due: 10, attended: 7, excused: 1, absent: 2, recommendation: false, advice: '无故缺勤2次，已提醒' });

    const office = await Office.open(data, { repair: false });
    const out = office.view.all('outbound') as unknown as { kind: string; rows: string[][]; summary: string }[];
    expect(out.map((o) => o.kind)).toEqual(['attendance', 'attendance']);
    expect(out[0]!.rows.map((r) => r.slice(2))).toEqual([
      ['刘建国', '10', '7', '0', '3', '无故缺勤3次，建议按规定处理'],
      ['周秀兰', '7', '7', '0', '0', ''],
      ['欧阳志强', '10', '7', '1', '2', '无故缺勤2次，已提醒'],
    ]);
    expect(out[1]!.summary).toContain('更正');
    expect(office.view.all('pending').every((x) => x.resolvedOn)).toBe(true);
    const journal = readFileSync(join(data, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; summary?: string; operator: string });
    expect(journal.at(-1)).toMatchObject({ action: 'attendance.amend', summary: '更正 2026-10-26 签到：补交病假条', operator: '王芳' });
  });

  it('adds and cancels sessions by hand, and prints an A4 sign-in sheet with groups, tasks, masked ID numbers and an empty signature column', async () => {
    const a = family([{ name: '黄桂英', birth: '1972-05-05' }, { name: '黄志伟', birth: '1996-02-02' }]);
    const data = tempOffice('jiuzhu-att-cli-');
    await labourOffice(data, { families: [a], enrolments: [enrolment(a)] });
    const env = { JIUZHU_NOW: '2026-11-20T08:00:00+08:00' };
    const run = (...args: string[]) => jiuzhu(['attendance', ...args, '--data', data], env);
    expect(run('plan', '--month', '2026-11').code).toBe(0);
    expect(run('session', 'add', '--date', '2026-11-21', '--start', '09:00', '--end', '11:30', '--task', '迎检大扫除').code).toBe(0);
    expect(run('session', 'add', '--date', '2026-11-23').stderr).toContain('已经有一次公益劳动');
    expect(run('session', 'cancel', '--date', '2026-11-25').stderr).toContain('要写明原因');
    expect(run('session', 'cancel', '--date', '2026-11-25', '--reason', '暴雨').code).toBe(0);
    expect(run('plan', '--month', '2026-11', '--json').json<{ created: string[]; existing: string[] }>().existing).toContain('2026-11-25');
    const mark = run('mark', '--date', '2026-11-25', '--rest', 'present');
    expect(mark.stderr).toContain('已取消（暴雨）');
    expect(run('amend', '--date', '2026-11-20', '--id', a.members[0]!.idNumber, '--status', 'present', '--reason', '补录').stderr).toContain('还没结账');

    // An exemption ended early: 黄志伟 is due again from the day after its new last day.
    const wei = a.members[1]!.idNumber;
    const added = run('exempt', 'add', '--id', wei, '--kind', '在校就读', '--from', '2026-09-01', '--to', '2027-01-15', '--json').json<{ id: string }>();
    expect(run('roster', '--date', '2026-11-20', '--json').json<{ people: { name: string }[] }>().people.map((x) => x.name)).toEqual(['黄桂英']);
    expect(run('exempt', 'end', added.id, '--date', '2026-11-20').code).toBe(0);
    expect(run('exempt', 'list', '--json').json<{ name: string; to: string; endedOn: string }[]>()).toEqual([
      expect.objectContaining({ name: '黄志伟', kind: '在校就读', from: '2026-09-01', to: '2026-11-20', endedOn: '2026-11-20' }),
    ]);
    expect(run('roster', '--date', '2026-11-21', '--json').json<{ people: { name: string }[] }>().people.map((x) => x.name).sort()).toEqual(['黄志伟', '黄桂英']);

    const file = join(data, '..', 'sheet.html');
    const r = run('sheet', '--date', '2026-11-21', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('size: A4');
    expect(html).toContain('公益劳动签到表');
    expect(html).toContain('2026-11-21（星期六）09:00–11:30');
    expect(html).toContain('应到 2 人'); // 黄志伟 is back from 11-21
    expect(html).toContain('黄桂英');
    expect(html).toContain('迎检大扫除');
    expect(html).toContain('<td class="sign"></td>');
    expect(html).not.toContain(a.members[0]!.idNumber);
    expect(html).toContain(`${a.members[0]!.idNumber.slice(0, 6)}********${a.members[0]!.idNumber.slice(-4)}`);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });
});
