// The merge rules of spec/exchange.md, one by one, on a real office in a
// temp folder with the public fixtures' four cases.
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  CASE, CHEN, HUANG, LIU, ZHAO, FIXTURE_FILES, FIXTURE_INBOX,
  csv, drop, dropFixture, makeOffice, readReceipt, stateOf, sync, type TestOffice,
} from '../support/office.js';
import { openPending } from '../../src/office/pending.js';
import { queueOutbound, OUTBOUND_COLUMNS } from '../../src/exchange/outbound.js';
import { calendarOf, standardsOf } from '../../src/office/context.js';
import { standardOn } from '../../src/rules/eligibility.js';
import type { Case, Enrolment } from '../../src/office/model.js';
import { Office } from '../../src/store/office.js';
import { caseHistory } from '../../src/case/history.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];
const REVIEW = ['申请编号', '身份证号', '审核结果', '审核日期', '审核意见', '发送单位代码'];
const CHANGE = ['身份证号', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '救助类别', '原因'];
const ROSTER = ['户主身份证号', '成员身份证号', '成员姓名', '与户主关系', '救助类别', '月保障金额(元)', '起始年月', '户主姓名', '分类'];

const approve = (n: number, id: string, date: string, yuan: number, extra: Partial<Record<string, string>> = {}) =>
  DECISION.map((h) => ({ 申请编号: CASE(n), 身份证号: id, 审批结果: '批准', 审批日期: date, 救助类别: '低保', 保障人数: '1', '月保障金额(元)': String(yuan), 起始年月: '2026-12', 分类: 'A', 发送单位代码: '430105', ...extra })[h] ?? '');
const refuse = (n: number, id: string, date: string, reason = '存款超标') =>
  DECISION.map((h) => ({ 申请编号: CASE(n), 身份证号: id, 审批结果: '不予批准', 审批日期: date, 原因: reason, 发送单位代码: '430105' })[h] ?? '');
const review = (n: number, id: string, result: string, date: string, note = '') =>
  REVIEW.map((h) => ({ 申请编号: CASE(n), 身份证号: id, 审核结果: result, 审核日期: date, 审核意见: note, 发送单位代码: '430105003' })[h] ?? '');

const caseOf = (t: TestOffice, n: number) => t.office.view.get('cases', CASE(n)) as Case;
const enrolmentOf = (t: TestOffice, id: string) => t.office.view.get('enrolments', `h${id}:低保`) as Enrolment | undefined;
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

async function runFile(t: TestOffice, name: string, content: string | Buffer) {
  drop(t, name, content);
  const r = await sync(t);
  const f = r.files.find((x) => x.name === name);
  if (!f) throw new Error(`${name} not processed: ${JSON.stringify(r)}`);
  return { file: f, receipt: await readReceipt(t, f.receipt), report: r };
}

