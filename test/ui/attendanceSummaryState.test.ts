import { describe, it, expect } from 'vitest';
import { initialSummaryState, summaryReducer } from '../../src/ui/screens/attendanceSummary/state.js';
import { initialMarkState, markReducer } from '../../src/ui/screens/attendance/state.js';

describe('the monthly summary screen state', () => {
  it('clamps the cursor to the people shown, starts a month and the filter at the top, and asks once before closing', () => {
    let s = initialSummaryState('2026-10');
    s = summaryReducer(s, { type: 'move', by: 5, count: 3 });
    expect(s.cursor).toBe(2);
    s = summaryReducer(s, { type: 'move', by: -9, count: 3 });
    expect(s.cursor).toBe(0);
    s = summaryReducer(s, { type: 'move', by: 1, count: 0 });
    expect(s.cursor).toBe(0);
    s = summaryReducer(summaryReducer(s, { type: 'move', by: 2, count: 3 }), { type: 'toggleFlagged' });
    expect([s.onlyFlagged, s.cursor]).toEqual([true, 0]);
    s = summaryReducer(s, { type: 'confirm' });
    expect(s.confirming).toBe(true);
    s = summaryReducer(s, { type: 'month', month: '2026-09' });
    expect(s).toEqual({ month: '2026-09', cursor: 0, onlyFlagged: true, confirming: false });
    s = summaryReducer(summaryReducer(s, { type: 'confirm' }), { type: 'answered' });
    expect(s.confirming).toBe(false);
  });
});

describe('the marking screen state: choosing a group', () => {
  it('asks for a group only with somebody under the cursor, and any key ends the question', () => {
    expect(markReducer(initialMarkState([], {}), { type: 'chooseGroup' }).mode).toBe('list');
    const lines = [{ idNumber: 'id0', name: '甲', group: 1, task: '清扫', initials: 'j' }];
    let s = markReducer(initialMarkState(lines, {}), { type: 'chooseGroup' });
    expect(s.mode).toBe('group');
    s = markReducer(s, { type: 'mark', status: 'present' }); // ignored while asking
    expect(s.marks).toEqual({});
    expect(markReducer(s, { type: 'cancel' }).mode).toBe('list');
  });
});
