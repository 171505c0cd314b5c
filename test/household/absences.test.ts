// The absence thresholds come from the office settings, not from a screen.
import { describe, it, expect } from 'vitest';
import { absenceLevel } from '../../src/household/absences.js';
import { householdArchive } from '../../src/household/archive.js';
import { defaultSettings } from '../../src/office/settings.js';
import { H, handBuiltOffice, ID, TODAY } from '../support/handBuilt.js';

describe('absence thresholds', () => {
  it('weighs a month of absences by the settings: warn at warnAbsences, recommend at recommendAbsences', () => {
    const { labour } = defaultSettings({ code: '430105003001', name: '东风社区' });
    expect([0, 1, 2, 3, 4].map((n) => absenceLevel(n, labour))).toEqual(['none', 'none', 'warn', 'recommend', 'recommend']);
    expect([0, 1, 2, 3, 4, 5].map((n) => absenceLevel(n, { warnAbsences: 1, recommendAbsences: 5 }))).toEqual(['none', 'warn', 'warn', 'warn', 'warn', 'recommend']);
  });

  it('the archive marks each month by the office settings, and follows a change of them', async () => {
    const { office } = await handBuiltOffice();
    const level = () => householdArchive(office.view, H[5]!, TODAY).attendance.find((l) => l.idNumber === ID(5))!.level;
    expect(level()).toBe('none'); // one absence, thresholds 2 / 3
    await office.transact({ operator: '王芳', source: 'local', action: 'settings.set' }, (tx) =>
      tx.update('settings', 'office', (s) => {
        s.labour.warnAbsences = 1;
      }),
    );
    expect(level()).toBe('warn');
    await office.transact({ operator: '王芳', source: 'local', action: 'settings.set' }, (tx) =>
      tx.update('settings', 'office', (s) => {
        s.labour.recommendAbsences = 1;
      }),
    );
    expect(level()).toBe('recommend');
  });
});
