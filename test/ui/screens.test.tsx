import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { handBuiltOffice, H, ID, TODAY, CASE_NO } from '../support/handBuilt.js';
import { columnOf, KEY, renderApp } from '../support/ui.js';
import type { Office } from '../../src/store/office.js';

process.env.JIUZHU_NOW = TODAY;

let office: Office;
let app: ReturnType<typeof renderApp> | null = null;
beforeEach(async () => {
  ({ office } = await handBuiltOffice());
});
afterEach(() => {
  app?.unmount();
  app = null;
});

function open(first?: { id: string; params?: Record<string, string> }, operator?: string | null) {
  app = renderApp(office, { first, operator });
  return app;
}

describe('the dashboard screen at 80×24', () => {
  it('shows every list with Chinese names, fits the frame, and lines its case columns up', async () => {
    const a = open();
    const f = await a.see('东风社区 工作台 2026-11-19');
    a.fits();
    expect(f).toContain('经办：王芳');
    for (const s of ['已超期 1 件', '临近期限 1 件', '公示中 1 件', '到期复核 3 户', '待处理 1 项', '今天 10:00–11:00 公益劳动：环境卫生清扫', '同步守护进程未运行']) expect(f).toContain(s);
    const over = a.lines().find((l) => l.includes('欧阳建国'))!;
    const near = a.lines().find((l) => l.includes('张三丰') && l.includes('已评议'))!;
    expect(columnOf(over, '低保')).toBe(columnOf(near, '低保'));
    expect(columnOf(over, '已调查')).toBe(columnOf(near, '已评议'));
    const r1 = a.lines().find((l) => l.includes('司马光明'))!;
    const r2 = a.lines().find((l) => l.includes('王翠兰'))!;
    expect(columnOf(r1, 'B类')).toBe(columnOf(r2, 'C类'));
  });

  it('each line leads to its screen: a review due opens the review form, Esc comes back', async () => {
    const a = open();
    await a.see('到期复核');
    // session, overdue case, near case, notice, then the first review due
    await a.press(KEY.down, KEY.down, KEY.down, KEY.down);
    await a.until((f) => f.split('\n').some((l) => l.startsWith('›') && l.includes('司马光明')), 'the cursor on 司马光明');
    await a.press(KEY.enter);
    await a.see('复核 司马光明  低保  B类（每 3 个月）');
    a.fits();
    await a.press(KEY.esc);
    await a.see('到期复核 3 户');
  });

  it('the help overlay lists the keys and closes on any key', async () => {
    const a = open();
    await a.see('工作台');
    await a.press('?');
    const f = await a.see('全局按键');
    a.fits();
    expect(f).toContain('r 在保对象');
    await a.press('x');
    await a.see('到期复核');
  });
});

describe('search and the household archive', () => {
  it('/ finds a household by pinyin initials and Enter opens its archive; Esc goes back past the search', async () => {
    const a = open();
    await a.see('工作台');
    await a.press('/');
    await a.see('查找');
    await a.press('oyjg');
    await a.see('找到 1 户');
    a.fits();
    await a.press(KEY.enter);
    const f = await a.see('1成员');
    a.fits();
    expect(f).toContain('欧阳建国  户主 ' + ID(0));
    // The long address is cut to the width, not wrapped onto another line.
    expect(f).toContain('住址 湖南省长沙市开福区东风路街道');
    const ls = a.lines();
    const m1 = ls.find((l) => l.includes('欧阳建国') && l.includes('岁'))!;
    const m2 = ls.find((l) => l.includes('欧阳小明'))!;
    expect(columnOf(m1, ID(0))).toBe(columnOf(m2, ID(0, 2)));
    expect(columnOf(m1, '劳动')).toBe(columnOf(m2, '劳动'));
    await a.press(KEY.esc);
    await a.see('到期复核');
  });

  it('every tab of the archive fits, and a note is added as a new entry signed by the operator', async () => {
    const a = open({ id: 'archive', params: { key: ID(3) } });
    await a.see('王翠兰');
    for (const [n, text] of [
      ['2', '（这一页没有记录）'],
      ['3', '低保  在保'],
      ['4', '2026-10-10  低保  维持'],
      ['5', '出勤 1'],
      ['7', '手工建立的测试社区'],
    ] as const) {
      await a.press(n);
      await a.see(text);
      a.fits();
    }
    await a.press('6', 'n');
    await a.see('新备注');
    await a.press('刘洋在读大专，学费由亲戚资助', KEY.enter);
    await a.see('备注已保存');
    await a.see('王芳：刘洋在读大专，学费由亲戚资助');
    a.fits();
    expect(office.view.get('households', H[3]!)!.notes).toEqual([{ at: `${TODAY}T09:00:00+08:00`, by: '王芳', text: '刘洋在读大专，学费由亲戚资助' }]);
    await a.press('7');
    await a.see('王芳  本社区  备注');
  });
});

