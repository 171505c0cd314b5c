// Drafts: what the clerk has typed into a form and not yet saved is kept in
// the `drafts` collection when the app closes (Ctrl-C included) or the form
// is left with Esc, and comes back when the form opens again.
import { useEffect, useRef } from 'react';
import type { Tx, View } from '../store/office.js';
import { useShell } from './shell.js';
import { tIn } from '../i18n/index.js';

export interface Draft {
  id: string;
  kind: string;
  data: Record<string, string>;
  at: string;
  by: string;
}

export function loadDraft(view: View, id: string): Record<string, string> | null {
  const d = view.get('drafts', id) as Partial<Draft> | undefined;
  return d?.data ? { ...d.data } : null;
}

/**
 * Keeps the latest values; `saveNow` stores them as a draft (when they differ
 * from what the form started with). Registered to run before the app exits.
 */
export function useDraft(id: string, kind: string, values: Record<string, string>, pristine: Record<string, string>): { saveNow: () => Promise<void> } {
  const shell = useShell();
  const latest = useRef({ values, pristine });
  latest.current = { values, pristine };
  const saveNow = useRef(async () => {
    const { values: v, pristine: p } = latest.current;
    if (JSON.stringify(v) === JSON.stringify(p)) return;
    const cur = loadDraft(shell.office.view, id);
    if (cur && JSON.stringify(cur) === JSON.stringify(v)) return;
    await shell.save({ action: 'draft.save', summary: tIn('zh', 'ui.draft.summary', { id }) }, (tx) => {
      tx.put('drafts', id, { id, kind, data: { ...v }, at: tx.now.iso, by: tx.meta.operator });
    });
  });
  useEffect(() => shell.onExit(() => saveNow.current()), [shell.onExit]);
  return { saveNow: saveNow.current };
}
