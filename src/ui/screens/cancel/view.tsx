// Entering a stop in the cancellation register: the month, the reason, the
// deciding office and its date (the stop itself is the county's file).
import React from 'react';
import { cancelSaved, cancelSummary, registerCancellation } from '../../../recipients/cancellations.js';
import { householderOf } from '../../../case/household.js';
import { useShell } from '../../shell.js';
import type { Field } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { EnrolmentForm, NoEnrolment } from '../enrolmentForm.js';

export function cancelFields(): Field[] {
  return [
    { key: 'month', label: t('recipients.cancel.month'), kind: 'text' },
    { key: 'reason', label: t('recipients.cancel.reason'), kind: 'text', placeholder: t('recipients.cancel.reasonHint') },
    { key: 'decidedBy', label: t('recipients.cancel.decidedBy'), kind: 'text', placeholder: t('recipients.cancel.decidedByHint') },
    { key: 'date', label: t('recipients.cancel.date'), kind: 'text' },
  ];
}

export function CancelScreen({ enrolmentId, params }: { enrolmentId: string; params: Readonly<Record<string, string>> }) {
  const shell = useShell();
  const view = shell.office.view;
  const e = view.get('enrolments', enrolmentId);
  if (!e) return <NoEnrolment enrolmentId={enrolmentId} />;
  return (
    <EnrolmentForm
      draftId={`cancel:${enrolmentId}`}
      draftKind="cancellation"
      fields={cancelFields()}
      pristine={{ month: params.month || shell.today.slice(0, 7), reason: params.reason ?? '', decidedBy: '', date: params.date || shell.today }}
      header={[t('recipients.cancel.title', { name: householderOf(view, e.householdId).name, program: e.program }), t('recipients.cancel.rule')]}
      save={(v) => ({
        action: 'recipient.cancel',
        summary: cancelSummary(enrolmentId),
        record: (tx) => registerCancellation(tx, { enrolmentId, effectiveMonth: (v.month ?? '').trim(), reason: v.reason ?? '', decidedBy: v.decidedBy ?? '', decisionDate: (v.date ?? '').trim() }),
      })}
      saved={cancelSaved}
    />
  );
}
