// The demo office's public-service labour history: the sessions of the last
// two months and the rest of this one on the office's schedule, with marks up
// to yesterday for everybody the roster rules make due, and their groups.
// Deterministic for a seed.
import type { Case, Enrolment, Member } from '../office/model.js';
import type { Settings } from '../office/settings.js';
import { addDays } from '../rules/dayNumber.js';
import { WorkingCalendar } from '../rules/workingDays.js';
import { groupsFor } from '../attendance/groups.js';
import { rosterOn, type RosterData } from '../attendance/roster.js';
import { datesOfMonth, newSession, scheduledDays } from '../attendance/schedule.js';
import type { GroupAssignment, MarkStatus, Session } from '../attendance/types.js';
import type { GradualExit } from '../recipients/gradualExit.js';

import { mulberry32 } from './rng.js';

export function demoAttendance(opts: {
  seed: number;
  today: string;
  settings: Settings;
  members: readonly Member[];
  enrolments: readonly Enrolment[];
  cases?: readonly Case[];
  /** members who found work are not due from the exit's first month (src/demo/gradualExits.ts) */
  gradualExits?: readonly GradualExit[];
}): { sessions: Session[]; groups: GroupAssignment[] } {
  const rnd = mulberry32(opts.seed ^ 0x5eed);
  const { labour } = opts.settings;
  const data: RosterData = { members: opts.members, enrolments: opts.enrolments, cases: opts.cases ?? [], exemptions: [], gradualExits: opts.gradualExits ?? [], labour };
  const cal = new WorkingCalendar();
  const from = addDays(opts.today, -61);
  const months = [...new Set([from.slice(0, 7), addDays(opts.today, -31).slice(0, 7), opts.today.slice(0, 7)])];
  const sessions: Session[] = [];
  const groups = new Map<string, number>();
  // A few people often stay away, so the demo shows warnings and recommendations.
  const oftenAway = new Map<string, boolean>();
  for (const month of months) {
    for (const d of scheduledDays(month, labour, cal)) {
      if (d.skipped !== undefined || d.date < from || d.date > datesOfMonth(opts.today.slice(0, 7)).at(-1)!) continue;
      const s = newSession(d.date, labour, 'schedule');
      if (d.date < opts.today) {
        const roster = rosterOn(data, d.date);
        for (const [id, g] of groupsFor(roster, groups, labour.groups)) groups.set(id, g);
        for (const r of roster) {
          if (!oftenAway.has(r.idNumber)) oftenAway.set(r.idNumber, rnd() < 0.04);
          const away = oftenAway.get(r.idNumber) === true && rnd() < 0.3;
          const x = rnd();
          const status: MarkStatus = away ? 'absent' : x < 0.86 ? 'present' : x < 0.91 ? 'late' : x < 0.96 ? 'excused' : 'absent';
          s.marks[r.idNumber] = status === 'excused' ? { status, note: rnd() < 0.5 ? '看病' : '照顾家人' } : { status };
        }
      }
      sessions.push(s);
    }
  }
  return { sessions, groups: [...groups].map(([id, group]) => ({ id, group })) };
}
