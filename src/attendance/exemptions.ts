// Exemptions from labour (免于参加): a kind, a reason, a first and a last
// day. An expired exemption puts the person back on the roster by itself.
import type { Tx, View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { rosterDataOf, rosterOn } from './roster.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { normalizeIdNumber } from '../rules/idNumber.js';
import { AttendanceError } from './errors.js';
import { EXEMPTION_KINDS, type Exemption, type ExemptionKind } from './types.js';
import { t } from '../i18n/index.js';

export interface ExemptionInput {
  idNumber: string;
  kind: string;
  reason?: string;
  from: string;
  to: string;
}

export function addExemption(tx: Tx, input: ExemptionInput): Exemption {
  const norm = normalizeIdNumber(input.idNumber);
  if (!norm.ok) throw new AttendanceError(t('attendance.badId', { id: input.idNumber }));
  const m = tx.get('members', norm.id);
  if (!m) throw new AttendanceError(t('attendance.unknownPerson', { id: norm.id }));
  if (!(EXEMPTION_KINDS as readonly string[]).includes(input.kind)) {
    throw new AttendanceError(t('attendance.badExemptionKind', { kind: input.kind, kinds: EXEMPTION_KINDS.join(t('attendance.sep')) }));
  }
  for (const [what, date] of [[t('attendance.fromDate'), input.from], [t('attendance.toDate'), input.to]] as const) {
    if (!isIsoDate(date)) throw new AttendanceError(t('attendance.badDateOf', { what, date }));
  }
  if (input.to < input.from) throw new AttendanceError(t('attendance.toBeforeFrom', { from: input.from, to: input.to }));
  const reason = input.reason?.trim() || input.kind;
  // A short number the clerk can type (exempt end M0007), and no ID number in it to leak into output.
  const id = `M${String(tx.count('exemptions') + 1).padStart(4, '0')}`;
  const rec: Exemption = { id, idNumber: norm.id, kind: input.kind as ExemptionKind, reason, from: input.from, to: input.to, recordedOn: tx.now.date };
  tx.put('exemptions', rec.id, rec);
  return rec;
}

/** Ends an exemption early: the person is due again from the day after `lastDay`. */
export function endExemption(tx: Tx, id: string, lastDay: string): Exemption {
  const cur = tx.get('exemptions', id);
  if (!cur) throw new AttendanceError(t('attendance.noExemption', { id }));
  if (!isIsoDate(lastDay)) throw new AttendanceError(t('attendance.badDate', { date: lastDay }));
  if (lastDay < cur.from) throw new AttendanceError(t('attendance.endBeforeStart', { date: lastDay, from: cur.from }));
  if (lastDay >= cur.to) throw new AttendanceError(t('attendance.endsAnyway', { to: cur.to }));
  return tx.update('exemptions', id, (x) => {
    x.to = lastDay;
    x.endedOn = tx.now.date;
  })!;
}

export interface ExemptionRow extends Exemption {
  name: string;
  /** In force on the day asked about. */
  current: boolean;
}

/** Every exemption with the person's name, oldest first (the CLI's `exempt list` and the exemptions screen). */
export function exemptionList(view: View, today: string): ExemptionRow[] {
  return [...view.all('exemptions')]
    .sort((p, q) => p.from.localeCompare(q.from) || p.id.localeCompare(q.id))
    .map((e) => ({ ...(e as Exemption), name: view.get('members', e.idNumber)?.name ?? '', current: e.from <= today && today <= e.to }));
}

/** Who may be exempted on `date`: the people on that day's labour roster, by name. */
export function exemptionCandidates(view: View, date: string): { idNumber: string; name: string }[] {
  return rosterOn(rosterDataOf(view, settingsOf(view).labour), date)
    .map((r) => ({ idNumber: r.idNumber, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.idNumber.localeCompare(b.idNumber));
}