describe('the public fixtures', () => {
  it('merge one by one as their README says', async () => {
    const t = await makeOffice({ now: '2026-12-21' });
    const receipts: Record<string, Awaited<ReturnType<typeof readReceipt>>> = {};
    for (const f of FIXTURE_FILES) {
      const { receipt, file } = await runFile(t, f, readFileSync(join(FIXTURE_INBOX, f)));
      receipts[f] = receipt;
      const dataRows = readFileSync(join(FIXTURE_INBOX, f), 'utf8').trim().split(/\r?\n/).length - 1;
      expect(receipt, f).toHaveLength(dataRows);
      expect(receipt.map((r) => r.结果), f).not.toContain('拒绝');
      expect(file.outcome).toBe('applied');
    }
    expect(receipts['01-standard.csv']!.every((r) => r.结果 === '已应用')).toBe(true);
    expect(standardOn(standardsOf(t.office.view), '城市', '低保', '2027-01-01')?.monthlyFen).toBe(90000);
    expect(calendarOf(t.office.view).isWorkday('2027-01-31')).toBe(true);
    expect(calendarOf(t.office.view).isWorkday('2027-02-08')).toBe(false);

    expect(caseOf(t, 3).verifications.map((v) => [v.item, v.found])).toEqual([['住房公积金', true], ['工商登记', false]]);
    expect(caseOf(t, 4).verifications.find((v) => v.item === '存款')?.amountFen).toBe(8600000);

    expect([1, 2, 3, 4].map((n) => caseOf(t, n).status)).toEqual(['approved', 'approved', 'returned', 'rejected']);
    expect(caseOf(t, 3).township?.note).toContain('工资流水');
    expect(caseOf(t, 4).decision?.reason).toContain('存款');

    expect(receipts['07-roster.csv']!.map((r) => r.结果)).toEqual(['未变化', '未变化', '未变化', '未变化', '已应用', '已应用', '已应用']);
    const enrolments = (t.office.view.all('enrolments') as Enrolment[]).map((e) => [e.householdId, e.status, e.monthlyAmountFen, e.persons, e.caseNo]).sort();
    expect(enrolments).toEqual([
      ['h430105194612033264', 'active', 70000, 1, CASE(2)],
      ['h430105195806211414', 'active', 110000, 2, null],
      ['h430105197504092770', 'active', 90000, 1, null],
      ['h430105197803152315', 'active', 115000, 3, CASE(1)],
    ]);
    expect(openPending(t.office.view)).toEqual([]);

    const again = await sync(t);
    expect(again.files).toEqual([]);
  });

  it('reach the same final state in any order of the first six files', async () => {
    const orders = [
      FIXTURE_FILES.slice(0, 6),
      [...FIXTURE_FILES.slice(0, 6)].reverse(),
      ['06-benefit-change.csv', '03-verification.csv', '05-county-decision.csv', '01-standard.csv', '04-township-review.csv', '02-holidays.csv'],
    ];
    const states = [];
    for (const order of orders) {
      const t = await makeOffice({ now: '2026-12-21' });
      for (const f of order) {
        dropFixture(t, f);
        await sync(t);
      }
      dropFixture(t, '07-roster.csv');
      await sync(t);
      states.push(stateOf(t.office, { openPendingOnly: true }));
    }
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    expect(Object.keys(states[0]!.pending as object)).toEqual([]);
  });

  it('keep a benefit change that comes before its enrolment, and apply it when the enrolment appears', async () => {
    const t = await makeOffice({ now: '2026-12-21' });
    const first = await runFile(t, 'change.csv', readFileSync(join(FIXTURE_INBOX, '06-benefit-change.csv')));
    expect(first.receipt.map((r) => r.结果)).toEqual(['待处理', '待处理']);
    expect(first.receipt[0]!.原因).toBe('本社区暂无此保障对象');
    expect(openPending(t.office.view).map((p) => p.kind)).toEqual(['change-without-enrolment', 'change-without-enrolment']);
    await runFile(t, 'decision.csv', readFileSync(join(FIXTURE_INBOX, '05-county-decision.csv')));
    expect(enrolmentOf(t, LIU)?.monthlyAmountFen).toBe(115000);
    expect(enrolmentOf(t, HUANG)?.monthlyAmountFen).toBe(70000);
    expect(openPending(t.office.view)).toEqual([]);
  });
});

describe('enrolments the office had before any file', () => {
  it('take benefit changes in date order, whatever order their files come in', async () => {
    const states = [];
    for (const order of [['a', 'b'], ['b', 'a']]) {
      const t = await makeOffice({ now: '2026-12-21' });
      // Entered from the office's old ledger: no decision or roster behind it.
      await t.office.transact({ operator: '王芳', source: 'local', action: 'import.ledger' }, (tx) =>
        tx.put('enrolments', `h${LIU}:低保`, {
          id: `h${LIU}:低保`, householdId: `h${LIU}`, program: '低保', status: 'active', monthlyAmountFen: 90000, persons: 3,
          covered: [LIU], category: 'B', since: '2024-03', caseNo: null, history: [{ at: '2024-03-01T09:00:00+08:00', event: 'approved', month: '2024-03', amountFen: 90000, source: 'local' }],
        }),
      );
      const files = {
        a: csv(CHANGE, [[LIU, '停发', '2027-01', '2026-12-10', '', '低保', '外出务工']]),
        b: csv(CHANGE, [[LIU, '恢复', '2027-03', '2027-02-20', '980', '低保', '返乡']]),
      };
      for (const k of order) {
        const { receipt } = await runFile(t, `${k}.csv`, files[k as 'a' | 'b']);
        expect(receipt[0]!.结果).not.toBe('待处理');
      }
      expect(enrolmentOf(t, LIU)).toMatchObject({ status: 'active', monthlyAmountFen: 98000, since: '2024-03', caseNo: null });
      expect(openPending(t.office.view)).toEqual([]);
      states.push(stateOf(t.office));
    }
    expect(states[1]).toEqual(states[0]);
  });
});

