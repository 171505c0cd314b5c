// Single-person coverage in the app (issue 15 item 2): the dashboard's pending
// line leads to the coverage form, the members the county's 原因 names come
// ticked, and the clerk's choice is kept; the archive and the recipients list
// show who is covered. At 80×24, in the real shell.
import { describe, it, expect, afterEach } from 'vitest';
import { CASE, CHEN, csv, drop, makeOffice, sync } from '../support/office.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { renderEntry } from '../support/screen.js';
import { openPending } from '../../src/office/pending.js';
import type { Enrolment } from '../../src/office/model.js';
import { coverageQuestion } from '../../src/recipients/coverage.js';
import { coverKey, coverReducer, initialCoverState, tickedOf } from '../../src/ui/screens/cover/state.js';
import { dashboard } from '../../src/dashboard/dashboard.js';
import { dashboardRows } from '../../src/ui/screens/dashboard/rows.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];
const LI_MEI = '430105198405061666';
const CHEN_HAORAN = '430105201209014170';
const WANG = '430105195502172081';

const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});

async function partial() {
  const t = await makeOffice({ now: '2026-11-26' });
  drop(t, 'd.csv', csv(DECISION, [[CASE(3), CHEN, '陈志强', '批准', '2026-11-25', '低保', '2', '900', '2026-12', 'A', '仅保障李梅、陈浩然', '430105']]));
  await sync(t);
  return t;
}

const noKey = { upArrow: false, downArrow: false, return: false } as never;

describe('the coverage form', () => {
  it('state: the named members come ticked; Space changes a tick; Enter saves the ticks', async () => {
    const t = await partial();
    const q = coverageQuestion(t.office.view, CASE(3))!;
    expect(tickedOf(initialCoverState, q).sort()).toEqual([LI_MEI, CHEN_HAORAN].sort());
    let s = coverReducer(initialCoverState, { type: 'select', index: 1 });
    const k = coverKey(s, q, ' ', noKey);
    expect(k).toEqual({ action: { type: 'toggle', id: WANG, from: tickedOf(s, q) } });
    s = coverReducer(s, (k as { action: never }).action);
    expect(tickedOf(s, q)).toContain(WANG);
    expect(coverKey(s, q, '', { ...(noKey as object), return: true } as never)).toEqual({ save: tickedOf(s, q) });
  });

  it('opens from the dashboard, is shown in the archive and the recipients list, and keeps the choice', async () => {
    const t = await partial();
    const target = dashboardRows(dashboard(t.office.view, '2026-11-26')).targets;
    expect([...target.values()]).toContainEqual({ id: 'cover', params: { caseNo: CASE(3) } });

    const list = renderEntry(t.office, 'recipients');
    mounted.push(list);
    expect(await until(list, (f) => f.includes('待选保障成员'), 'the recipients list')).toContain('陈志强');
    list.unmount();

    const archive = renderEntry(t.office, 'archive', { params: { key: CHEN } });
    mounted.push(archive);
    await until(archive, (f) => f.includes('一户一档') || f.includes('陈志强'), 'the archive');
    await press(archive, '3');
    const benefits = await until(archive, (f) => f.includes('保障成员：'), 'the benefits tab');
    expect(benefits).toMatch(/保障成员：(李梅、陈浩然|陈浩然、李梅)（待选定）/);
    archive.unmount();

    const r = renderEntry(t.office, 'cover', { params: { caseNo: CASE(3) } });
    mounted.push(r);
    const form = await until(r, (f) => f.includes('请勾选保障的成员'), 'the form');
    expect(form).toMatch(/\[x\].*李梅.*原因中写明/);
    expect(form).toMatch(/\[ \].*王淑珍/);
    expect(overflow(form)).toEqual([]);
    // Untick 陈浩然 (the last), tick 王淑珍 (the second), save.
    await press(r, 'j', 'j', 'j', ' ');
    await until(r, (f) => f.includes('已选 1 人'), 'one ticked');
    await press(r, 'k', 'k', ' ');
    await until(r, (f) => f.includes('已选 2 人'), 'two ticked');
    await press(r, KEY.enter);
    await until(r, () => openPending(t.office.view).every((p) => p.kind !== 'coverage-unchosen'), 'the choice kept');
    const e = t.office.view.get('enrolments', `h${CHEN}:低保`) as Enrolment;
    expect([...e.covered].sort()).toEqual([LI_MEI, WANG].sort());
  });
});
