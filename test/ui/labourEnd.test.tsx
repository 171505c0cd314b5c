// Issue 15 item 8: the month's end of labour in the app at 80×24 — amend a closed month, record and end an exemption.
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { planMonth } from '../../src/attendance/sessions.js';
import { closeMonth, markSession } from '../../src/attendance/marking.js';
import { renderEntry } from '../support/screen.js';
import { enrolment, family, labourOffice } from '../support/labour.js';
import { tick as wait, until } from '../support/until.js';
const tick = (ms = 20) => wait(ms);
const fits = (f: string) => {
  expect(f.split('\n').length).toBeLessThanOrEqual(24);
  for (const l of f.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
};
const DOWN = '\u001B[B';
const BS = '\u007F';

describe('the month end of labour in the app', () => {
  it('amends a mark of a closed month with a reason, records an exemption for the selected person and ends it early', async () => {
    const families = [family([{ name: '刘建国', birth: '1978-03-15' }]), family([{ name: '周秀兰', birth: '1990-04-02' }])];
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-labour-end-')), 'office');
    const now = '2026-10-31T17:00:00+08:00';
    await labourOffice(dir, { families, enrolments: families.map((f) => enrolment(f)) }, now);
    const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: now } });
    const op = { operator: '王芳', source: 'local' as const, action: 'attendance.mark' };
    const plan = (await office.transact(op, (tx) => planMonth(tx, '2026-10'))).result;
    for (const d of plan.created) await office.transact(op, (tx) => markSession(tx, d, [], { rest: 'present' }));
    await office.transact(op, (tx) => closeMonth(tx, '2026-10'));
    const liu = families[0]!.members[0]!.idNumber;

    const ui = renderEntry(office, 'attendanceSummary', { params: { month: '2026-10' } });
    const key = async (k: string) => {
      ui.stdin.write(k);
      await tick();
    };
    fits(await until(ui.lastFrame, (x) => x.includes('公益劳动月度汇总 2026-10') && x.includes('刘建国'), 'the summary'));
    await key('a');
    const amend = await until(ui.lastFrame, (x) => x.includes('更正签到：刘建国，2026-10') && x.includes('2026-10-12'), 'the amend screen');
    fits(amend);
    await key(DOWN);
    await key('3');
    await until(ui.lastFrame, (x) => x.includes('2026-10-12 改为 请假'), 'the reason prompt');
    // Without a reason the rule refuses, as on the command line.
    await key('\r');
    await until(ui.lastFrame, (x) => x.includes('结账后的更正要写明原因'), 'the refusal without a reason');
    for (const ch of '补交病假条') await key(ch);
    await key('\r');
    // The saved line, not the prompt's absence: the footer's hints say 改为 too.
    await until(ui.lastFrame, (x) => x.includes('已更正 2026-10-12：到 → 请假') && x.includes('补交病假条'), 'the saved amendment');
    const month = office.view.get('attendanceMonths', '2026-10')!;
    expect(month.amendments).toEqual([{ on: '2026-10-31', date: '2026-10-12', idNumber: liu, from: { status: 'present' }, to: { status: 'excused', note: '补交病假条' }, reason: '补交病假条' }]);
    expect(office.view.all('outbound')).toHaveLength(2);

    await key('\u001B');
    await until(ui.lastFrame, (x) => x.includes('公益劳动月度汇总 2026-10'), 'back on the summary');
    await key('x');
    const form = await until(ui.lastFrame, (x) => x.includes('登记免于参加公益劳动') && x.includes('刘建国'), 'the exemption form');
    fits(form);
    await key(DOWN); // from
    await key(DOWN); // to
    for (const ch of '2026-12-31') await key(ch);
    await key('\u0013'); // Ctrl-S
    await until(ui.lastFrame, (x) => x.includes('公益劳动月度汇总 2026-10'), 'back on the summary after saving');
    const ex = office.view.all('exemptions');
    expect(ex.map((e) => [e.id, e.idNumber, e.kind, e.from, e.to])).toEqual([['M0001', liu, '残疾', '2026-10-31', '2026-12-31']]);

    await key('e');
    const list = await until(ui.lastFrame, (x) => x.includes('M0001') && x.includes('生效中'), 'the exemptions');
    fits(list);
    await key('e');
    await until(ui.lastFrame, (x) => x.includes('M0001 刘建国 的最后一天：2026-10-31'), 'the end prompt');
    for (let i = 0; i < 10; i++) await key(BS);
    for (const ch of '2026-10-01') await key(ch);
    await key('\r');
    await until(ui.lastFrame, (x) => x.includes('2026-10-01') && x.includes('早于'), 'the refusal of a day before the start');
    for (let i = 0; i < 10; i++) await key(BS);
    for (const ch of '2026-11-15') await key(ch);
    await key('\r');
    await until(ui.lastFrame, (x) => x.includes('2026-10-31 – 2026-11-15'), 'the ended exemption');
    expect(office.view.get('exemptions', 'M0001')).toMatchObject({ to: '2026-11-15', endedOn: '2026-10-31' });
    ui.unmount();
    await office.settled();
  });
});
