// The case list's state, as a reducer that knows nothing of Ink: the typed
// query, the view Tab cycles through (open cases, all, the due ones, each
// status), the program ←→ picks, and the cursor; and what each key means.
import type { Key } from 'ink';
import type { View } from '../../../store/office.js';
import { CASE_STATUSES, PROGRAMS } from '../../../office/model.js';
import { caseList, type CaseFilter, type CaseListRow } from '../../../case/list.js';
import { CLOSED_STATUSES } from '../../../case/statuses.js';
import { t, word } from '../../../i18n/index.js';

export interface CaseListView {
  label: string;
  filter: CaseFilter;
  /** only the cases not yet closed */
  open?: boolean;
}

/** What Tab cycles through: open cases, all, the due ones, then each status. */
export function caseListViews(): CaseListView[] {
  return [
    { label: t('case.listOpen'), filter: {}, open: true },
    { label: t('case.listAll'), filter: {} },
    { label: t('case.listOverdue'), filter: { due: 'overdue' } },
    { label: t('case.listNear'), filter: { due: 'near' } },
    ...CASE_STATUSES.map((s) => ({ label: word('status', s), filter: { status: s } })),
  ];
}

/** ←→ cycles through every program, the first choice being all of them. */
export const PROGRAM_CHOICES: readonly (string | null)[] = [null, ...PROGRAMS];

export function programLabel(i: number): string {
  return PROGRAM_CHOICES[i] ?? t('case.listAllPrograms');
}

export interface CaseListState {
  query: string;
  view: number;
  program: number;
  cursor: number;
}

export const initialCaseListState: CaseListState = { query: '', view: 0, program: 0, cursor: 0 };

export type CaseListAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'view'; dir: 1 | -1 }
  | { type: 'program'; dir: 1 | -1 }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'clear' };

const VIEW_COUNT = 4 + CASE_STATUSES.length;

export function caseListReducer(s: CaseListState, a: CaseListAction): CaseListState {
  switch (a.type) {
    case 'move':
      return { ...s, cursor: Math.max(0, Math.min(a.count - 1, s.cursor + a.by)) };
    case 'view':
      return { ...s, view: (s.view + a.dir + VIEW_COUNT) % VIEW_COUNT, cursor: 0 };
    case 'program':
      return { ...s, program: (s.program + a.dir + PROGRAM_CHOICES.length) % PROGRAM_CHOICES.length, cursor: 0 };
    case 'type':
      return { ...s, query: s.query + a.text, cursor: 0 };
    case 'erase':
      return { ...s, query: [...s.query].slice(0, -1).join(''), cursor: 0 };
    case 'clear':
      return { ...s, query: '', cursor: 0 };
  }
}

/** The cases the state shows: overdue first, then the nearest deadlines, then the rest by number. */
export function caseListRows(view: View, today: string, s: CaseListState): CaseListRow[] {
  const v = caseListViews()[s.view]!;
  const program = PROGRAM_CHOICES[s.program];
  const filter: CaseFilter = { ...v.filter, ...(program ? { program } : {}), ...(s.query.trim() ? { find: s.query } : {}) };
  const all = caseList(view, today, filter);
  const open = v.open ? all.filter((r) => !CLOSED_STATUSES.has(r.status)) : all;
  return [...open].sort((a, b) => (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9) || a.caseNo.localeCompare(b.caseNo));
}

export type CaseListCommand = CaseListAction | { type: 'open' } | { type: 'printNotice' } | { type: 'back' };

/**
 * What a key means on the list; null leaves it to the shell (`?` help, `/`
 * search). Every other printable key is typed into the query.
 */
export function caseListKey(s: CaseListState, input: string, key: Key, count: number): CaseListCommand | null {
  if (key.ctrl && input === 'p') return { type: 'printNotice' };
  if (key.escape) return s.query ? { type: 'clear' } : { type: 'back' };
  if (key.upArrow) return { type: 'move', by: -1, count };
  if (key.downArrow) return { type: 'move', by: 1, count };
  if (key.tab) return { type: 'view', dir: key.shift ? -1 : 1 };
  if (key.leftArrow || key.rightArrow) return { type: 'program', dir: key.leftArrow ? -1 : 1 };
  if (key.return) return { type: 'open' };
  if (key.backspace || key.delete) return { type: 'erase' };
  if (input === '?' || input === '/') return null;
  const text = input.replace(/[\r\n\t]/g, '');
  if (text && !key.ctrl && !key.meta) return { type: 'type', text };
  return null;
}
