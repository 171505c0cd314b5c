// The dashboard's lines and where Enter on each one leads, without rendering.
import { describe, expect, it } from 'vitest';
import { handBuiltOffice, H, TODAY, CASE_NO } from '../support/handBuilt.js';
import { dashboard } from '../../src/dashboard/dashboard.js';
import { DASHBOARD_MENU, dashboardRows } from '../../src/ui/screens/dashboard/rows.js';
import { setLang } from '../../src/i18n/index.js';

describe('the dashboard rows', () => {
  it('lead each line to its screen; headings are not selectable', async () => {
    const { office } = await handBuiltOffice();
    const { rows, targets } = dashboardRows(dashboard(office.view, TODAY));
    const heads = rows.filter((r) => r.selectable === false).map((r) => r.text);
    expect(heads).toEqual(expect.arrayContaining(['已超期 1 件', '临近期限 1 件', '公示中 1 件', '到期复核 3 户', '待处理 1 项']));
    expect(targets.get(`o${CASE_NO(1)}`)).toEqual({ id: 'case', params: { caseNo: CASE_NO(1) } });
    expect(targets.get(`r${H[5]}:低保`)).toEqual({ id: 'review', params: { enrolmentId: `${H[5]}:低保` } });
    expect(targets.get(`qroster-unlisted:${H[4]}`)).toEqual({ id: 'reconcile', params: { pendingId: `roster-unlisted:${H[4]}` } });
    expect(targets.get('session')).toEqual({ id: 'attendance', params: { date: TODAY } });
    expect(targets.get('freports')).toEqual({ id: 'report' });
    // every selectable row leads somewhere
    for (const r of rows.filter((x) => x.selectable !== false)) expect(targets.has(r.key), r.key).toBe(true);
  });

  it('give every row its own key, also a reminder head and its first line (React lost lines with the same key)', async () => {
    const { office } = await handBuiltOffice();
    const d = dashboard(office.view, TODAY);
    const reminders = { ...d.reminders, investigations: [{ caseNo: CASE_NO(1), householderName: '刘建国', due: TODAY, daysLeft: 0, overdue: false }] };
    const { rows } = dashboardRows({ ...d, reminders });
    const keys = rows.map((r) => r.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(rows.some((r) => r.key === `minv${CASE_NO(1)}`)).toBe(true);
  });

  it('speak the process language', async () => {
    const { office } = await handBuiltOffice();
    setLang('en');
    try {
      const { rows } = dashboardRows(dashboard(office.view, TODAY));
      expect(rows.map((r) => r.text)).toEqual(expect.arrayContaining(['Overdue, 1 case', 'Reviews due, 3 households', 'Waiting, 1 item']));
      expect(rows.find((r) => r.key === `r${H[5]}:低保`)!.text).toMatch(/cat\. B +due 2026-11-01, 18 days ago/);
    } finally {
      setLang('zh');
    }
  });

  it('has a menu key for every screen it names', () => {
    expect(Object.values(DASHBOARD_MENU).sort()).toEqual(['attendance', 'cancellations', 'cases', 'intake', 'receipts', 'recipients', 'reconcile', 'report', 'settings']);
  });
});
