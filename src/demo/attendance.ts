// The demo office's public-service labour history: the sessions of the last
// two months on the default schedule and each obliged member's marks, so the
// demo shows attendance from the first start. Deterministic for a seed.
import type { Enrolment, Member } from '../model.js';
import type { Settings } from '../settings.js';
import { ageOn } from '../rules/idNumber.js';
import { addDays, dayNo } from '../rules/dayNumber.js';
import { WorkingCalendar } from '../rules/workingDays.js';

/** A session on one date (id = the date). The attendance issue owns the final shape. */
export interface DemoSession {
  id: string;
  date: string;
  start: string;
  end: string;
  task: string;
}

export interface DemoMark {
  id: string;
  sessionId: string;
  idNumber: string;
  status: 'present' | 'late' | 'excused' | 'absent';
  note?: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoAttendance(opts: {
  seed: number;
  today: string;
  settings: Settings;
  members: readonly Member[];
  enrolments: readonly Enrolment[];
}): { sessions: DemoSession[]; marks: DemoMark[] } {
  const rnd = mulberry32(opts.seed ^ 0x5eed);
  const { labour } = opts.settings;
  const active = new Set(opts.enrolments.filter((e) => e.program === '低保' && e.status === 'active').map((e) => e.householdId));
  const cal = new WorkingCalendar();
  const sessions: DemoSession[] = [];
  const marks: DemoMark[] = [];
  const from = addDays(opts.today, -61);
  let week = 0;
  for (let d = from; d < opts.today; d = addDays(d, 1)) {
    const weekday = ((dayNo(d) + 3) % 7) + 1; // ISO: 1970-01-01 was a Thursday (4)
    if (weekday === 1) week++;
    if (!labour.weekdays.includes(weekday) || !cal.day(d).work) continue;
    const task = labour.tasks[week % labour.tasks.length]!;
    sessions.push({ id: d, date: d, start: labour.start, end: labour.end, task });
    for (const m of opts.members) {
      if (!active.has(m.householdId) || m.leftOn || m.labourAbility === '无' || m.disability) continue;
      const age = ageOn(m.idNumber, d);
      if (age < labour.minAge || age > labour.maxAge) continue;
      const x = rnd();
      const status = x < 0.86 ? 'present' : x < 0.91 ? 'late' : x < 0.96 ? 'excused' : 'absent';
      marks.push({ id: `${d}:${m.idNumber}`, sessionId: d, idNumber: m.idNumber, status, ...(status === 'excused' ? { note: rnd() < 0.5 ? '看病' : '照顾家人' } : {}) });
    }
  }
  return { sessions, marks };
}
