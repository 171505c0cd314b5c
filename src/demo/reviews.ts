// The demo office's review history (动态管理): a last review for each active
// recipient, spread so that a realistic handful fall due this month and a
// few are late. Deterministic for a seed.
import type { Enrolment } from '../office/model.js';
import type { Settings } from '../office/settings.js';
import { addDays } from '../rules/dayNumber.js';
import type { Review } from '../recipients/reviews.js';
import { reviewMonthsOf } from '../recipients/reviewsDue.js';
import { mulberry32 } from './rng.js';

const FINDINGS = ['入户查看，家庭情况无变化', '家庭成员无变化，收入与上次核对一致', '户主病情稳定，仍无劳动能力', '子女仍在读书，家庭收入无明显变化'];

export function demoReviews(opts: { seed: number; today: string; settings: Settings; enrolments: readonly Enrolment[] }): Review[] {
  const rnd = mulberry32(opts.seed ^ 0x7e51);
  const out: Review[] = [];
  for (const e of opts.enrolments) {
    if (e.status !== 'active') continue;
    const span = reviewMonthsOf(opts.settings, e.category) * 30;
    // Most were reviewed within their rhythm; about one in twelve is late.
    const ago = Math.floor(rnd() * span * 1.08) + 1;
    const date = addDays(opts.today, -ago);
    if (date.slice(0, 7) < e.since) continue;
    out.push({
      id: `${e.id}@${date}`,
      enrolmentId: e.id,
      householdId: e.householdId,
      program: e.program,
      date,
      findings: FINDINGS[Math.floor(rnd() * FINDINGS.length)]!,
      incomeRechecked: rnd() < 0.7,
      perCapitaIncomeFen: null,
      recommendation: 'keep',
      by: '王芳',
      at: `${date}T10:00:00+08:00`,
    });
  }
  return out;
}
