// Which month the app's `p` plans (the twin of `attendance plan --month`).
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labourOffice } from '../support/labour.js';
import { monthToPlan, planMonth } from '../../src/attendance/sessions.js';

describe('the month to plan', () => {
  it("is today's month while a scheduled day of it has no session, then the next month", async () => {
    const office = await labourOffice(join(mkdtempSync(join(tmpdir(), 'jiuzhu-plan-')), 'office'), { families: [] }, '2026-11-20');
    expect(monthToPlan(office.view, '2026-11-20')).toBe('2026-11');
    await office.transact({ operator: '王芳', source: 'local', action: 'attendance.plan' }, (tx) => void planMonth(tx, '2026-11'));
    expect(monthToPlan(office.view, '2026-11-20')).toBe('2026-12');
    await office.transact({ operator: '王芳', source: 'local', action: 'attendance.plan' }, (tx) => void planMonth(tx, '2026-12'));
    expect(monthToPlan(office.view, '2026-12-31')).toBe('2027-01');
  });
});
