// The archive screen's state: the tab, the cursor, and the note being typed.
// Pure; the view turns keys into actions with archiveKey and dispatches them.
import type { Key } from 'ink';
import { formKey, listKey, type Field, type FormState, type ListRow } from '../../widgets.js';

export const ARCHIVE_TABS = ['members', 'cases', 'benefits', 'reviews', 'labour', 'notes', 'history'] as const;
export type ArchiveTab = (typeof ARCHIVE_TABS)[number];

export interface ArchiveState {
  tab: number;
  selected: number;
  /** the note form, while one is being written */
  note: FormState | null;
}

export type ArchiveAction = { type: 'tab'; to: number } | { type: 'select'; index: number } | { type: 'note'; form: FormState | null };

export const initialArchiveState: ArchiveState = { tab: 0, selected: 0, note: null };

export function archiveReducer(s: ArchiveState, a: ArchiveAction): ArchiveState {
  switch (a.type) {
    case 'tab':
      return { ...s, tab: (a.to + ARCHIVE_TABS.length) % ARCHIVE_TABS.length, selected: 0 };
    case 'select':
      return { ...s, selected: a.index };
    case 'note':
      return { ...s, note: a.form };
  }
}

export const tabOf = (s: ArchiveState): ArchiveTab => ARCHIVE_TABS[s.tab] ?? 'members';

/** What a key does on the archive. */
export type ArchiveKey =
  | { action: ArchiveAction }
  | { saveNote: string; form: FormState }
  | { leaveNote: true }
  | { writeNote: true }
  | { review: true }
  | { openCase: string }
  | { cover: string | null }
  | null;

export function archiveKey(s: ArchiveState, noteFields: readonly Field[], rows: readonly ListRow[], height: number, input: string, key: Key): ArchiveKey {
  if (s.note) {
    if (key.escape) return { leaveNote: true };
    const ev = formKey(noteFields, s.note, input, key);
    if (ev.submit) return { saveNote: ev.state.values.text ?? '', form: ev.state };
    return { action: { type: 'note', form: ev.state } };
  }
  if (key.rightArrow || (key.tab && !key.shift)) return { action: { type: 'tab', to: s.tab + 1 } };
  if (key.leftArrow || (key.tab && key.shift)) return { action: { type: 'tab', to: s.tab - 1 } };
  if (/^[1-7]$/.test(input)) return { action: { type: 'tab', to: Number(input) - 1 } };
  const sel = Math.min(s.selected, Math.max(0, rows.length - 1));
  const moved = listKey(rows, sel, height, input, key);
  if (moved !== null) return { action: { type: 'select', index: moved } };
  if (input === 'n') return { writeNote: true };
  if (input === 'v') return { review: true };
  if (input === 'b') {
    // The benefit's coverage line under the cursor, else the first one of the tab.
    const k = rows[sel]?.key ?? '';
    return { cover: k.startsWith('b') ? k.slice(1) : null };
  }
  if (key.return) {
    const k = rows[sel]?.key ?? '';
    return k.startsWith('c') ? { openCase: k.slice(1) } : { action: { type: 'select', index: sel } };
  }
  return null;
}
