// Order-free merging (exchange.md rule 2), as a property: whatever order a
// set of inbound files arrives in, with copies and repeats, the final
// stores are the same.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE, HUANG, LIU, ZHAO, CHEN, FIXTURE_FILES, FIXTURE_INBOX, csv, drop, makeOffice, stateOf, sync } from '../support/office.js';

const fixture = (f: string) => readFileSync(join(FIXTURE_INBOX, f), 'utf8');

const DECISION = ['申请编号', '身份证号', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因'];
const CHANGE = ['身份证号', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '原因'];
const REVIEW = ['申请编号', '身份证号', '审核结果', '审核日期', '审核意见'];

/** The fixtures plus files that make order matter if anything is wrong. */
const FILES: { name: string; body: string }[] = [
  ...FIXTURE_FILES.map((f) => ({ name: f, body: fixture(f) })),
  // A late, older county decision for -0004 (stale whenever it comes).
  { name: 'old-decision.csv', body: csv(DECISION, [[CASE(4), ZHAO, '批准', '2026-11-22', '低保', '2', '500', '2026-12', 'C', '']]) },
  // 黄桂英 suspended, then resumed at a new amount.
  { name: 'suspend.csv', body: csv(CHANGE, [[HUANG, '停发', '2027-02', '2027-01-20', '', '住院期间核查']]) },
  { name: 'resume.csv', body: csv(CHANGE, [[HUANG, '恢复', '2027-03', '2027-02-25', '720', '核查完毕']]) },
  // A same-day township review for -0001 that the county decision outranks.
  { name: 'township-again.csv', body: csv(REVIEW, [[CASE(1), LIU, '退回', '2026-11-25', '请补充材料']]) },
  // -0003 approved after its return, and the same day a second row in another file.
  { name: 'chen-approve.csv', body: csv(DECISION, [[CASE(3), CHEN, '批准', '2026-12-10', '低保', '4', '1200', '2027-01', 'B', '']]) },
  { name: 'chen-refuse.csv', body: csv(DECISION, [[CASE(3), CHEN, '不予批准', '2026-12-10', '', '', '', '', '', '公积金余额超标']]) },
];

async function finalState(order: number[]) {
  const t = await makeOffice({ now: '2026-12-21' });
  for (const [step, i] of order.entries()) {
    const f = FILES[i]!;
    // Another name at every arrival: a copy is found by its content, not its name.
    drop(t, `${String(step).padStart(2, '0')}-${f.name}`, f.body);
    await sync(t);
  }
  const s = stateOf(t.office, { openPendingOnly: true });
  // The roster's flags compare it with the office *as it is when it arrives* (exchange.md), so they are left out.
  s.pending = Object.fromEntries(Object.entries(s.pending as Record<string, { kind: string }>).filter(([, p]) => !p.kind.startsWith('roster-')));
  return s;
}

describe('merging is order-free', () => {
  it('gives the same final stores for any order of the files, with duplicates', async () => {
    const calm = await finalState(FILES.map((_, i) => i));
    // Sanity: the files did what they say, so the property compares something that matters.
    const cases = calm.cases as Record<string, { status: string }>;
    expect(cases[CASE(3)]!.status).toMatch(/approved|rejected/);
    const enrolments = calm.enrolments as Record<string, { status: string; monthlyAmountFen: number }>;
    expect(enrolments[`h${HUANG}:低保`]).toMatchObject({ status: 'active', monthlyAmountFen: 72000 });

    const indices = FILES.map((_, i) => i);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }),
        fc.array(fc.tuple(fc.nat({ max: indices.length - 1 }), fc.nat({ max: indices.length })), { maxLength: 3 }),
        async (perm, dups) => {
          const order = [...perm];
          for (const [file, at] of dups) order.splice(at, 0, file);
          expect(await finalState(order)).toEqual(calm);
        },
      ),
      { numRuns: 20, seed: 20261123 },
    );
  }, 240_000);
});

describe('a township row never outranks a county decision of the same or a later date', () => {
  const review = (result: string, date: string) => REVIEW.map((h) => ({ 申请编号: CASE(1), 身份证号: LIU, 审核结果: result, 审核日期: date, 审核意见: '' })[h] ?? '');
  const decide = (result: string, date: string) =>
    DECISION.map((h) => ({ 申请编号: CASE(1), 身份证号: LIU, 审批结果: result, 审批日期: date, 救助类别: '低保', 保障人数: '1', '月保障金额(元)': result === '批准' ? '800' : '', 起始年月: '2026-12', 分类: 'A', 原因: result === '批准' ? '' : '存款超标' })[h] ?? '');
  const day = (n: number) => `2026-11-${String(10 + n).padStart(2, '0')}`;

  it('is 已过时 and leaves the county status, whatever the dates and the order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10 }),
        fc.nat({ max: 5 }),
        fc.constantFrom('同意', '退回', '不同意'),
        fc.constantFrom('批准', '不予批准'),
        fc.boolean(),
        async (countyDay, earlier, tResult, cResult, townshipFirst) => {
          const t = await makeOffice();
          {
            const files = [
              { name: 'county.csv', body: csv(DECISION, [decide(cResult, day(countyDay))]) },
              { name: 'township.csv', body: csv(REVIEW, [review(tResult, day(Math.max(0, countyDay - earlier)))]) },
            ];
            if (townshipFirst) files.reverse();
            let townshipResult: string | undefined;
            for (const f of files) {
              drop(t, f.name, f.body);
              const r = await sync(t);
              const rec = r.files.find((x) => x.name === 'township.csv');
              if (rec) townshipResult = rec.stale === 1 ? '已过时' : rec.applied === 1 ? '已应用' : rec.outcome;
            }
            const c = t.office.view.get('cases', CASE(1)) as { status: string };
            expect(c.status).toBe(cResult === '批准' ? 'approved' : 'rejected');
            // Read before the county file came, the township row was current then; read after it, never.
            if (!townshipFirst) expect(townshipResult).toBe('已过时');
          }
        },
      ),
      { numRuns: 12, seed: 20261203 },
    );
  }, 240_000);
});