describe('idempotence', () => {
  it('skips content it has processed, and answers a copy under another name with 重复文件', async () => {
    const t = await makeOffice();
    const body = readFileSync(join(FIXTURE_INBOX, '04-township-review.csv'));
    await runFile(t, 'review.csv', body);
    const seq = t.office.journalHead.seq;
    expect((await sync(t)).files).toEqual([]);
    expect(t.office.journalHead.seq).toBe(seq);

    const dup = await runFile(t, 'sub/review.sync-conflict-20261120-101010-ABCDEFG.csv', body);
    expect(dup.file.outcome).toBe('duplicate');
    expect(dup.file.receipt).toBe(`receipt-${sha(body).slice(0, 8)}-review.sync-conflict-20261120-101010-ABCDEFG.csv`);
    expect(dup.receipt).toEqual([{ 行号: '0', 结果: '未变化', 原因: expect.stringContaining('重复文件'), 申请编号: '', 身份证号: '' }]);
    expect(caseHistory(t.office.view, caseOf(t, 1)).filter((h) => h.event === 'township-approved')).toHaveLength(1);
  });

  it('treats the same decisions re-exported in another file as unchanged', async () => {
    const t = await makeOffice();
    await runFile(t, 'a.csv', csv(DECISION, [approve(1, LIU, '2026-11-25', 1000)]));
    const before = stateOf(t.office);
    // Same rows, another column order and a full-width header: another file, the same decision.
    const other = ['审批日期', '申请编号', '身份证号', '审批结果', '救助类别', '保障人数', '月保障金额（元）', '起始年月', '分类', '发送单位代码'];
    const row = { 审批日期: '2026年11月25日', 申请编号: CASE(1), 身份证号: LIU, 审批结果: '同意', 救助类别: '低保', 保障人数: '1', '月保障金额（元）': '1,000.00', 起始年月: '2026-12', 分类: '一类', 发送单位代码: '430105' } as Record<string, string>;
    const { receipt } = await runFile(t, 'b.csv', csv(other, [other.map((h) => row[h]!)]));
    expect(receipt.map((r) => r.结果)).toEqual(['未变化']);
    expect(stateOf(t.office)).toEqual(before);
  });
});

describe('order and staleness', () => {
  it('keeps an older decision that arrives late in the history as stale and reports 已过时', async () => {
    const t = await makeOffice();
    await runFile(t, 'new.csv', csv(DECISION, [approve(2, HUANG, '2026-11-25', 650)]));
    const { receipt } = await runFile(t, 'old.csv', csv(DECISION, [refuse(2, HUANG, '2026-11-20')]));
    expect(receipt[0]!.结果).toBe('已过时');
    const c = caseOf(t, 2);
    expect(c.status).toBe('approved');
    expect(c.decision?.result).toBe('批准');
    const events = caseHistory(t.office.view, c).filter((h) => h.source !== 'local').map((h) => [h.event, h.date, h.stale ?? false]);
    expect(events).toEqual([
      ['rejected', '2026-11-20', true],
      ['approved', '2026-11-25', false],
    ]);
  });

  it('lets a newer decision reverse an approval: the case is rejected and its enrolment ends', async () => {
    const t = await makeOffice();
    await runFile(t, 'a.csv', csv(DECISION, [approve(2, HUANG, '2026-11-25', 650)]));
    expect(enrolmentOf(t, HUANG)?.status).toBe('active');
    const { receipt } = await runFile(t, 'b.csv', csv(DECISION, [refuse(2, HUANG, '2026-12-01', '复核发现有房产')]));
    expect(receipt[0]!.结果).toBe('已应用');
    expect(caseOf(t, 2).status).toBe('rejected');
    expect(enrolmentOf(t, HUANG)?.status).toBe('terminated');
  });

  it('breaks a same-day tie by county over township, then by SHA-256, then by row', async () => {
    const t = await makeOffice();
    await runFile(t, 'county.csv', csv(DECISION, [approve(1, LIU, '2026-11-25', 1000)]));
    const r1 = await runFile(t, 'township.csv', csv(REVIEW, [review(1, LIU, '退回', '2026-11-25', '补材料')]));
    expect(caseOf(t, 1).status).toBe('approved');
    expect(caseOf(t, 1).township?.result).toBe('退回');
    // The township's own result is recorded, but it is not newer than the county's decision: 已过时 (issue 15 item 9).
    expect(r1.receipt[0]!.结果).toBe('已过时');

    // Two county decisions of the same day in two files: the higher SHA-256 wins.
    const x = csv(DECISION, [approve(2, HUANG, '2026-11-25', 650)]);
    const y = csv(DECISION, [refuse(2, HUANG, '2026-11-25')]);
    const winner = sha(x) > sha(y) ? '批准' : '不予批准';
    await runFile(t, 'x.csv', x);
    await runFile(t, 'y.csv', y);
    expect(caseOf(t, 2).decision?.result).toBe(winner);

    // Within one file, the later row wins.
    const { receipt } = await runFile(t, 'rows.csv', csv(REVIEW, [review(3, CHEN, '同意', '2026-11-20'), review(3, CHEN, '退回', '2026-11-20', '请补充')]));
    expect(caseOf(t, 3).status).toBe('returned');
    expect(receipt.map((r) => r.结果)).toEqual(['已过时', '已应用']);
  });

  it('does not let an older result move a case that was corrected and resubmitted', async () => {
    const t = await makeOffice();
    await runFile(t, 'r1.csv', csv(REVIEW, [review(3, CHEN, '退回', '2026-11-20', '请补充工资流水')]));
    await t.office.transact({ operator: '王芳', source: 'local', action: 'case.submit' }, (tx) =>
      void tx.update('cases', CASE(3), (c) => {
        c.status = 'submitted';
        c.submittedOn = '2026-11-24';
      }),
    );
    const { receipt } = await runFile(t, 'r2.csv', csv(REVIEW, [review(3, CHEN, '退回', '2026-11-20', '请补充工资流水。')]));
    expect(receipt[0]!.结果).toBe('已过时');
    expect(caseOf(t, 3).status).toBe('submitted');
    await runFile(t, 'r3.csv', csv(REVIEW, [review(3, CHEN, '同意', '2026-11-26')]));
    expect(caseOf(t, 3).status).toBe('township-approved');
  });
});

