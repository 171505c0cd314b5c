// The demo office's gradual exits (渐退期): a few recipients on today's labour
// roster found work, so the dashboard reminds of an exit ending this month
// and of one that ended last month, and the roster leaves them out from the
// exit's first month (已就业…渐退期). Deterministic for a seed.
import type { Case, Enrolment, Member } from '../office/model.js';
import type { Settings } from '../office/settings.js';
import type { GradualExit } from '../recipients/gradualExit.js';
import { rosterOn } from '../attendance/roster.js';
import { addMonths } from '../rules/dayNumber.js';
import { mulberry32 } from './rng.js';

const WORK = ['东风物业 保洁员', '社区超市 理货员', '快递驿站 分拣员', '湘菜馆 帮厨', '小区门岗 保安'];

export function demoGradualExits(opts: {
  seed: number;
  today: string;
  settings: Settings;
  members: readonly Member[];
  enrolments: readonly Enrolment[];
  cases: readonly Case[];
}): GradualExit[] {
  const rnd = mulberry32(opts.seed ^ 0x6e71);
  const month = opts.today.slice(0, 7);
  const span = Math.max(1, opts.settings.gradualExitMonths);
  const active = new Map(opts.enrolments.filter((e) => e.program === '低保' && e.status === 'active').map((e) => [e.householdId, e]));
  // Recipients due today, one per household, in a seeded order.
  const seen = new Set<string>();
  const candidates = rosterOn({ members: opts.members, enrolments: opts.enrolments, cases: opts.cases, exemptions: [], labour: opts.settings.labour }, opts.today)
    .filter((r) => r.basis === 'recipient' && active.has(r.householdId) && !seen.has(r.householdId) && !!seen.add(r.householdId))
    .map((r) => ({ r, key: rnd() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.r);
  const count = Math.min(candidates.length, Math.max(3, Math.round(candidates.length / 40)));
  return candidates.slice(0, count).map((r, i) => {
    // The first ends this month, the second ended last month (both reminded of); the others began this month or last.
    const from = i === 0 ? addMonths(month, 1 - span) : i === 1 ? addMonths(month, -span) : addMonths(month, -(i % 2));
    const e = active.get(r.householdId)!;
    const at = `${from}-01T10:00:00+08:00`;
    return {
      id: `${e.id}:${from}`,
      enrolmentId: e.id,
      householdId: r.householdId,
      memberId: r.idNumber,
      memberName: r.name,
      work: WORK[Math.floor(rnd() * WORK.length)]!,
      wageFen: (1800 + Math.floor(rnd() * 9) * 100) * 100,
      from,
      until: addMonths(from, span - 1),
      note: '',
      by: '王芳',
      at,
    };
  });
}
