// Labour groups (分组): everybody on the roster belongs to one of n groups;
// a newcomer joins the smallest, and moving a person is one record's change.
import type { Tx } from '../store/office.js';
import { normalizeIdNumber } from '../rules/idNumber.js';
import { AttendanceError } from './errors.js';
import type { RosterEntry } from './roster.js';
import { t } from '../i18n/index.js';

/**
 * Each roster entry's group: its stored one when still within 1…count,
 * otherwise (a newcomer, or groups reduced in settings) the group with the
 * fewest of today's roster, the lowest number on a tie, newcomers taken in
 * roster order.
 */
export function groupsFor(roster: readonly Pick<RosterEntry, 'idNumber'>[], stored: ReadonlyMap<string, number>, count: number): Map<string, number> {
  const out = new Map<string, number>();
  const sizes = new Array<number>(count + 1).fill(0);
  const newcomers: string[] = [];
  for (const r of roster) {
    const g = stored.get(r.idNumber);
    if (g !== undefined && g >= 1 && g <= count) {
      out.set(r.idNumber, g);
      sizes[g]!++;
    } else newcomers.push(r.idNumber);
  }
  for (const id of newcomers) {
    let best = 1;
    for (let g = 2; g <= count; g++) if (sizes[g]! < sizes[best]!) best = g;
    out.set(id, best);
    sizes[best]!++;
  }
  return out;
}

/** Moves a person to another group: one record's change, kept for every later session. */
export function moveToGroup(tx: Tx, idNumber: string, group: number, groupCount: number): { from: number | null; to: number } {
  const norm = normalizeIdNumber(idNumber);
  const id = norm.ok ? norm.id : idNumber.trim();
  if (!tx.get('members', id)) throw new AttendanceError(t('attendance.unknownPerson', { id }));
  if (!Number.isInteger(group) || group < 1 || group > groupCount) throw new AttendanceError(t('attendance.badGroup', { count: groupCount, group }));
  const from = tx.get('groups', id)?.group ?? null;
  tx.put('groups', id, { id, group });
  return { from, to: group };
}
