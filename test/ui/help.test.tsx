// `?` on every screen lists that screen's keys (the hints it gave useKeys)
// and the keys of every screen, in the process's language; any key closes it
// and the screen under it keeps what was typed.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { handBuiltOffice, H, TODAY } from '../support/handBuilt.js';
import { KEY, renderApp } from '../support/ui.js';
import type { Office } from '../../src/store/office.js';
import { setLang } from '../../src/i18n/index.js';

process.env.JIUZHU_NOW = TODAY;
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

let office: Office;
let app: ReturnType<typeof renderApp> | null = null;
beforeEach(async () => {
  ({ office } = await handBuiltOffice());
});
afterEach(() => {
  app?.unmount();
  app = null;
  setLang('zh');
});

/** The lines inside the help overlay's frame. */
function overlay(frame: string): string[] {
  const ls = frame.split('\n');
  const top = ls.findIndex((l) => l.includes('╭'));
  const bottom = ls.findIndex((l) => l.includes('╰'));
  return top === -1 ? [] : ls.slice(top + 1, bottom);
}

describe('the help overlay', () => {
  it('on the dashboard lists its keys, then the global keys, and closes on any key', async () => {
    app = renderApp(office);
    await app.see('到期复核');
    await app.press('?');
    const f = await app.see('本页按键');
    app.fits();
    const box = overlay(f).join('\n');
    for (const s of ['↑↓ Enter 打开', 'r 在保', 'i 受理', 'p 报表', 'n 核对', '全局按键', 'r 在保对象']) expect(box).toContain(s);
    await app.press('x');
    await app.see('到期复核');
    expect(app.frame()).not.toContain('本页按键');
  });

  it('on the operator screen, before anyone is chosen, lists choosing and typing a name', async () => {
    // Two clerks have signed here: the app asks who is working.
    await office.transact({ operator: '李娜', source: 'local', action: 'test' }, (tx) => tx.put('meta', 'operators', { id: 'operators', names: ['李娜'] }));
    app = renderApp(office, { operator: null });
    await app.see('请选择经办人');
    await app.press('?');
    const f = await app.see('本页按键');
    const box = overlay(f).join('\n');
    for (const s of ['↑↓ 选择', '输入 新姓名', 'Enter 确定']) expect(box).toContain(s);
    await app.press(KEY.space);
    await app.see('请选择经办人');
    // `?` in a name being typed is typed.
    await app.press('李', '?');
    await app.see('李?▏');
  });

  it('on a form opens from a choice or an empty field, lists the form keys, and the form keeps what was typed', async () => {
    app = renderApp(office, { first: { id: 'exit', params: { enrolmentId: `${H[5]}:低保` } } });
    await app.see('渐退期登记 司马光明');
    await app.press('?');
    let f = await app.see('本页按键');
    expect(overlay(f).join('\n')).toContain('Ctrl-S 保存');
    await app.press('x');
    await app.see('渐退期登记 司马光明');
    await app.press(KEY.down, '东风物业 保洁员', KEY.down, KEY.down);
    await app.press('?');
    f = await app.see('本页按键');
    expect(overlay(f).join('\n')).toContain('Esc 存草稿返回');
    await app.press('x');
    f = await app.see('东风物业 保洁员');
    expect(f).not.toContain('本页按键');
  });

  it('speaks English with --lang en: the screen keys and the global keys, no Chinese but data', async () => {
    setLang('en');
    app = renderApp(office);
    await app.see('Dashboard');
    await app.press('?');
    const f = await app.see('Keys on this screen:');
    app.fits();
    const box = overlay(f);
    for (const s of ['r recipients', 'Everywhere: / find a household', 'Press any key to close the help.']) expect(box.join('\n')).toContain(s);
    expect(box.filter((l) => CJK.test(l))).toEqual([]);
    // The footer too: the screen's keys and the global ones.
    expect(f.split('\n').at(-1)).toMatch(/^↑↓ Enter open {2}r recipients.*\? help/);
  });
});
