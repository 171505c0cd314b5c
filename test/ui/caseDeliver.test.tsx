// The case screen records the refusal notice as delivered (`d`, or the menu
// entry), the twin of `jiuzhu case deliver`: in the real shell at 80×24, the
// owed line turns into 通知书已送达 <date>, the dashboard's reminder goes, and
// the archive says the same. Once in English.
import { describe, it, expect, afterEach } from 'vitest';
import { CASE, ZHAO, csv, drop, makeOffice, sync } from '../support/office.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { renderEntry } from '../support/screen.js';
import { untranslated } from '../support/english.js';
import { reminders } from '../../src/dashboard/reminders.js';
import { householdArchive } from '../../src/household/archive.js';
import { archiveRows } from '../../src/ui/screens/archive/rows.js';
import { ARCHIVE_TABS } from '../../src/ui/screens/archive/state.js';
import { setLang } from '../../src/i18n/index.js';
import { caseKey, initialCaseState, menuOf } from '../../src/ui/screens/case/state.js';

const DECISION = ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '发送单位代码'];
const TODAY = '2026-11-27';

const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
  setLang('zh');
});

async function refused() {
  const t = await makeOffice({ now: TODAY });
  drop(t, 'decisions.csv', csv(DECISION, [[CASE(4), ZHAO, '赵德明', '不予批准', '2026-11-25', '', '', '', '', '', '存款超标', '430105']]));
  await sync(t);
  return t;
}

describe('the case screen: the refusal notice delivered', () => {
  it('state: the menu offers it while the notice is owed, and `d` opens its form only then', async () => {
    const t = await refused();
    const c = t.office.view.get('cases', CASE(4))!;
    const menu = menuOf(c);
    expect(menu).toEqual(['deliver', 'print:receipt', 'print:application', 'print:refusal']);
    const noKey = {} as never;
    expect(caseKey(initialCaseState, 'd', noKey, menu, TODAY)).toEqual({ type: 'open', form: 'deliver', today: TODAY });
    expect(menuOf({ ...c, refusalDelivered: { date: TODAY, by: '李强', note: '' } })).not.toContain('deliver');
    expect(caseKey(initialCaseState, 'd', noKey, menu.slice(1), TODAY)).toBeNull();
  });

  it('`d` opens the form; saving it shows the delivery, stops the reminder, and the archive shows it too', async () => {
    const t = await refused();
    expect(reminders(t.office.view, TODAY).refusalNotices.map((r) => r.caseNo)).toEqual([CASE(4)]);
    const r = renderEntry(t.office, 'case', { params: { caseNo: CASE(4) } });
    mounted.push(r);
    const owed = await until(r, (f) => f.includes('不予批准通知书须于 2026-11-30 前送达'), 'the notice owed');
    expect(owed).toContain('记录通知书已送达');
    expect(overflow(owed)).toEqual([]);
    await press(r, '?');
    expect(await until(r, (f) => f.includes('本页按键'), 'the help')).toContain('d 记录送达');
    await press(r, 'x');
    await until(r, (f) => !f.includes('本页按键'), 'the help closed');

    await press(r, 'd');
    const form = await until(r, (f) => f.includes('送达人（默认本人）'), 'the delivery form');
    expect(form).toContain('区县 2026-11-25 不予批准，通知书须于 2026-11-30 前送达');
    expect(form).toContain(TODAY);
    expect(overflow(form)).toEqual([]);
    await press(r, KEY.down, '李强', KEY.down, '本人签收', KEY.ctrlS);
    const done = await until(r, (f) => f.includes('通知书已送达 2026-11-27（送达人 李强）本人签收'), 'the delivery shown');
    expect(done).toContain(`已记录：${CASE(4)} 不予批准通知书 2026-11-27 送达（送达人 李强）`);
    expect(done).not.toContain('记录通知书已送达');
    expect(done).not.toContain('前送达');
    expect(overflow(done)).toEqual([]);

    expect(t.office.view.get('cases', CASE(4))!.refusalDelivered).toEqual({ date: TODAY, by: '李强', note: '本人签收' });
    expect(reminders(t.office.view, TODAY).refusalNotices).toEqual([]);
    const a = householdArchive(t.office.view, `h${ZHAO}`, TODAY);
    const rows = archiveRows(a, ARCHIVE_TABS.indexOf('cases'), [], t.office.view).map((x) => x.text);
    expect(rows).toContain('  通知书已送达 2026-11-27（送达人 李强）本人签收');
  });

  it('refuses a date before the refusal and keeps what was typed; in English', async () => {
    const t = await refused();
    setLang('en');
    const r = renderEntry(t.office, 'case', { params: { caseNo: CASE(4) } });
    mounted.push(r);
    await until(r, (f) => f.includes('The refusal notice must be delivered by 2026-11-30'), 'the notice owed');
    await press(r, 'd');
    await until(r, (f) => f.includes('delivered by (default you)'), 'the form');
    for (let i = 0; i < 10; i++) await press(r, KEY.backspace);
    await press(r, '2026-11-20', KEY.ctrlS);
    const refusedFrame = await until(r, (f) => f.includes('is before the county refused on 2026-11-25'), 'the refusal');
    expect(refusedFrame).toContain('2026-11-20');
    expect(refusedFrame).toContain('delivered by (default you)');
    const body = refusedFrame.split('\n').slice(1, -2).join('\n');
    expect(untranslated(body, ['赵德明', '东风社区', '存款超标', '不予批准'])).toEqual([]);
    expect(t.office.view.get('cases', CASE(4))!.refusalDelivered).toBeUndefined();
  });
});
