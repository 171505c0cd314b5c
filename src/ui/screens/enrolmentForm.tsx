// The forms about one benefit (review, gradual exit, cancellation): the form
// starts from its saved draft, a save records and drops the draft in one
// transaction, and the clerk is told what was saved.
import React from 'react';
import { Text } from 'ink';
import type { Tx } from '../../store/office.js';
import { deleteDraft } from '../../office/drafts.js';
import { useShell } from '../shell.js';
import { loadDraft } from '../drafts.js';
import type { Field, ListRow } from '../widgets.js';
import { t } from '../../i18n/index.js';
import { FormScreen } from './formScreen.js';

/** What a submit saves: the journal's action and summary and the record; null when the clerk was already told what is wrong. */
export interface EnrolmentSave<T> {
  action: string;
  summary: string;
  record: (tx: Tx) => T;
}

export interface EnrolmentFormProps<T> {
  draftId: string;
  draftKind: string;
  fields: readonly Field[];
  pristine: Record<string, string>;
  header: readonly string[];
  belowTitle?: string;
  below?: readonly ListRow[];
  save: (values: Record<string, string>) => EnrolmentSave<T> | null;
  /** the line the clerk sees once it is saved */
  saved: (result: T) => string;
}

export function EnrolmentForm<T>(p: EnrolmentFormProps<T>) {
  const shell = useShell();
  const view = shell.office.view;
  return (
    <FormScreen
      draftId={p.draftId}
      draftKind={p.draftKind}
      fields={p.fields}
      initial={{ ...p.pristine, ...(loadDraft(view, p.draftId) ?? {}) }}
      pristine={p.pristine}
      header={p.header}
      {...(p.belowTitle !== undefined ? { belowTitle: p.belowTitle } : {})}
      {...(p.below ? { below: p.below } : {})}
      onSubmit={async (v) => {
        const plan = p.save(v);
        if (!plan) return false;
        const r = await shell.save({ action: plan.action, summary: plan.summary }, (tx) => {
          const rec = plan.record(tx);
          deleteDraft(tx, p.draftId);
          return rec;
        });
        if (r.ok) shell.flash(p.saved(r.result));
        return r.ok;
      }}
    />
  );
}

/** The line shown for a benefit record that does not exist (a stale link). */
export function NoEnrolment({ enrolmentId }: { enrolmentId: string }) {
  return <Text color="red">{t('recipients.screen.noEnrolment', { enrolmentId })}</Text>;
}
