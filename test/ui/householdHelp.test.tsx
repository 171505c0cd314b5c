// ? on the household and recipients screens lists that screen's keys.
import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { handBuiltOffice, ID, TODAY } from '../support/handBuilt.js';
import { renderApp } from '../support/ui.js';
import type { Office } from '../../src/store/office.js';

process.env.JIUZHU_NOW = TODAY;

let office: Office;
let app: ReturnType<typeof renderApp> | null = null;
beforeAll(async () => {
  ({ office } = await handBuiltOffice());
});
afterEach(() => {
  app?.unmount();
  app = null;
});

const SCREENS: [id: string, params: Record<string, string>, ready: string, keys: string[]][] = [
  ['search', {}, '例如', ['Enter 打开档案', '↑↓ 选择']],
  ['archive', { key: ID(3) }, '王翠兰', ['n 备注', 'v 复核', '←→ 1-7 分页']],
  ['recipients', {}, '在保 4 户', ['v 复核', 'e 渐退', 'x 撤消登记', 'f 含已退出']],
  ['cancellations', {}, '待登记', ['Enter 登记/档案', 'h 档案']],
  ['reconcile', {}, '黎明', ['d 标为已处理']],
];

describe('? lists the keys of the screen', () => {
  it.each(SCREENS)('%s', async (id, params, ready, keys) => {
    app = renderApp(office, { first: { id, params } });
    await app.see(ready);
    await new Promise((r) => setTimeout(r, 50));
    await app.press('?');
    const f = await app.see('本页按键：');
    const listed = f.slice(f.indexOf('本页按键：'), f.indexOf('全局按键：'));
    for (const k of keys) expect(listed).toContain(k);
    app.fits();
    // Any key closes the help.
    await app.press('x');
    await app.until((fr) => !fr.includes('本页按键：'), 'the help closed');
  });
});

