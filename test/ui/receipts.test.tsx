// The receipts screen (issue 15 item 5), one key from the dashboard: every
// file read with its kind and outcome, a receipt's rows with the reasons of
// rejected ones, and the preview of an inbox file not read yet, which leaves
// the data folder as it was. At 80×24, in the real shell.
import { describe, it, expect, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASE, CHEN, ZHAO, csv, drop, makeOffice, sync } from '../support/office.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { renderEntry } from '../support/screen.js';
import { initialReceiptsState, receiptsKey, receiptsReducer } from '../../src/ui/screens/receipts/state.js';
import { reminders } from '../../src/dashboard/reminders.js';
import { DASHBOARD_MENU } from '../../src/ui/screens/dashboard/rows.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];

const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});

function hashes(root: string, rel = '', into: Record<string, string> = {}): Record<string, string> {
  for (const n of readdirSync(join(root, rel)).sort()) {
    const p = join(rel, n);
    if (n.startsWith('.lock')) continue;
    if (statSync(join(root, p)).isDirectory()) hashes(root, p, into);
    else into[p] = createHash('sha256').update(readFileSync(join(root, p))).digest('hex');
  }
  return into;
}

/** Whether head.json and summary.json both reflect the journal's end (no checkpoint still being written). */
function checkpointed(dir: string): boolean {
  const end = statSync(join(dir, 'journal.jsonl')).size;
  const at = (f: string) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { end?: number }).end;
  return at('head.json') === end && at('summary.json') === end;
}

const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, return: false, escape: false, pageUp: false, pageDown: false } as never;

describe('the receipts screen', () => {
  it('state: Enter opens a row, the arrows scroll the receipt, Esc closes it', () => {
    const rows = [{ key: 'a', text: 'a' }, { key: 'h', text: 'h', selectable: false }, { key: 'b', text: 'b' }];
    expect(receiptsKey(initialReceiptsState, rows, 10, '', { ...(noKey as object), return: true } as never)).toEqual({ open: 0 });
    const down = receiptsKey(initialReceiptsState, rows, 10, 'j', noKey);
    expect(down).toEqual({ action: { type: 'select', index: 2 } });
    const open = receiptsReducer(initialReceiptsState, { type: 'show', detail: { title: 'x', rows: Array.from({ length: 30 }, (_, i) => ({ row: i, result: '拒绝', reason: '', caseNo: '', idNumber: '' })), preview: false } });
    const scrolled = receiptsReducer(open, { type: 'scroll', by: 100, height: 10 });
    expect(scrolled.top).toBe(20);
    expect(receiptsKey(scrolled, rows, 10, '', { ...(noKey as object), escape: true } as never)).toEqual({ action: { type: 'close' } });
    expect(receiptsReducer(scrolled, { type: 'close' }).detail).toBeNull();
    expect(DASHBOARD_MENU.v).toBe('receipts');
  });

  it('shows the files read, a receipt with its rejected rows, and previews an inbox file writing nothing', async () => {
    const t = await makeOffice({ now: '2026-11-26' });
    drop(t, 'decisions.csv', csv(DECISION, [
      [CASE(4), ZHAO, '赵德明', '不予批准', '2026-11-25', '', '', '', '', '', '存款超标', '430105'],
      [CASE(3), CHEN, '陈志强', '批准', '2026-13-45', '低保', '2', '900', '2026-12', 'A', '', '430105'],
    ]));
    await sync(t);
    expect(reminders(t.office.view, '2026-11-26').rejectedFiles).toHaveLength(1);
    drop(t, 'later.csv', csv(DECISION, [[CASE(3), CHEN, '陈志强', '批准', '2026-11-25', '低保', '4', '900', '2026-12', 'A', '', '430105']]));

    const r = renderEntry(t.office, 'receipts');
    mounted.push(r);
    const list = await until(r, (f) => f.includes('decisions.csv') && f.includes('later.csv'), 'the list with the inbox');
    expect(list).toContain('部分');
    expect(list).toContain('收件箱里未读的文件 1 个');
    expect(overflow(list)).toEqual([]);
    // Opening the receipts is the clerk's look: the dashboard stops reminding of the file.
    await until(r, () => reminders(t.office.view, '2026-11-26').rejectedFiles.length === 0, 'the look recorded');
    // The look is committed (the journal) before the checkpoint it makes is written: wait for that too.
    await until(r, () => checkpointed(t.dir), 'the look checkpointed');

    await press(r, KEY.enter);
    const receipt = await until(r, (f) => f.includes('拒绝'), 'the receipt');
    expect(receipt).toContain('已应用');
    expect(receipt).toMatch(/审批日期/);
    await press(r, KEY.escape);
    await until(r, (f) => f.includes('收件箱里未读'), 'back to the list');

    const before = hashes(t.dir);
    await press(r, 'j', KEY.enter);
    const preview = await until(r, (f) => f.includes('预览 later.csv'), 'the preview');
    expect(preview).toContain('什么都没有应用');
    expect(preview).toContain('已应用');
    expect(hashes(t.dir)).toEqual(before);
  });
});
