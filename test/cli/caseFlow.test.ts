import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice, outcome, step, WAY } from '../support/caseWay.js';
import { Office } from '../../src/store/office.js';
import type { Case } from '../../src/office/model.js';

// `any` below: JSON read back from the child process, checked by the assertions themselves.
/* eslint-disable @typescript-eslint/no-explicit-any */
const NO1 = '430105003001-2026-0001';
const NOW = { JIUZHU_NOW: '2026-11-02T09:30:00+08:00' };

function officeWith(...files: string[]): string {
  const data = tempOffice();
  initOffice(data);
  for (const f of files) expect(jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], NOW).code).toBe(0);
  return data;
}

function journal(data: string): string {
  return readFileSync(join(data, 'journal.jsonl'), 'utf8');
}

function show(data: string, caseNo: string, date = '2026-11-20') {
  return jiuzhu(['case', 'show', caseNo, '--json', '--data', data], { JIUZHU_NOW: date }).json<Record<string, any>>();
}

/** Sets what the sync merge would set (township/county results), for display tests. */
async function upper(data: string, caseNo: string, fn: (c: Case) => void): Promise<void> {
  const o = await Office.open(data);
  await o.transact({ operator: 'test', source: 'file:0000', action: 'test.upper' }, (tx) => void tx.update('cases', caseNo, fn));
}

