// The rules the case screen used to keep for itself, now one function each in
// src/case/, checked here without rendering anything.
import { describe, it, expect, beforeAll } from 'vitest';
import { handBuiltOffice, CASE_NO, H } from '../support/handBuilt.js';
import { newCase, type Case, type CaseStatus } from '../../src/office/model.js';
import type { Office } from '../../src/store/office.js';
import { communityDeadlineOf, noticeEndOf, refusalNoticeDueOf } from '../../src/case/deadlines.js';
import { canCorrect, COMMUNITY_STATUSES } from '../../src/case/statuses.js';
import { refusalOf } from '../../src/case/refusal.js';
import { nextActions } from '../../src/case/next.js';
import { CASE_STATUSES } from '../../src/office/model.js';

let office: Office;
beforeAll(async () => {
  ({ office } = await handBuiltOffice());
});

function aCase(status: CaseStatus, more: Partial<Case> = {}): Case {
  return {
    ...newCase({
      caseNo: CASE_NO(99),
      householdId: H[0]!,
      program: '低保',
      area: '城市',
      status,
      applicationDate: '2026-11-02',
      acceptedOn: status === 'draft' ? null : '2026-11-02',
      circumstances: [],
      materials: [],
      interview: '',
      history: [],
    }),
    ...more,
  };
}

const county = (result: '批准' | '不予批准') => ({ result, date: '2026-11-16', program: null, persons: null, monthlyAmountFen: null, category: null, startMonth: null, reason: '收入超标', by: '区民政局' });

describe('the refusal-notice deadline', () => {
  it('runs 3 working days (the setting) from the county refusal, and is overdue after it', () => {
    const c = aCase('rejected', { decision: county('不予批准') });
    // 2026-11-16 is a Monday: three working days on is Thursday
    expect(refusalNoticeDueOf(c, office.view, '2026-11-19')).toEqual({ date: '2026-11-19', overdue: false });
    expect(refusalNoticeDueOf(c, office.view, '2026-11-20')).toEqual({ date: '2026-11-19', overdue: true });
  });
  it('does not exist for an approval or an undecided case', () => {
    expect(refusalNoticeDueOf(aCase('approved', { decision: county('批准') }), office.view, '2026-11-19')).toBeNull();
    expect(refusalNoticeDueOf(aCase('submitted'), office.view, '2026-11-19')).toBeNull();
  });
});

describe('what counts as a refusal', () => {
  it('is the county refusal, or the township refusal while the county has not decided', () => {
    expect(refusalOf(aCase('rejected', { decision: county('不予批准') }))).toEqual({ by: 'county', date: '2026-11-16', reason: '收入超标' });
    const township = { result: '不同意' as const, date: '2026-11-12', note: '有车辆' };
    expect(refusalOf(aCase('submitted', { township }))).toEqual({ by: 'township', date: '2026-11-12', reason: '有车辆' });
    expect(refusalOf(aCase('approved', { township, decision: county('批准') }))).toBeNull();
    expect(refusalOf(aCase('noticing'))).toBeNull();
  });
});

describe('the community statuses and the correctable ones', () => {
  it('run the community clock only while the community has the case', () => {
    expect([...COMMUNITY_STATUSES]).toEqual(['accepted', 'investigated', 'reviewed', 'noticing', 'returned']);
    expect(communityDeadlineOf(aCase('accepted'), office.view, '2026-11-03')?.date).toBe('2026-11-23');
    expect(communityDeadlineOf(aCase('submitted'), office.view, '2026-11-03')).toBeNull();
    expect(communityDeadlineOf(aCase('draft'), office.view, '2026-11-03')).toBeNull();
  });
  it('allow a correction before submission and after a return, never while upstream or once closed', () => {
    const yes = CASE_STATUSES.filter((s) => canCorrect(s));
    expect(yes).toEqual(['draft', 'accepted', 'investigated', 'reviewed', 'noticing', 'returned']);
  });
});

describe('the notice end date', () => {
  it('is the setting’s calendar days on, the start day included', () => {
    expect(noticeEndOf(office.view, '2026-11-10')).toBe('2026-11-16');
  });
});

describe('what may happen next to a case', () => {
  it('lists the steps the way allows, the correction and the printable forms', () => {
    expect(nextActions(aCase('accepted'))).toEqual({ steps: ['investigate', 'withdraw'], correct: true, forms: ['receipt', 'application'] });
    expect(nextActions(aCase('submitted'))).toEqual({ steps: ['withdraw'], correct: false, forms: ['receipt', 'application'] });
    expect(nextActions(aCase('rejected', { decision: county('不予批准') }))).toEqual({ steps: [], correct: false, forms: ['receipt', 'application', 'refusal'] });
  });
});

describe('a case number that is not here', () => {
  it('gets one message, whichever surface asks', async () => {
    const { caseOrThrow, CaseNotFound } = await import('../../src/case/lookup.js');
    const { advanceCase } = await import('../../src/case/steps.js');
    const { correctCase } = await import('../../src/case/correction.js');
    const { exportAgain } = await import('../../src/case/steps.js');
    const message = '没有申请编号为 430105003001-2026-0099 的申请：请用 jiuzhu case list 查看编号';
    expect(() => caseOrThrow(office.view, ' 430105003001-2026-0099 ')).toThrow(CaseNotFound);
    expect(() => caseOrThrow(office.view, '430105003001-2026-0099')).toThrow(message);
    expect(caseOrThrow(office.view, CASE_NO(1)).caseNo).toBe(CASE_NO(1));
    const meta = { operator: '王芳', source: 'local' as const, action: 'test' };
    type Tx = Parameters<typeof exportAgain>[0];
    const attempts: ((tx: Tx) => unknown)[] = [
      (tx) => advanceCase(tx, '430105003001-2026-0099', 'accept'),
      (tx) => correctCase(tx, '430105003001-2026-0099', { note: 'x' }),
      (tx) => exportAgain(tx, '430105003001-2026-0099'),
    ];
    for (const fn of attempts) {
      await expect(office.transact(meta, fn)).rejects.toThrow(message);
    }
  });
});
