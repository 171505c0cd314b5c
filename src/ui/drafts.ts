// A form's draft while it is open: what the clerk has typed and not yet saved
// is stored (src/office/drafts.ts, the one shape of a draft) when the app
// closes (Ctrl-C included) or the form is left with Esc, and comes back when
// the form opens again.
import { useEffect, useRef } from 'react';
import type { View } from '../store/office.js';
import { useShell } from './shell.js';
import { tIn } from '../i18n/index.js';
import { formDraft, saveDraft } from '../office/drafts.js';

/** A form's saved values, or null: the office's drafts read for a screen. */
export function loadDraft(view: View, id: string): Record<string, string> | null {
  return formDraft(view, id);
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
    const cur = formDraft(shell.office.view, id);
    if (cur && JSON.stringify(cur) === JSON.stringify(v)) return;
    await shell.save({ action: 'draft.save', summary: tIn('zh', 'ui.draft.summary', { id }) }, (tx) => saveDraft(tx, id, kind, { ...v }));
  });
  useEffect(() => shell.onExit(() => saveNow.current()), [shell.onExit]);
  return { saveNow: saveNow.current };
}