describe('a township result against the county decision (issue 15 item 9)', () => {
  it('reports a township row of the same date or older than the county decision as 已过时, in either order', async () => {
    for (const countyFirst of [true, false]) {
      const t = await makeOffice();
      const county = csv(DECISION, [approve(1, LIU, '2026-11-25', 1000)]);
      const same = csv(REVIEW, [review(1, LIU, '退回', '2026-11-25', '补材料'), review(1, LIU, '同意', '2026-11-20')]);
      const first = countyFirst ? await runFile(t, 'county.csv', county) : await runFile(t, 'township.csv', same);
      const second = countyFirst ? await runFile(t, 'township.csv', same) : await runFile(t, 'county.csv', county);
      const townshipReceipt = countyFirst ? second.receipt : first.receipt;
      const countyReceipt = countyFirst ? first.receipt : second.receipt;
      if (countyFirst) expect(townshipReceipt.map((r) => r.结果)).toEqual(['已过时', '已过时']);
      expect(countyReceipt[0]!.结果).toBe('已应用');
      expect(caseOf(t, 1).status).toBe('approved');
      // A township review dated after the county decision is current again.
      const later = await runFile(t, 'later.csv', csv(REVIEW, [review(1, LIU, '退回', '2026-11-26', '补材料')]));
      expect(later.receipt[0]!.结果).toBe('已应用');
      expect(caseOf(t, 1).status).toBe('returned');
    }
  });
});

