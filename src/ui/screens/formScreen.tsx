// A screen that is one form: a few header lines, the fields, and a list
// below (earlier records). Esc leaves, keeping what was typed as a draft;
// Ctrl-C does the same through the shell's exit hooks.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell, type Shell } from '../shell.js';
import { t } from '../../i18n/index.js';
import { MoneyError, yuanToFen } from '../../rules/money.js';
import { useDraft } from '../drafts.js';
import { FormView, formKey, WindowedList, type Field, type FormState, type ListRow } from '../widgets.js';

export interface FormScreenProps {
  draftId: string;
  draftKind: string;
  fields: readonly Field[];
  /** What the form starts with (a saved draft already merged in by the caller). */
  initial: Record<string, string>;
  /** What counts as "nothing typed" (no draft is kept for it). */
  pristine: Record<string, string>;
  header: readonly string[];
  belowTitle?: string;
  below?: readonly ListRow[];
  /** Saves; returns true when done (the screen then goes back). */
  onSubmit: (values: Record<string, string>) => Promise<boolean>;
}

export function FormScreen(p: FormScreenProps) {
  const shell = useShell();
  const [state, setState] = useState<FormState>({ values: p.initial, focus: 0 });
  const [busy, setBusy] = useState(false);
  const { saveNow } = useDraft(p.draftId, p.draftKind, state.values, p.pristine);
  const [scroll, setScroll] = useState(0);
  useKeys(
    (input, key) => {
      if (busy) return true;
      if (key.escape) {
        void saveNow().then(() => {
          if (JSON.stringify(state.values) !== JSON.stringify(p.pristine)) shell.flash(t('ui.form.savedAsDraft'));
        });
        shell.back();
        return true;
      }
      if (key.pageDown || key.pageUp) {
        setScroll((s) => Math.max(0, Math.min((p.below?.length ?? 1) - 1, s + (key.pageDown ? 5 : -5))));
        return true;
      }
      const ev = formKey(p.fields, state, input, key);
      setState(ev.state);
      if (ev.submit) {
        setBusy(true);
        void p.onSubmit(ev.state.values).then((done) => {
          setBusy(false);
          if (done) shell.back();
        });
      }
      return ev.used || Boolean(ev.submit);
    },
    [
      ['↑↓', t('ui.form.key.field')],
      ['←→', t('ui.form.key.choose')],
      ['Enter', t('ui.form.key.next')],
      ['Ctrl-S', t('ui.form.key.save')],
      ['Esc', t('ui.form.key.draftBack')],
    ],
  );
  const belowRows = Math.max(1, shell.bodyRows - p.header.length - p.fields.length - 2);
  return (
    <Box flexDirection="column">
      {p.header.map((h, i) => (
        <Text key={i} wrap="truncate" bold={i === 0}>
          {h}
        </Text>
      ))}
      <FormView fields={p.fields} state={state} cols={shell.cols} />
      <Text dimColor wrap="truncate">
        {busy ? t('ui.form.saving') : (p.belowTitle ?? ' ')}
      </Text>
      {p.below ? <WindowedList rows={p.below} selected={Math.min(scroll, p.below.length - 1)} height={belowRows} cols={shell.cols} focus={false} empty={t('ui.form.noRecords')} /> : null}
    </Box>
  );
}

/** An optional amount typed in yuan: fen, null when blank, or undefined after telling the clerk what is wrong. */
export function optionalYuan(shell: Shell, text: string | undefined, label: string): number | null | undefined {
  if (!text?.trim()) return null;
  try {
    return yuanToFen(text);
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    shell.flash(t('ui.form.fieldError', { label, message: err.message }), 'error');
    return undefined;
  }
}
