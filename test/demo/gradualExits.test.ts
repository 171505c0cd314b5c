// The demo office has members on a gradual exit (渐退期), and its labour
// history follows them (round 3): no session marks a member from the exit's
// first month, the roster gives 已就业…渐退期 as the reason, and the
// dashboard reminds of an exit ending. Deterministic for the seed.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoOffice } from '../../src/demo/write.js';
import type { GenerateOptions } from '../../src/demo/generate.js';
import { Office } from '../../src/store/office.js';
import { reminders } from '../../src/dashboard/reminders.js';
import { personalReason, rosterDataOf } from '../../src/attendance/roster.js';
import { settingsOf } from '../../src/office/context.js';

const base: GenerateOptions = { seed: 1, households: 300, officeCode: '430105003001', officeName: '东风社区', today: '2026-11-23' };

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function demoOffice(opts: GenerateOptions): Promise<Office> {
  const root = await mkdtemp(join(tmpdir(), 'jiuzhu-demo-exit-'));
  dirs.push(root);
  await writeDemoOffice(join(root, 'data'), join(root, 'shared'), opts);
  return Office.open(join(root, 'data'), { env: { ...process.env, JIUZHU_NOW: opts.today } });
}

describe('the demo office\'s gradual exits', () => {
  it('leaves members on a gradual exit out of every session from the exit\'s first month, with the reason, and reminds of the ending', async () => {
    const office = await demoOffice(base);
    const exits = office.view.all('gradualExits');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    for (const g of exits) {
      expect(office.view.get('enrolments', g.enrolmentId)?.status).toBe('active');
      expect(office.view.get('members', g.memberId)?.householdId).toBe(g.householdId);
    }
    // Some began inside the demo's two months of sessions, so the change is seen.
    const sessions = office.view.all('sessions');
    expect(exits.some((g) => sessions.some((s) => s.date.slice(0, 7) < g.from && g.memberId in s.marks))).toBe(true);
    for (const s of sessions) {
      for (const g of exits) if (s.date.slice(0, 7) >= g.from) expect(s.marks[g.memberId], `${g.memberName} on ${s.date}`).toBeUndefined();
    }
    const data = rosterDataOf(office.view, settingsOf(office.view).labour);
    for (const g of exits) {
      const member = office.view.get('members', g.memberId)!;
      expect(personalReason(data, member, base.today)).toMatch(/^已就业：.*渐退期）$/);
    }
    const due = reminders(office.view, base.today).gradualExits;
    expect(due.length).toBeGreaterThanOrEqual(1);
    expect(due.map((x) => x.until)).toContain('2026-11');
  });

  it('is the same for the same seed', async () => {
    const a = (await demoOffice(base)).view.all('gradualExits');
    const b = (await demoOffice(base)).view.all('gradualExits');
    expect(b).toEqual(a);
  });
});