describe('cross-checks and ownership', () => {
  it('rejects a row whose case is not ours or whose ID is not the householder, and applies the good rows', async () => {
    const t = await makeOffice();
    const rows = [
      review(1, LIU, '同意', '2026-11-20'),
      review(9, LIU, '同意', '2026-11-20'),
      review(2, LIU, '同意', '2026-11-20'),
      REVIEW.map((h) => ({ 申请编号: '430105003002-2026-0001', 身份证号: LIU, 审核结果: '同意', 审核日期: '2026-11-20', 发送单位代码: '430105003' })[h] ?? ''),
      REVIEW.map((h) => ({ 申请编号: CASE(4), 身份证号: ZHAO, 审核结果: '同意', 审核日期: '2026-11-20', 发送单位代码: '430106' })[h] ?? ''),
    ];
    const { receipt, file } = await runFile(t, 'mixed.csv', csv(REVIEW, rows));
    expect(file.outcome).toBe('partial');
    expect(receipt.map((r) => [r.行号, r.结果])).toEqual([['2', '已应用'], ['3', '拒绝'], ['4', '拒绝'], ['5', '拒绝'], ['6', '拒绝']]);
    expect(receipt[1]!.原因).toContain('本社区没有申请编号');
    expect(receipt[2]!.原因).toContain('不是申请');
    expect(receipt[2]!.原因).toContain('户主');
    expect(receipt[3]!.原因).toContain('不属于本社区');
    expect(receipt[4]!.原因).toContain('发送单位不是本社区的上级单位');
    expect([1, 2, 4].map((n) => caseOf(t, n).status)).toEqual(['township-approved', 'accepted', 'accepted']);
  });

  it('keeps a decision on a withdrawn case for the clerk without touching the case', async () => {
    const t = await makeOffice();
    await t.office.transact({ operator: '王芳', source: 'local', action: 'case.withdraw' }, (tx) => void tx.update('cases', CASE(2), (c) => void (c.status = 'withdrawn')));
    const { receipt } = await runFile(t, 'd.csv', csv(DECISION, [approve(2, HUANG, '2026-11-25', 650)]));
    expect(receipt[0]!.结果).toBe('待处理');
    expect(caseOf(t, 2).status).toBe('withdrawn');
    expect(caseOf(t, 2).decision).toBeNull();
    expect(enrolmentOf(t, HUANG)).toBeUndefined();
    expect(openPending(t.office.view).map((p) => [p.kind, p.caseNo, p.householderName])).toEqual([['decision-on-withdrawn', CASE(2), '黄桂英']]);
  });

  it('never overwrites what the community recorded', async () => {
    const t = await makeOffice();
    const before = caseOf(t, 1);
    await runFile(t, 'all.csv', readFileSync(join(FIXTURE_INBOX, '05-county-decision.csv')));
    const after = caseOf(t, 1);
    for (const k of ['householdId', 'program', 'area', 'applicationDate', 'acceptedOn', 'circumstances', 'materials', 'interview', 'investigation', 'review', 'notice'] as const) {
      expect(after[k], k).toEqual(before[k]);
    }
    const household = t.office.view.get('households', `h${LIU}`);
    expect(household?.address).toBe('东风路158号东风二村7栋302');
  });

  it('rejects a whole file with --strict when one row is bad, and applies nothing', async () => {
    const t = await makeOffice();
    const { receipt, file } = await runFile(t, 's.csv', csv(REVIEW, [review(1, LIU, '同意', '2026-11-20'), review(2, HUANG, '同意', '11/20/2026')]));
    expect(file.outcome).toBe('partial');
    const t2 = await makeOffice();
    drop(t2, 's.csv', csv(REVIEW, [review(1, LIU, '同意', '2026-11-20'), review(2, HUANG, '同意', '11/20/2026')]));
    const r = await sync(t2, { strict: true });
    const strict = await readReceipt(t2, r.files[0]!.receipt);
    expect(strict.map((x) => x.结果)).toEqual(['拒绝', '拒绝']);
    expect(strict[0]!.原因).toContain('严格模式');
    expect(strict[1]!.原因).toContain('2026-11-20');
    expect(caseOf(t2, 1).status).toBe('accepted');
    expect(r.files[0]!.outcome).toBe('rejected');
    expect(receipt[0]!.结果).toBe('已应用');
  });
});

describe('verification findings', () => {
  it('accumulate with their dates and never change a decision', async () => {
    const t = await makeOffice();
    const H = ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'];
    await runFile(t, 'v1.csv', csv(H, [[CASE(4), ZHAO, '存款', '无', '2026-11-05', '', '']]));
    const { receipt } = await runFile(t, 'v2.csv', csv(H, [[CASE(4), ZHAO, '存款', '有', '2026-11-12', '86000', '定期存款'], [CASE(4), ZHAO, '存款', '无', '2026-11-05', '', '']]));
    expect(receipt.map((r) => r.结果)).toEqual(['已应用', '未变化']);
    expect(caseOf(t, 4).verifications.map((v) => [v.date, v.found])).toEqual([['2026-11-05', false], ['2026-11-12', true]]);
    expect(caseOf(t, 4).status).toBe('accepted');
  });
});

