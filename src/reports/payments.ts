// What an enrolment paid in a month, derived from its history: the rule every
// report that counts recipients or money uses (docs/reports.md, "Payments").
import type { Enrolment } from '../office/model.js';
import type { DeepReadonly } from '../store/office.js';

type HistoryEvent = DeepReadonly<Enrolment['history'][number]>;

/** The month an event takes effect: its own `month`, else the month of its decision or arrival. */
export function effectiveMonth(h: HistoryEvent): string {
  return h.month ?? h.date?.slice(0, 7) ?? h.at.slice(0, 7);
}

const START_EVENTS = new Set(['approved', 'roster']);
const ONE_OFF = new Set<string>(['临时救助']);

/** The month the enrolment started: its first approval or roster event, else `since`. */
export function startMonthOf(e: DeepReadonly<Enrolment>): string {
  const starts = e.history.filter((h) => START_EVENTS.has(h.event)).map(effectiveMonth).sort();
  return starts[0] ?? e.since;
}

/** History in the order it takes effect: by month, then decision date (a start first on a tie), then arrival. */
export function eventsInOrder(e: DeepReadonly<Enrolment>): HistoryEvent[] {
  const day = (h: HistoryEvent) => h.date ?? h.at.slice(0, 10);
  // On the same day a start comes before what changes or ends it.
  const rank = (h: HistoryEvent) => (START_EVENTS.has(h.event) ? 0 : 1);
  return [...e.history].sort(
    (a, b) => effectiveMonth(a).localeCompare(effectiveMonth(b)) || day(a).localeCompare(day(b)) || rank(a) - rank(b) || a.at.localeCompare(b.at),
  );
}

/** Events taking effect in one of `months`. */
export function eventsIn(e: DeepReadonly<Enrolment>, months: readonly string[], kinds: readonly string[]): HistoryEvent[] {
  const set = new Set(months);
  return e.history.filter((h) => kinds.includes(h.event) && set.has(effectiveMonth(h)));
}

/**
 * The amount paid for `month` in fen, or 0 when nothing was paid. Replaying
 * the history up to that month: approved/roster start payment at their
 * amount, adjusted changes the amount, suspended stops payment, resumed
 * restarts it (at its amount when given), terminated ends it. An enrolment
 * without history (an early import) pays its current amount from `since`
 * while it is active. 临时救助 pays once, in its start month.
 */
export function paymentIn(e: DeepReadonly<Enrolment>, month: string): number {
  // 临时救助 is a one-off amount, whatever an enrolment's later events say.
  if (ONE_OFF.has(e.program) && month !== startMonthOf(e)) return 0;
  if (e.history.length === 0) return e.status === 'active' && e.since <= month ? e.monthlyAmountFen : 0;
  let paying = false;
  let started = false;
  let ended = false;
  let amount = e.monthlyAmountFen;
  for (const h of eventsInOrder(e)) {
    if (effectiveMonth(h) > month) break;
    if (h.amountFen !== undefined) amount = h.amountFen;
    if (START_EVENTS.has(h.event)) {
      paying = true;
      started = true;
      ended = false;
    } else if (h.event === 'suspended') paying = false;
    // A resumption decided before the start or after the end pays nothing.
    else if (h.event === 'resumed') paying = started && !ended;
    else if (h.event === 'terminated') {
      paying = false;
      ended = true;
    }
  }
  return paying ? amount : 0;
}
