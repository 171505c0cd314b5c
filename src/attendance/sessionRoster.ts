// A session as the clerk at the gate sees it: who is due, in which group,
// doing which task, and how each is marked so far.
import type { DeepReadonly, View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import type { Settings } from '../office/settings.js';
import { groupsFor } from './groups.js';
import { rosterDataOf, rosterOn, type RosterData, type RosterEntry } from './roster.js';
import { taskOf } from './schedule.js';
import type { Mark, Session } from './types.js';

export interface SessionLine extends RosterEntry {
  group: number;
  task: string;
  mark: Mark | null;
  /** Marked in this session but no longer on the derived roster (kept: the mark was made). */
  offRoster: boolean;
}

export function storedGroups(view: View): Map<string, number> {
  return new Map(view.all('groups').map((g) => [g.id, g.group]));
}

/**
 * Who a session concerns: the roster derived for its date, plus anybody
 * already marked in it (a mark once made is never dropped from the count),
 * ordered by group, then by pinyin initials, then by ID number.
 */
export function sessionLines(
  view: View,
  session: DeepReadonly<Session>,
  data: RosterData = rosterDataOf(view, settingsOf(view).labour),
  labour: Settings['labour'] = settingsOf(view).labour,
  /** Pass it in when going through many sessions: it is a scan of every group assignment. */
  stored: Map<string, number> = storedGroups(view),
): SessionLine[] {
  const roster = rosterOn(data, session.date);
  const onRoster = new Set(roster.map((r) => r.idNumber));
  const entries: (RosterEntry & { offRoster: boolean })[] = roster.map((r) => ({ ...r, offRoster: false }));
  for (const id of Object.keys(session.marks)) {
    if (onRoster.has(id)) continue;
    const m = view.get('members', id);
    entries.push({ idNumber: id, name: m?.name ?? id, householdId: m?.householdId ?? '', initials: m?.initials ?? '', basis: 'recipient', caseNo: null, offRoster: true });
  }
  entries.sort((a, b) => a.initials.localeCompare(b.initials) || a.idNumber.localeCompare(b.idNumber));
  const groups = groupsFor(entries, stored, labour.groups);
  const lines = entries.map((e) => {
    const group = groups.get(e.idNumber)!;
    return { ...e, group, task: taskOf(session, group), mark: session.marks[e.idNumber] ?? null };
  });
  return lines.sort((a, b) => a.group - b.group || a.initials.localeCompare(b.initials) || a.idNumber.localeCompare(b.idNumber));
}
