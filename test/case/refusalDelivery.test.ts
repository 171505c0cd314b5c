// The refusal notice delivered (issue 15 item 5): one rule in
// src/case/refusalDelivery.ts, checked without rendering. Only a county
// refusal whose notice is owed may be marked, on a day between the refusal
// and today; once marked the notice is no longer owed, so the reminder stops.
import { describe, it, expect, beforeEach } from 'vitest';
import { handBuiltOffice, CASE_NO, H, TODAY } from '../support/handBuilt.js';
import { newCase, type Case, type CaseStatus } from '../../src/office/model.js';
import type { Office } from '../../src/store/office.js';
import { deliverRefusalNotice, refusalNoticeOf } from '../../src/case/refusalDelivery.js';
import { refusalNoticeDueOf } from '../../src/case/deadlines.js';
import { refusalNoticesOwed } from '../../src/dashboard/reminders.js';
import { caseDocument } from '../../src/case/document.js';
import { refusalNoticeLine } from '../../src/case/documentText.js';

const REFUSED = CASE_NO(98);
const APPROVED = CASE_NO(99);
const decision = (result: '批准' | '不予批准') => ({ result, date: '2026-11-16', program: null, persons: null, monthlyAmountFen: null, category: null, startMonth: null, reason: '存款超标', by: '区民政局' });

function aCase(caseNo: string, status: CaseStatus, household: string, more: Partial<Case>): Case {
  return {
    ...newCase({ caseNo, householdId: household, program: '低保', area: '城市', status, applicationDate: '2026-10-20', acceptedOn: '2026-10-20', circumstances: [], materials: [], interview: '', history: [] }),
    ...more,
  };
}

let office: Office;
beforeEach(async () => {
  ({ office } = await handBuiltOffice());
  await office.transact({ operator: '王芳', source: 'local', action: 'test.cases' }, (tx) => {
    tx.put('cases', REFUSED, aCase(REFUSED, 'rejected', H[6]!, { decision: decision('不予批准'), submittedOn: '2026-11-01' }));
    tx.put('cases', APPROVED, aCase(APPROVED, 'approved', H[5]!, { decision: decision('批准'), submittedOn: '2026-11-01' }));
  });
});

const deliver = (caseNo: string, input: Parameters<typeof deliverRefusalNotice>[2] = {}) =>
  office.transact({ operator: '王芳', source: 'local', action: 'case.deliver' }, (tx) => deliverRefusalNotice(tx, caseNo, input));

describe('recording the refusal notice as delivered', () => {
  it('keeps the day, who delivered it and a note, journals a history event, and the notice is no longer owed', async () => {
    expect(refusalNoticesOwed(office.view, TODAY).map((r) => r.caseNo)).toEqual([REFUSED]);
    const { result } = await deliver(REFUSED, { date: '2026-11-18', by: '李强', note: '本人签收' });
    expect(result).toEqual({ caseNo: REFUSED, date: '2026-11-18', by: '李强', note: '本人签收' });
    const c = office.view.get('cases', REFUSED)!;
    expect(c.refusalDelivered).toEqual({ date: '2026-11-18', by: '李强', note: '本人签收' });
    expect(c.history.at(-1)).toMatchObject({ event: 'refusalDelivered', by: '王芳', source: 'local', date: '2026-11-18' });
    expect(refusalNoticeDueOf(c, office.view, TODAY)).toBeNull();
    expect(refusalNoticesOwed(office.view, TODAY)).toEqual([]);
    expect(refusalNoticeOf(office.view, c, TODAY)).toEqual({ due: null, overdue: false, delivered: { date: '2026-11-18', by: '李强', note: '本人签收' } });
    const doc = caseDocument(office.view, c, TODAY);
    expect(refusalNoticeLine(doc.caseNo, doc.refusalNotice)?.text).toBe('通知书已送达 2026-11-18（送达人 李强）本人签收');
  });

  it('defaults to today and the operator', async () => {
    const { result } = await deliver(REFUSED);
    expect(result).toEqual({ caseNo: REFUSED, date: TODAY, by: '王芳', note: '' });
  });

  it('says the notice is owed, and by when, until then', () => {
    const doc = caseDocument(office.view, office.view.get('cases', REFUSED)!, TODAY);
    expect(doc.refusalNotice).toEqual({ due: '2026-11-19', overdue: false, delivered: null });
    expect(caseDocument(office.view, office.view.get('cases', APPROVED)!, TODAY).refusalNotice).toBeNull();
  });

  it('refuses a case the county did not refuse, a second delivery, a day before the refusal or after today, and changes nothing', async () => {
    await expect(deliver(APPROVED)).rejects.toThrow('区县没有不予批准这件申请');
    await expect(deliver(REFUSED, { date: '2026-11-15' })).rejects.toThrow('送达日期 2026-11-15 早于区县不予批准的日期 2026-11-16');
    await expect(deliver(REFUSED, { date: '2026-11-20' })).rejects.toThrow('晚于今天');
    await expect(deliver(REFUSED, { date: '11/18' })).rejects.toThrow('YYYY-MM-DD');
    await expect(deliver(CASE_NO(97))).rejects.toThrow(CASE_NO(97));
    expect(office.view.get('cases', REFUSED)!.refusalDelivered).toBeUndefined();
    await deliver(REFUSED, { date: '2026-11-16' });
    await expect(deliver(REFUSED)).rejects.toThrow('已于 2026-11-16 记录送达');
    expect(office.view.get('cases', REFUSED)!.history.filter((h) => h.event === 'refusalDelivered')).toHaveLength(1);
  });
});