describe('case advance: the way from acceptance to submission', () => {
  it('takes a case through investigation, review, notice, an objection and its re-verification to submit, and queues the two upward files', () => {
    const data = officeWith('01-liu-jianguo.json');
    for (const s of WAY) {
      const r = step(data, NO1, s.step, s.date, ...s.args);
      expect(r.code, `${s.step}: ${r.stderr}`).toBe(0);
    }
    const doc = show(data, NO1);
    expect(doc.status).toBe('submitted');
    expect(doc.notice).toEqual({
      start: '2026-11-10',
      end: '2026-11-16',
      objections: [{ id: 1, raisedOn: '2026-11-12', note: '有居民反映该户家中有小汽车一辆，要求核实', resolvedOn: '2026-11-13', resolution: '经再次入户核实及车管所查询，反映情况不属实' }],
    });
    expect(doc.investigation).toMatchObject({ date: '2026-11-04', by: ['王芳', '李强'], incomeVerified: true });
    expect(doc.review).toMatchObject({ date: '2026-11-06', result: '通过', panel: ['楼栋长张伟', '党员代表李华', '居民代表陈红'] });
    expect(doc.history.map((h: any) => [h.event, h.by, h.source, h.at.slice(0, 10)])).toEqual([
      ['created', '王芳', 'local', '2026-11-02'],
      ['accepted', '王芳', 'local', '2026-11-02'],
      ['investigated', '王芳', 'local', '2026-11-04'],
      ['reviewed', '王芳', 'local', '2026-11-06'],
      ['notice', '王芳', 'local', '2026-11-10'],
      ['objection', '王芳', 'local', '2026-11-12'],
      ['resolved', '王芳', 'local', '2026-11-13'],
      ['submitted', '王芳', 'local', '2026-11-17'],
    ]);
    // every step is one journal entry naming the operator and the action
    const entries = journal(data).trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.slice(-6).map((e) => [e.action, e.operator, e.source])).toEqual(WAY.map((s) => [`case.${s.step}`, '王芳', 'local']));

    const text = jiuzhu(['case', 'show', NO1, '--data', data], { JIUZHU_NOW: '2026-11-20' }).stdout;
    expect(text).toContain('入户调查 2026-11-04  王芳、李强');
    expect(text).toContain('民主评议 2026-11-06  通过  楼栋长张伟、党员代表李华、居民代表陈红');
    expect(text).toContain('异议1 2026-11-12 有居民反映该户家中有小汽车一辆，要求核实；2026-11-13 复核：');
    expect(text).toContain('上报街道 2026-11-17');
    // what may happen next, from the same rule as the case screen's menu
    expect(text).toContain('下一步：撤回申请（withdraw）');

    const { outbound } = outcome(data, NO1);
    expect(outbound.map((o) => o.kind)).toEqual(['applications', 'members']);

    // on demand, the same rows again; the status stays
    expect(jiuzhu(['case', 'export', NO1, '--data', data], { JIUZHU_NOW: '2026-11-19' }).code).toBe(0);
    const again = outcome(data, NO1).outbound;
    expect(again.map((o) => o.kind)).toEqual(['applications', 'members', 'applications', 'members']);
    expect(again[2]!.rows).toEqual(outbound[0]!.rows);
    expect(again[3]!.rows).toEqual(outbound[1]!.rows);
    expect(show(data, NO1).status).toBe('submitted');
    expect(outbound[0]!.rows).toEqual([[
      NO1, '刘建国', '430105197803152315', '低保', '3', '1550.00', '516.67', '52.3', '城市', '2026-11-02', '通过', '2026-11-10', '2026-11-16',
      '有居民反映该户家中有小汽车一辆，要求核实（已复核：经再次入户核实及车管所查询，反映情况不属实）', '东风路158号东风二村7栋302', '13873105126',
    ]]);
    expect(outbound[1]!.rows).toEqual([
      [NO1, '刘建国', '430105197803152315', '户主', '有', '', '1200.00'],
      [NO1, '周秀兰', '430105198007222428', '配偶', '无', '二级', '0.00'],
      [NO1, '刘桂芝', '430105195001081181', '父母', '无', '', '350.00'],
    ]);
  });

  it('refuses submit before the notice ends and with an open objection, saying why, and saves nothing', () => {
    const data = officeWith('01-liu-jianguo.json');
    for (const s of WAY.slice(0, 4)) expect(step(data, NO1, s.step, s.date, ...s.args).code).toBe(0);
    const before = journal(data);

    const early = step(data, NO1, 'submit', '2026-11-16');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('公示期到 2026-11-16 才结束，2026-11-17 起才能上报');

    const open = step(data, NO1, 'submit', '2026-11-17');
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('还有 1 条异议没有复核');
    expect(open.stderr).toContain('resolve');
    const again = jiuzhu(['case', 'export', NO1, '--data', data], { JIUZHU_NOW: '2026-11-17' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('还没有上报过');
    expect(journal(data)).toBe(before);
    expect(outcome(data, NO1).outbound).toEqual([]);
    expect(show(data, NO1).status).toBe('noticing');
  });

  it('refuses steps out of order with what must happen first', () => {
    const data = officeWith('01-liu-jianguo.json');
    const before = journal(data);
    const cases: [string, string[], string][] = [
      ['review', ['--result', '通过', '--by', '甲,乙,丙'], '请先完成入户调查（investigate）'],
      ['notice', [], '请先完成入户调查（investigate）和民主评议（review）'],
      ['submit', [], '请先完成公示（notice）'],
      ['objection', ['--note', 'x'], '只有公示期间才能登记异议'],
      ['investigate', ['--by', '王芳', '--note', '已入户'], '至少要两名调查人员'],
      ['investigate', ['--by', '王芳,李强'], '请用 --note 写明调查发现'],
      ['accept', [], '已于 2026-11-02 受理过'],
    ];
    for (const [s, args, msg] of cases) {
      const r = step(data, NO1, s, '2026-11-04', ...args);
      expect(r.code, s).toBe(1);
      expect(r.stderr, s).toContain(msg);
    }
    const future = step(data, NO1, 'investigate', '2026-11-04', '--by', '王芳,李强', '--note', 'x', '--date', '2026-11-05');
    expect(future.stderr).toContain('晚于今天');
    const unknown = step(data, NO1, 'approve', '2026-11-04');
    expect(unknown.code).toBe(2);
    expect(journal(data)).toBe(before);
  });

  it('records a review not held with its reason, and refuses it without one', () => {
    const data = officeWith('02-huang-guiying.json');
    const no = '430105003001-2026-0001';
    expect(step(data, no, 'investigate', '2026-11-03', '--by', '王芳,李强', '--note', '独居老人，无收入来源').code).toBe(0);
    const bare = step(data, no, 'review', '2026-11-04', '--result', '未评议');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('写明原因');
    expect(step(data, no, 'review', '2026-11-04', '--result', '未评议', '--note', '家庭情况无争议，未组织民主评议').code).toBe(0);
    expect(show(data, no).review).toEqual({ date: '2026-11-04', result: '未评议', panel: [], note: '家庭情况无争议，未组织民主评议' });
  });

  it('accepts a draft once the missing materials arrive, which starts the clock that day', () => {
    const data = tempOffice();
    initOffice(data);
    const raw = JSON.parse(readFileSync(join(INTAKE, '01-liu-jianguo.json'), 'utf8'));
    raw.materials = ['申请书', '户口簿', '身份证', '照片'];
    const file = join(data, '..', 'draft.json');
    writeFileSync(file, JSON.stringify(raw));
    const add = jiuzhu(['case', 'add', '--from', file, '--data', data], NOW);
    expect(add.stderr).toContain('缺 残疾证、收入证明');
    const partial = step(data, NO1, 'accept', '2026-11-05', '--materials', '残疾证');
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('还缺 收入证明');
    expect(step(data, NO1, 'investigate', '2026-11-05', '--by', '王芳,李强', '--note', 'x').stderr).toContain('请先补齐材料并受理');
    expect(step(data, NO1, 'accept', '2026-11-05', '--materials', '残疾证、收入证明').code).toBe(0);
    const doc = show(data, NO1, '2026-11-05');
    expect(doc.status).toBe('accepted');
    expect(doc.acceptedOn).toBe('2026-11-05');
    expect(doc.deadline).toBe('2026-11-26');
  });

  it('withdraws before a decision, and refuses after one', async () => {
    const data = officeWith('01-liu-jianguo.json', '02-huang-guiying.json');
    const w = step(data, NO1, 'withdraw', '2026-11-03', '--note', '申请人外出务工，主动撤回');
    expect(w.code).toBe(0);
    expect(show(data, NO1).history.at(-1)).toMatchObject({ event: 'withdrawn', note: '申请人外出务工，主动撤回' });
    expect(step(data, NO1, 'investigate', '2026-11-04', '--by', '甲,乙', '--note', 'x').stderr).toContain('申请已办结（已撤回）');

    const no2 = '430105003001-2026-0002';
    await upper(data, no2, (c) => {
      c.status = 'approved';
      c.decision = { result: '批准', date: '2026-11-25', program: '低保', persons: 1, monthlyAmountFen: 65000, category: 'A', startMonth: '2026-12' };
    });
    const late = step(data, no2, 'withdraw', '2026-11-26');
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('申请已办结（已批准）');
  });
});

describe('intake checks against what is registered', () => {
  it('refuses an ID number registered under another name, naming both', () => {
    const data = officeWith('01-liu-jianguo.json');
    const raw = JSON.parse(readFileSync(join(INTAKE, '02-huang-guiying.json'), 'utf8'));
    raw.members[0].idNumber = '430105195001081181'; // 刘桂芝's number, mistyped for 黄桂英
    const file = join(data, '..', 'typo.json');
    writeFileSync(file, JSON.stringify(raw));
    const before = journal(data);
    const r = jiuzhu(['case', 'add', '--from', file, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已登记为「刘桂芝」，与填写的姓名「黄桂英」不符');
    expect(journal(data)).toBe(before);
  });
});

describe('a case the township returns', () => {
  it('is corrected, then submitted again with both files queued again; the clock resumed from the return with the days left', async () => {
    const data = officeWith('01-liu-jianguo.json');
    for (const s of WAY) expect(step(data, NO1, s.step, s.date, ...s.args).code).toBe(0);
    await upper(data, NO1, (c) => {
      c.status = 'returned';
      c.township = { result: '退回', date: '2026-11-20', note: '请补充户主近六个月工资流水' };
      c.history.push({ at: '2026-11-20T15:00:00+08:00', event: 'returned', by: '街道审核员', source: 'file:0000', date: '2026-11-20' });
    });
    const doc = show(data, NO1, '2026-11-20');
    expect(doc.township).toEqual({ result: '退回', date: '2026-11-20', note: '请补充户主近六个月工资流水' });
    // accepted 11-02, submitted 11-17: 11 working days used, 4 left, counted from 11-20
    expect(doc.deadline).toBe('2026-11-26');

    const early = step(data, NO1, 'submit', '2026-11-23');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('case correct');

    const bare = jiuzhu(['case', 'correct', NO1, '--note', ' ', '--data', data], { JIUZHU_NOW: '2026-11-23' });
    expect(bare.code).toBe(1);
    const fix = jiuzhu(['case', 'correct', NO1, '--note', '按街道退回意见补交户主近六个月工资流水', '--materials', '工资流水', '--data', data], { JIUZHU_NOW: '2026-11-23T10:00:00+08:00', JIUZHU_OPERATOR: '王芳' });
    expect(fix.code, fix.stderr).toBe(0);
    expect(step(data, NO1, 'submit', '2026-11-23').code).toBe(0);
    const after = show(data, NO1, '2026-11-23');
    expect(after.status).toBe('submitted');
    expect(after.materials).toContain('工资流水');
    expect(after.history.slice(-3).map((h: any) => h.event)).toEqual(['returned', 'corrected', 'submitted']);
    expect(outcome(data, NO1).outbound.map((o) => [o.kind, o.queuedAt.slice(0, 10)])).toEqual([
      ['applications', '2026-11-17'], ['members', '2026-11-17'], ['applications', '2026-11-23'], ['members', '2026-11-23'],
    ]);
  });

  it('takes a corrected household from an intake file, marks a member who left, and refuses another program', async () => {
    const data = officeWith('03-chen-zhiqiang.json');
    const raw = JSON.parse(readFileSync(join(INTAKE, '03-chen-zhiqiang.json'), 'utf8'));
    const gone = raw.members.pop();
    raw.members[0].monthlyIncome = 900;
    raw.members[1].name = `${raw.members[1].name.slice(0, -1)}芳`; // a misspelt name put right
    const file = join(data, '..', 'fix.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = jiuzhu(['case', 'correct', NO1, '--note', '成员已分户，收入按新合同', '--from', file, '--data', data], { JIUZHU_NOW: '2026-11-03' });
    expect(r.code, r.stderr).toBe(0);
    const doc = show(data, NO1, '2026-11-03');
    expect(doc.members.map((m: any) => m.idNumber)).not.toContain(gone.idNumber);
    expect(doc.members[0].monthlyIncomeFen).toBe(90000);
    expect(doc.members[1].name).toBe(raw.members[1].name);
    raw.program = '特困';
    writeFileSync(file, JSON.stringify(raw));
    const other = jiuzhu(['case', 'correct', NO1, '--note', 'x', '--from', file, '--data', data], { JIUZHU_NOW: '2026-11-03' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('更正不能改变救助类别');
  });
});

describe('case list: deadlines and search', () => {
  it('shows days left across the 2026 National Day week as the hand-made table says', () => {
    const data = tempOffice();
    initOffice(data, '2026-09-28T09:00:00+08:00');
    const raw = JSON.parse(readFileSync(join(INTAKE, '01-liu-jianguo.json'), 'utf8'));
    raw.applicationDate = '2026-09-28';
    const file = join(data, '..', 'sep.json');
    writeFileSync(file, JSON.stringify(raw));
    expect(jiuzhu(['case', 'add', '--from', file, '--data', data], { JIUZHU_NOW: '2026-09-28' }).code).toBe(0);
    const no = '430105003001-2026-0001';
    // Hand-counted: 中秋 09-25..27, 国庆 10-01..07 off, 10-10 (Sat) a working day.
    // After 09-28: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5), 10-12…16 (6–10), 10-19…23 (11–15).
    const table: [string, number, boolean, boolean][] = [
      // today, days left, near, overdue
      ['2026-09-28', 15, false, false],
      ['2026-09-30', 13, false, false],
      ['2026-10-03', 13, false, false],
      ['2026-10-08', 12, false, false],
      ['2026-10-11', 10, false, false],
      ['2026-10-19', 4, false, false],
      ['2026-10-20', 3, true, false],
      ['2026-10-23', 0, true, false],
      ['2026-10-24', 0, true, false],
      ['2026-10-26', -1, false, true],
    ];
    for (const [today, left, near, overdue] of table) {
      const [row] = jiuzhu(['case', 'list', '--json', '--data', data], { JIUZHU_NOW: today }).json<any[]>();
      expect([today, row.deadline, row.daysLeft, row.near, row.overdue]).toEqual([today, '2026-10-23', left, near, overdue]);
    }
    const [first] = jiuzhu(['case', 'list', '--json', '--data', data], { JIUZHU_NOW: '2026-09-29' }).json<any[]>();
    expect(first.investigationDue).toBe('2026-10-08');
    expect(first.investigationOverdue).toBe(false);
    // The list says so once the investigation should have started (the rule of deadlines.ts, as the dashboard's reminder).
    const late = jiuzhu(['case', 'list', '--data', data], { JIUZHU_NOW: '2026-10-09' });
    expect(late.stdout).toContain('调查应于 2026-10-08 前开始，已超期');
    expect(jiuzhu(['case', 'list', '--json', '--data', data], { JIUZHU_NOW: '2026-10-09' }).json<any[]>()[0].investigationOverdue).toBe(true);
    const text = jiuzhu(['case', 'list', '--data', data], { JIUZHU_NOW: '2026-10-26' }).stdout;
    expect(text).toContain(`${no}  刘建国  低保  已受理  期限 2026-10-23（已超期 1 个工作日） ！超期`);
    expect(jiuzhu(['case', 'list', '--due', 'overdue', '--json', '--data', data], { JIUZHU_NOW: '2026-10-20' }).json<any[]>()).toEqual([]);
    expect(jiuzhu(['case', 'list', '--due', 'due', '--json', '--data', data], { JIUZHU_NOW: '2026-10-20' }).json<any[]>()).toHaveLength(1);
  });

  it('finds a household by name, pinyin initials, part of an ID number, or case number', () => {
    const data = officeWith('01-liu-jianguo.json', '02-huang-guiying.json', '03-chen-zhiqiang.json', '04-zhao-deming.json');
    const find = (q: string) => jiuzhu(['case', 'list', '--find', q, '--json', '--data', data], NOW).json<any[]>().map((r) => r.householderName);
    expect(find('黄桂英')).toEqual(['黄桂英']);
    expect(find('hgy')).toEqual(['黄桂英']);
    expect(find('zxl')).toEqual(['刘建国']); // 周秀兰, the wife, is a member of 刘建国's household
    expect(find('3152315')).toEqual(['刘建国']);
    expect(find('430105003001-2026-0003')).toEqual(['陈志强']);
    expect(find('不存在')).toEqual([]);
  });
});