describe('roster', () => {
  it('creates the households the office lacks, leaves agreeing ones, and flags differences and unlisted recipients', async () => {
    const t = await makeOffice({ now: '2026-12-01' });
    await runFile(t, 'd.csv', readFileSync(join(FIXTURE_INBOX, '05-county-decision.csv')));
    const rows = [
      [LIU, LIU, '刘建国', '户主', '低保', '1100', '2026-12', '刘建国', 'B'],
      [LIU, '430105198007222428', '周秀兰', '配偶', '低保', '1100', '2026-12', '刘建国', 'B'],
      [LIU, '430105195001081181', '刘桂芝', '父母', '低保', '1100', '2026-12', '刘建国', 'B'],
      ['430105197504092770', '430105197504092770', '彭建军', '户主', '低保', '900', '2025-03', '彭建军', 'A'],
    ];
    const { receipt } = await runFile(t, 'roster.csv', csv(ROSTER, rows));
    expect(receipt.map((r) => r.结果)).toEqual(['待处理', '待处理', '待处理', '已应用']);
    expect(receipt[0]!.原因).toContain('月保障金额');
    expect(enrolmentOf(t, LIU)?.monthlyAmountFen).toBe(100000);
    const peng = enrolmentOf(t, '430105197504092770');
    expect(peng).toMatchObject({ status: 'active', monthlyAmountFen: 90000, persons: 1, caseNo: null, since: '2025-03' });
    expect(t.office.view.get('members', '430105197504092770')?.name).toBe('彭建军');
    const pending = openPending(t.office.view).map((p) => [p.kind, p.householderName]).sort();
    expect(pending).toEqual([['roster-differs', '刘建国'], ['roster-unlisted', '黄桂英']]);
    expect(enrolmentOf(t, HUANG)?.status).toBe('active'); // flagged, never removed
  });

  it('rejects the rows of a household whose rows disagree with each other', async () => {
    const t = await makeOffice();
    const rows = [
      ['430105197504092770', '430105197504092770', '彭建军', '户主', '低保', '900', '2025-03', '彭建军', 'A'],
      ['430105197504092770', '430105195806211414', '邓福生', '其他', '低保', '800', '2025-03', '彭建军', 'A'],
    ];
    const { receipt } = await runFile(t, 'roster.csv', csv(ROSTER, rows));
    expect(receipt.map((r) => r.结果)).toEqual(['拒绝', '拒绝']);
    expect(enrolmentOf(t, '430105197504092770')).toBeUndefined();
  });
});

describe('receipts and keeping', () => {
  it('keeps every file read under sync/received by its hash, and rewrites a receipt missing after a crash', async () => {
    const t = await makeOffice();
    const body = Buffer.from('not a csv at all \u0000\u0001\u0002', 'latin1');
    const { file, receipt } = await runFile(t, 'junk.csv', body);
    expect(file.outcome).toBe('rejected');
    expect(receipt).toHaveLength(1);
    expect(receipt[0]!.行号).toBe('0');
    expect(readFileSync(join(t.dir, 'sync', 'received', sha(body)))).toEqual(body);

    const path = join(t.shared, 'outbox', 'receipts', file.receipt);
    rmSync(path);
    const reopened = await Office.open(t.dir, { env: t.env });
    await sync({ ...t, office: reopened });
    expect(existsSync(path)).toBe(true);
  });
});

describe('publishing', () => {
  it('writes queued files once, named by kind, office and time, with the formula guard and the chosen encoding', async () => {
    const t = await makeOffice({ now: '2026-11-17T09:30:00+08:00' });
    await t.office.transact({ operator: '王芳', source: 'local', action: 'case.submit' }, (tx) => {
      const cols = OUTBOUND_COLUMNS.members;
      queueOutbound(tx, 'members', cols, [[CASE(1), '=HYPERLINK("x")', LIU, '户主', '有', '', '1200.00']], '上报');
      queueOutbound(tx, 'members', cols, [[CASE(2), '黄桂英', HUANG, '户主', '无', '', '0.00']], '上报');
    });
    const r = await sync(t);
    expect(r.exported).toEqual(['members-430105003001-20261117093000.csv', 'members-430105003001-20261117093001.csv']);
    const first = readFileSync(join(t.shared, 'outbox', r.exported[0]!));
    expect([...first.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(first.toString('utf8')).toContain(`'=HYPERLINK(""x"")`);
    expect((await sync(t)).exported).toEqual([]);

    await t.office.transact({ operator: '王芳', source: 'local', action: 'settings' }, (tx) => {
      tx.update('settings', 'office', (s) => void (s.office.outboundEncoding = 'gb18030'));
      queueOutbound(tx, 'members', OUTBOUND_COLUMNS.members, [[CASE(3), '陈志强', CHEN, '户主', '有', '', '3000.00']], '上报');
    });
    const g = await sync(t);
    const body = readFileSync(join(t.shared, 'outbox', g.exported[0]!));
    expect(iconv.decode(body, 'gb18030')).toContain('陈志强');
    expect(body.includes(Buffer.from('陈志强', 'utf8'))).toBe(false);
  });
});
