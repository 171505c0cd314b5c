// The demo's enrolments: amounts and categories from the standards, an
// enrolment from a roster or a case, and its suspensions and exits.
import type { CaseRec, EnrolmentRec, Family, HouseholdRec, Person } from './records.js';
import type { Category, Enrolment, EnrolmentStatus, Program, Source } from '../office/model.js';
import type { Generator } from './generate.js';
import { addMonths, dateOf, dayNo } from '../rules/dayNumber.js';
import { ageFromBirth } from '../rules/idNumber.js';
import { arrivedOn, firstAmountMonth, monthOf, onWorkday, stamp } from './timeline.js';
import { perCapitaShortfall } from './people.js';
import { fileSource } from './inbox.js';
import { severe, standardFen } from './tables.js';

/** The monthly amount of a program for a household from `month`, as the county computes it. */
export function amountFor(g: Generator, hh: HouseholdRec, program: Program, covered: Person[], month: string): number {
  const f = hh.family;
  switch (program) {
    case '低保':
      return perCapitaShortfall(g, f, month, covered.length);
    case '特困':
      return standardFen(g, f.area, '特困', month) * covered.length;
    case '残疾人补贴': {
      const std = standardFen(g, f.area, '低保', month);
      return covered.reduce((s, p) => s + Math.round((std * (severe(p.disability) ? 35 : 20)) / 10000) * 100, 0);
    }
    case '廉租房补贴':
      return Math.min(covered.length * 15000, 60000);
    case '临时救助':
      return g.tempAmounts.get(hh) ?? 200000;
    default:
      return 0;
  }
}

export function category(g: Generator, f: Family, program: Program): Category | null {
  if (program === '特困') return 'A';
  if (program !== '低保') return null;
  const people = f.people;
  const able = people.filter((p) => p.labourAbility === '有' && ageFromBirth(p.birth, g.today) >= 18 && ageFromBirth(p.birth, g.today) <= 60);
  if (able.length === 0) return people.some((p) => p.labourAbility === '部分') ? 'B' : 'A';
  return able.some((p) => p.incomes.some((i) => i.kind === '灵活就业') || p.incomes.length === 0) ? 'C' : 'B';
}

/** An enrolment from a start (approval or roster) with the county's later changes, amounts following the standards. */
export function enrol(g: Generator,
  hh: HouseholdRec,
  program: Program,
  covered: Person[],
  start: { month: string; date: string; event: 'approved' | 'roster'; at: string; source: Source },
  fate: { suspend?: string; resume?: boolean; terminate?: string },
  cr: CaseRec | null,
): EnrolmentRec {
  const r = g.rng;
  const history: Enrolment['history'] = [];
  const amountAt = (month: string) => amountFor(g, hh, program, covered, month);
  const since = start.month;
  let amount = amountAt(firstAmountMonth(start));
  history.push({ at: start.at, event: start.event, month: since, amountFen: amount, source: start.source, date: start.date });
  let status: EnrolmentStatus = 'active';
  // When it ends, if it does: some time after it started here (a roster lists only current recipients).
  const startDay = Math.max(dayNo(`${since}-01`), dayNo(start.date));
  const span = dayNo(g.lastWorkday) - startDay;
  let endDate: string | null = null;
  if (fate.terminate && span > 120) endDate = onWorkday(g, dateOf(startDay + r.int(90, span - 20)));
  // The county re-sets the amounts each December for the new year's standard.
  const standardYears = [g.year - 1, g.year];
  if (program === '低保' || program === '特困' || program === '残疾人补贴') {
    for (const y of standardYears) {
      const month = `${y}-01`;
      const decided = onWorkday(g, `${y - 1}-12-20`);
      if (month <= since || decided <= start.date || (endDate && decided >= endDate) || decided > g.lastWorkday) continue;
      const next = amountAt(month);
      if (next === amount) continue;
      amount = next;
      history.push({
        at: stamp(g, arrivedOn(g, decided)),
        event: 'adjusted',
        month,
        amountFen: amount,
        source: fileSource(g, 'benefit-change', decided),
        reason: `${y}年保障标准调整`,
        date: decided,
      });
    }
  }
  const lastDate = history[history.length - 1]!.date ?? start.date;
  // A change the county decided on `date`, effective the next month.
  const change = (date: string, event: string, reason: string, amountFen?: number): void => {
    history.push({
      at: stamp(g, arrivedOn(g, date)),
      event,
      month: addMonths(monthOf(date), 1),
      ...(amountFen === undefined ? {} : { amountFen }),
      source: fileSource(g, 'benefit-change', date),
      reason,
      date,
    });
  };
  if (fate.suspend && !endDate) {
    const lo = Math.max(dayNo(lastDate) + 20, dayNo(g.today) - 150);
    const hi = dayNo(g.lastWorkday) - 15;
    if (hi > lo) {
      const d = onWorkday(g, dateOf(r.int(lo, hi)));
      change(d, 'suspended', fate.suspend);
      status = 'suspended';
      if (fate.resume) {
        const back = onWorkday(g, dateOf(Math.min(dayNo(d) + r.int(40, 90), hi + 10)));
        if (back > d && back < g.lastWorkday) {
          change(back, 'resumed', '已按规定参加公益劳动，恢复发放', amount);
          status = 'active';
        }
      }
    }
  }
  if (endDate) {
    const reason = program === '临时救助' ? '临时救助为一次性救助，已发放完毕' : fate.terminate!;
    change(endDate, 'terminated', reason);
    status = 'terminated';
  }
  const e: Enrolment = {
    id: `${hh.household.id}:${program}`,
    householdId: hh.household.id,
    program,
    status,
    monthlyAmountFen: amount,
    persons: covered.length,
    covered: covered.map((p) => p.idNumber),
    category: category(g, hh.family, program),
    since,
    caseNo: null,
    history,
  };
  const er: EnrolmentRec = { e, cr, hh };
  g.enrolments.push(er);
  return er;
}

export function enrolFromCase(g: Generator, cr: CaseRec, fate: { suspend?: string; resume?: boolean; terminate?: string }, covered?: Person[]): EnrolmentRec {
  const d = cr.c.decision!;
  const ev = cr.c.history.find((h) => h.event === 'approved')!;
  const start = { month: d.startMonth!, date: d.date, event: 'approved' as const, at: ev.at, source: ev.source };
  return enrol(g, cr.hh, cr.c.program, covered ?? cr.hh.family.people, start, fate, cr);
}

/** Why a household left: a reason that fits who lives in it. */
export function terminateReason(g: Generator, f: Family): string {
  const r = g.rng;
  const options = ['经济状况核对发现购置车辆，不再符合条件', '家庭迁出本社区，转至户籍地办理'];
  if (f.people.length === 1) options.push('保障对象去世');
  if (f.people.some((p) => p.relation === '子女' && ageFromBirth(p.birth, g.today) >= 19)) options.push('子女就业后家庭人均收入超过低保标准');
  if (f.people[0]!.labourAbility !== '无' && ageFromBirth(f.people[0]!.birth, g.today) < 60) options.push('户主再就业，渐退期满');
  return r.pick(options);
}
