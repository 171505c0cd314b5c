// The aggregations a summary cell may name (docs/reports.md, "Measures").
// "households" counts enrolments (one per household and program), persons
// are the persons an enrolment covers, amounts are fen.
import type { View } from '../store/office.js';
import type { Filter, Measure } from './template.js';
import type { Period } from './period.js';
import { addMonths } from '../rules/dayNumber.js';
import { enrolmentFacts, attendanceOver, matches, type AttendanceLine, type EnrolmentFacts } from './sources.js';
import { eventsIn, paymentIn, startMonthOf } from './payments.js';

export class MeasureContext {
  private facts: EnrolmentFacts[] | null = null;
  private att: AttendanceLine[] | null = null;

  constructor(
    readonly view: View,
    readonly period: Period,
  ) {}

  enrolments(f: Filter): EnrolmentFacts[] {
    this.facts ??= enrolmentFacts(this.view, {});
    return this.facts.filter(({ e, household }) => matches(f, e, household));
  }

  attendance(): AttendanceLine[] {
    this.att ??= attendanceOver(this.view, this.period.months);
    return this.att;
  }
}

const count = (xs: EnrolmentFacts[]) => xs.length;
const persons = (xs: EnrolmentFacts[]) => xs.reduce((s, x) => s + x.e.persons, 0);

export function measure(ctx: MeasureContext, m: Measure, f: Filter): number {
  const p = ctx.period;
  const [group, what] = m.split('.') as [string, string];
  if (group === 'attendance') {
    const lines = ctx.attendance();
    if (what === 'persons') return lines.length;
    return lines.reduce((s, l) => s + l[what as 'due' | 'attended' | 'excused' | 'absent'], 0);
  }
  if (group === 'cases') {
    const inPeriod = (d: string | null | undefined) => !!d && d >= p.start && d <= p.end;
    return ctx.view.all('cases').filter((c) => {
      if ((f.program && c.program !== f.program) || (f.area && c.area !== f.area)) return false;
      if (f.category && c.decision?.category !== f.category) return false;
      if (what === 'accepted') return inPeriod(c.acceptedOn);
      const wanted = what === 'approved' ? '批准' : '不予批准';
      return c.decision?.result === wanted && inPeriod(c.decision.date);
    }).length;
  }
  const all = ctx.enrolments(f);
  let chosen: EnrolmentFacts[];
  switch (group) {
    case 'inForce': {
      chosen = all.filter((x) => paymentIn(x.e, p.last) > 0);
      if (what === 'amount') return chosen.reduce((s, x) => s + paymentIn(x.e, p.last), 0);
      break;
    }
    case 'opening':
      chosen = all.filter((x) => paymentIn(x.e, addMonths(p.first, -1)) > 0);
      break;
    case 'paid': {
      if (what === 'amount') return all.reduce((s, x) => s + p.months.reduce((a, mo) => a + paymentIn(x.e, mo), 0), 0);
      if (what === 'personMonths') return all.reduce((s, x) => s + p.months.filter((mo) => paymentIn(x.e, mo) > 0).length * x.e.persons, 0);
      chosen = all.filter((x) => p.months.some((mo) => paymentIn(x.e, mo) > 0));
      break;
    }
    case 'new':
      chosen = all.filter((x) => p.months.includes(startMonthOf(x.e)));
      break;
    case 'stopped':
      chosen = all.filter((x) => eventsIn(x.e, p.months, ['suspended', 'terminated']).length > 0);
      break;
    case 'resumed':
      chosen = all.filter((x) => eventsIn(x.e, p.months, ['resumed']).length > 0);
      break;
    case 'adjusted':
      chosen = all.filter((x) => eventsIn(x.e, p.months, ['adjusted']).length > 0);
      break;
    default:
      throw new Error(`unknown measure ${m}`);
  }
  return what === 'persons' ? persons(chosen) : count(chosen);
}
