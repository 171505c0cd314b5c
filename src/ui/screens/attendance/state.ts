// The marking screen's state, as a reducer that knows nothing of Ink: the
// roster of one session, the marks made so far (saved and not yet saved),
// the cursor, the leave-reason prompt, finding a person and choosing a group.
import type { Mark, MarkStatus } from '../../../attendance/types.js';
import { countsOf } from '../../../attendance/marking.js';
import { t } from '../../../i18n/index.js';

/** The leave reasons offered on 1–4 (what the clerk picks is stored as the note). */
export function leaveReasons(): string[] {
  return [t('attendance.reasonDoctor'), t('attendance.reasonFamily'), t('attendance.reasonWork'), t('attendance.reasonSchool')];
}

export interface MarkLine {
  idNumber: string;
  name: string;
  group: number;
  task: string;
  /** Pinyin initials of the name, for finding a person by typing them. */
  initials: string;
}

export interface MarkState {
  lines: readonly MarkLine[];
  saved: Readonly<Record<string, Mark>>;
  marks: Readonly<Record<string, Mark>>;
  cursor: number;
  /** `reason`: asking why a leave (请假); `leaving`: unsaved marks, asking whether to save; `search`: finding a person; `group`: asking which group to move the person to. */
  mode: 'list' | 'reason' | 'leaving' | 'search' | 'group';
  reasonText: string;
  query: string;
}

export type MarkAction =
  | { type: 'move'; by: number }
  | { type: 'to'; index: number }
  | { type: 'mark'; status: MarkStatus }
  | { type: 'reason'; text: string }
  | { type: 'typeReason'; text: string }
  | { type: 'cancel' }
  | { type: 'revert' }
  | { type: 'restPresent' }
  | { type: 'leave' }
  | { type: 'saved'; marks: Readonly<Record<string, Mark>> }
  | { type: 'load'; lines: readonly MarkLine[]; saved: Readonly<Record<string, Mark>> }
  | { type: 'relines'; lines: readonly MarkLine[] }
  | { type: 'search' }
  | { type: 'query'; text: string }
  | { type: 'chooseGroup' };

export function initialMarkState(lines: readonly MarkLine[], saved: Readonly<Record<string, Mark>>): MarkState {
  const firstOpen = lines.findIndex((l) => !saved[l.idNumber]);
  return { lines, saved, marks: saved, cursor: Math.max(0, firstOpen), mode: 'list', reasonText: '', query: '' };
}

function clamp(s: MarkState, i: number): number {
  return Math.max(0, Math.min(s.lines.length - 1, i));
}

function setMark(s: MarkState, mark: Mark): MarkState {
  const line = s.lines[s.cursor];
  if (!line) return s;
  // Marking moves on to the next person, so a roster is walked with one key each.
  return { ...s, marks: { ...s.marks, [line.idNumber]: mark }, cursor: clamp(s, s.cursor + 1), mode: 'list', reasonText: '' };
}

export function markReducer(s: MarkState, a: MarkAction): MarkState {
  switch (a.type) {
    case 'move':
      return s.mode === 'list' ? { ...s, cursor: clamp(s, s.cursor + a.by) } : s;
    case 'to':
      return s.mode === 'list' ? { ...s, cursor: clamp(s, a.index) } : s;
    case 'mark':
      if (s.mode !== 'list' || !s.lines.length) return s;
      if (a.status === 'excused') return { ...s, mode: 'reason', reasonText: '' };
      return setMark(s, { status: a.status });
    case 'typeReason':
      return s.mode === 'reason' ? { ...s, reasonText: a.text } : s;
    case 'reason': {
      const text = a.text.trim();
      if (s.mode !== 'reason' || !text) return s;
      return setMark(s, { status: 'excused', note: text });
    }
    case 'cancel':
      return { ...s, mode: 'list', reasonText: '', query: '' };
    case 'search':
      return s.mode === 'list' ? { ...s, mode: 'search', query: '' } : s;
    case 'chooseGroup':
      return s.mode === 'list' && s.lines[s.cursor] ? { ...s, mode: 'group' } : s;
    case 'query': {
      if (s.mode !== 'search') return s;
      // The first person whose initials start with what was typed, or whose name holds it.
      const q = a.text.toLowerCase();
      const at = q ? s.lines.findIndex((l) => l.initials.toLowerCase().startsWith(q) || l.name.includes(a.text)) : -1;
      return { ...s, query: a.text, cursor: at >= 0 ? at : s.cursor };
    }
    case 'revert': {
      const line = s.lines[s.cursor];
      if (!line || s.mode !== 'list') return s;
      const marks = { ...s.marks };
      const was = s.saved[line.idNumber];
      if (was) marks[line.idNumber] = was;
      else delete marks[line.idNumber];
      return { ...s, marks };
    }
    case 'restPresent': {
      if (s.mode !== 'list') return s;
      const marks = { ...s.marks };
      for (const l of s.lines) marks[l.idNumber] ??= { status: 'present' };
      return { ...s, marks };
    }
    case 'leave':
      return { ...s, mode: 'leaving' };
    case 'saved':
      return { ...s, saved: a.marks, marks: a.marks, mode: 'list' };
    case 'load':
      return initialMarkState(a.lines, a.saved);
    case 'relines': {
      // Same people in a new order (someone changed group): the cursor stays on its person.
      const id = s.lines[s.cursor]?.idNumber;
      const at = a.lines.findIndex((l) => l.idNumber === id);
      return { ...s, lines: a.lines, cursor: at >= 0 ? at : clamp({ ...s, lines: a.lines }, s.cursor) };
    }
  }
}

/** Marks that differ from what is stored: what saving writes. */
export function unsavedMarks(s: MarkState): { idNumber: string; mark: Mark }[] {
  const out: { idNumber: string; mark: Mark }[] = [];
  for (const l of s.lines) {
    const m = s.marks[l.idNumber];
    if (m && JSON.stringify(m) !== JSON.stringify(s.saved[l.idNumber])) out.push({ idNumber: l.idNumber, mark: m });
  }
  return out;
}

export function countMarks(s: Pick<MarkState, 'lines' | 'marks'>): Record<MarkStatus | 'unmarked', number> {
  return countsOf(s.lines, s.marks);
}