describe('recipients, reviews and the registers', () => {
  it('the recipients list lines up amounts and categories, and v opens a review that is saved with its recommendation', async () => {
    const a = open({ id: 'recipients' });
    const f = await a.see('在保 4 户');
    a.fits();
    expect(f).not.toContain('赵钱孙'); // terminated: shown with f
    const ls = a.lines().filter((l) => l.includes('650 元'));
    expect(ls).toHaveLength(4);
    expect(new Set(ls.map((l) => columnOf(l, '650 元'))).size).toBe(1);
    expect(new Set(ls.map((l) => columnOf(l, '类 ') - 1)).size).toBe(1);
    await a.press('f');
    await a.see('赵钱孙');
    await a.press('f');
    // 黎明 is first; go to 王翠兰 (third)
    await a.press(KEY.down, KEY.down, 'v');
    await a.see('复核 王翠兰  低保  C类（每 1 个月）');
    a.fits();
    await a.press(KEY.down, '打零工，月收入约一千五', KEY.down, ' ', KEY.down, '750', KEY.down, KEY.right);
    await a.see('‹ 建议调整 ›');
    await a.press(KEY.enter);
    await a.see('已列入待处理');
    const r = office.view.get('reviews', `${H[3]}:低保@${TODAY}`);
    expect(r).toMatchObject({ findings: '打零工，月收入约一千五', incomeRechecked: true, perCapitaIncomeFen: 75000, recommendation: 'adjust', by: '王芳' });
    expect(office.view.get('pending', `review-recommendation:${H[3]}:低保`)).toMatchObject({ kind: 'review-recommendation', householderName: '王翠兰' });
  });

  it('a refused review keeps what was typed and names the field', async () => {
    const a = open({ id: 'review', params: { enrolmentId: `${H[5]}:低保` } });
    await a.see('复核 司马光明');
    await a.press(KEY.backspace, KEY.backspace, '32', KEY.ctrlS);
    await a.see('复核日期：「2026-11-32」不是日期');
    a.fits();
    expect(a.frame()).toContain('2026-11-32');
    expect(office.view.all('reviews').filter((r) => r.enrolmentId === `${H[5]}:低保`)).toHaveLength(0);
  });

  it('leaving a half-filled form keeps a draft that comes back; Ctrl-C saves it too', async () => {
    const a = open({ id: 'exit', params: { enrolmentId: `${H[5]}:低保` } });
    await a.see('渐退期登记 司马光明');
    a.fits();
    await a.press(KEY.down, '东风物业 保洁员');
    await a.see('东风物业 保洁员▏');
    await a.press(KEY.ctrlC);
    await a.until(() => office.view.get('drafts', `exit:${H[5]}:低保`) !== undefined, 'the draft saved');
    a.unmount();
    app = null;
    const b = open({ id: 'exit', params: { enrolmentId: `${H[5]}:低保` } });
    await b.see('东风物业 保洁员');
    await b.press(KEY.down, KEY.down, KEY.down, '1800', KEY.ctrlS);
    await b.see('渐退期已登记：司马光明 2026-11 至 2027-01');
    expect(office.view.get('drafts', `exit:${H[5]}:低保`)).toBeUndefined();
  });

  it('the cancellation register shows the county stop waiting; Enter registers it with who decided', async () => {
    const a = open({ id: 'cancellations' });
    await a.see('【待登记】区县已停发');
    a.fits();
    await a.press(KEY.enter);
    await a.see('撤消登记 赵钱孙  低保');
    a.fits();
    expect(a.frame()).toContain('家庭收入超过保障标准');
    await a.press(KEY.down, KEY.down, '开福区民政局 开民发〔2026〕31号', KEY.ctrlS);
    await a.see('已记入撤消登记：赵钱孙');
    await a.see('家庭收入超过保障…  开福区民政局');
    expect(a.frame()).not.toContain('【待登记】');
    expect(office.view.get('cancellations', `${H[6]}:低保`)).toMatchObject({ by: '王芳', effectiveMonth: '2026-12' });
  });

  it('the roster reconciliation list resolves an item with a note; the item is kept, stamped resolved', async () => {
    const a = open({ id: 'reconcile' });
    await a.see('花名册未列入  黎明');
    a.fits();
    await a.press('d', '已与区县核对，下月花名册补列', KEY.enter);
    await a.see('已标为处理完毕');
    expect(office.view.get('pending', `roster-unlisted:${H[4]}`)).toMatchObject({ resolvedOn: TODAY });
  });

  it('a case line opens the case screen inside the shell, and Esc comes back', async () => {
    const a = open();
    await a.see('工作台');
    await a.press('l');
    await a.see('Enter 打开');
    // The list's own key handler is attached after its first frame, as a person's next key would find it.
    await new Promise((r) => setTimeout(r, 300));
    await a.press(KEY.enter);
    await a.see('下一步');
    a.fits();
    await a.press(KEY.esc);
    await a.see('申请列表');
  });
});

describe('the operator', () => {
  it('is asked once when more than one clerk has signed here, and signs the session changes', async () => {
    await office.transact({ operator: '李娜', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'operators', { id: 'operators', names: ['李娜'] }));
    const a = open({ id: 'archive', params: { key: H[1]! } }, null);
    await a.see('请选择经办人');
    a.fits();
    await a.press(KEY.down, KEY.enter);
    await a.see('经办：李娜');
    await a.see('张三丰  户主');
    await a.press('n', '已送米面油', KEY.enter);
    await a.see('备注已保存');
    expect(office.view.get('households', H[1]!)!.notes.at(-1)).toMatchObject({ by: '李娜' });
  });
});
