import { describe, it, expect } from 'vitest';
import { markReducer, initialMarkState, unsavedMarks, countMarks } from '../../src/ui/screens/attendance/state.js';

describe('the marking screen state', () => {
  const lines = ['甲', '乙', '丙'].map((name, i) => ({ idNumber: `id${i}`, name, group: 1, task: '清扫', initials: ['j', 'y', 'b'][i]! }));

  it('moves on after each mark, asks a reason for a leave, and saves only what changed', () => {
    let s = initialMarkState(lines, { id0: { status: 'present' } });
    expect(s.cursor).toBe(1); // the first one not yet marked
    s = markReducer(s, { type: 'mark', status: 'excused' });
    expect(s.mode).toBe('reason');
    s = markReducer(s, { type: 'mark', status: 'absent' }); // ignored while asking
    s = markReducer(s, { type: 'reason', text: '  ' }); // an empty reason is not one
    expect(s.mode).toBe('reason');
    s = markReducer(s, { type: 'reason', text: '看病' });
    expect([s.mode, s.cursor]).toEqual(['list', 2]);
    s = markReducer(s, { type: 'restPresent' });
    expect(countMarks(s)).toEqual({ present: 2, late: 0, excused: 1, absent: 0, unmarked: 0 });
    expect(unsavedMarks(s)).toEqual([
      { idNumber: 'id1', mark: { status: 'excused', note: '看病' } },
      { idNumber: 'id2', mark: { status: 'present' } },
    ]);
    s = markReducer(s, { type: 'revert' });
    expect(s.marks.id2).toBeUndefined();
    s = markReducer(s, { type: 'move', by: 99 });
    expect(s.cursor).toBe(2);
    s = markReducer(s, { type: 'search' });
    s = markReducer(s, { type: 'query', text: 'y' });
    expect(s.cursor).toBe(1);
    s = markReducer(s, { type: 'query', text: '甲' });
    expect(s.cursor).toBe(0);
    s = markReducer(s, { type: 'cancel' });
    expect([s.mode, s.cursor]).toEqual(['list', 0]);
  });
});
