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
