// The refusal notice (不予批准通知书) delivered: the clerk records the day it
// reached the applicant, so the notice is no longer owed (the reminder of
// src/dashboard/reminders.ts stops, `case show` and the screens say so).
// `jiuzhu case deliver` and the case screen call `deliverRefusalNotice`.
import type { Case } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { caseOrThrow } from './lookup.js';
import { refusalNoticeDueOf } from './deadlines.js';
import { t, tIn } from '../i18n/index.js';

/** The history event of a delivery (word('event', …) names it). */
export const DELIVERED_EVENT = 'refusalDelivered';

export class DeliveryRefused extends UserFacingError {}

export interface DeliveryInput {
  /** the day it reached the applicant; defaults to today */
  date?: string;
  /** who delivered it; defaults to the operator */
  by?: string;
  note?: string;
}

export interface Delivered {
  caseNo: string;
  date: string;
  by: string;
  note: string;
}

/** Whether the case owes its refusal notice: a county refusal not yet recorded as delivered. */
export function refusalNoticeOwed(c: DeepReadonly<Case>): boolean {
  return c.decision?.result === '不予批准' && !c.refusalDelivered;
}

/** The refusal notice of a case as every surface shows it: when it is due, or when it was delivered; null when the county did not refuse. */
export interface RefusalNoticeState {
  due: string | null;
  overdue: boolean;
  delivered: { date: string; by: string; note: string } | null;
}

export function refusalNoticeOf(view: View, c: DeepReadonly<Case>, today: string): RefusalNoticeState | null {
  if (c.decision?.result !== '不予批准') return null;
  if (c.refusalDelivered) return { due: null, overdue: false, delivered: { ...c.refusalDelivered } };
  const d = refusalNoticeDueOf(c, view, today);
  return { due: d?.date ?? null, overdue: d?.overdue ?? false, delivered: null };
}

function refuse(caseNo: string, why: string): never {
  throw new DeliveryRefused(t('case.deliverRefused', { caseNo, why }));
}

/**
 * Records that the refusal notice reached the applicant, inside `tx`: only a
 * county-refused case whose notice is owed; the date not before the refusal
 * and not after today. A history event keeps who recorded it.
 */
export function deliverRefusalNotice(tx: Tx, caseNo: string, input: DeliveryInput = {}): Delivered {
  const c = caseOrThrow(tx, caseNo);
  if (c.decision?.result !== '不予批准') refuse(c.caseNo, t('case.deliverNotRefused'));
  if (c.refusalDelivered) refuse(c.caseNo, t('case.deliverAlready', { date: c.refusalDelivered.date }));
  const today = tx.now.date;
  const date = input.date?.trim() || today;
  if (!isIsoDate(date)) refuse(c.caseNo, t('case.ruleBadDate', { date }));
  if (date > today) refuse(c.caseNo, t('case.ruleFutureDate', { date, today }));
  if (date < c.decision.date) refuse(c.caseNo, t('case.deliverBeforeRefusal', { date, refused: c.decision.date }));
  const by = input.by?.trim() || tx.meta.operator;
  const note = input.note?.trim() ?? '';
  tx.update('cases', c.caseNo, (d) => {
    d.refusalDelivered = { date, by, note };
    d.history.push({ at: tx.now.iso, event: DELIVERED_EVENT, by: tx.meta.operator, source: 'local', date, note: tIn('zh', 'case.noteDelivered', { date, by }) + (note ? `  ${note}` : '') });
  });
  return { caseNo: c.caseNo, date, by, note };
}
