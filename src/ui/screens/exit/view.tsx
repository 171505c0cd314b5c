// The gradual-exit form (渐退期): which member found work, where, from when;
// the benefit continues for the settings' months with the wage uncounted.
import React from 'react';
import { exitSaved, exitSummary, gradualExitsOf, recordGradualExit } from '../../../recipients/gradualExit.js';
import { householderOf } from '../../../case/household.js';
import { settingsOf } from '../../../office/context.js';
import { formatYuan } from '../../../rules/money.js';
import { addMonths } from '../../../rules/dayNumber.js';
import { useShell } from '../../shell.js';
import type { Field } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { optionalYuan } from '../formScreen.js';
import { EnrolmentForm, NoEnrolment } from '../enrolmentForm.js';

export function GradualExitScreen({ enrolmentId }: { enrolmentId: string }) {
  const shell = useShell();
  const { office, today } = shell;
  const view = office.view;
  const e = view.get('enrolments', enrolmentId);
  if (!e) return <NoEnrolment enrolmentId={enrolmentId} />;
  const members = view.all('members').filter((m) => m.householdId === e.householdId && !m.leftOn);
  const fields: Field[] = [
    { key: 'member', label: t('recipients.exit.member'), kind: 'choice', choices: members.map((m) => [m.idNumber, t('recipients.exit.memberChoice', { name: m.name, relation: m.relation })] as const) },
    { key: 'work', label: t('recipients.exit.work'), kind: 'text', placeholder: t('recipients.exit.workHint') },
    { key: 'from', label: t('recipients.exit.from'), kind: 'text' },
    { key: 'wage', label: t('recipients.exit.wage'), kind: 'text', placeholder: t('recipients.exit.wageHint') },
    { key: 'note', label: t('recipients.exit.note'), kind: 'text' },
  ];
  const months = settingsOf(view).gradualExitMonths;
  const pristine = { member: members[0]?.idNumber ?? '', work: '', from: today.slice(0, 7), wage: '', note: '' };
  const perMonth = (fen: number) => t('recipients.perMonth', { amount: formatYuan(fen) });
  return (
    <EnrolmentForm
      draftId={`exit:${enrolmentId}`}
      draftKind="gradual-exit"
      fields={fields}
      pristine={pristine}
      header={[
        t('recipients.exit.title', { name: householderOf(view, e.householdId).name, program: e.program, amount: perMonth(e.monthlyAmountFen) }),
        t('recipients.exit.rule', { months, until: addMonths(pristine.from, Math.max(0, months - 1)) }),
      ]}
      belowTitle={t('recipients.exit.earlier')}
      below={gradualExitsOf(view, enrolmentId).map((x) => ({ key: x.id, text: t('recipients.exit.row', { from: x.from, until: x.until, name: x.memberName, work: x.work, wage: x.wageFen != null ? `  ${perMonth(x.wageFen)}` : '' }) }))}
      save={(v) => {
        const wage = optionalYuan(shell, v.wage, t('recipients.exit.wage'));
        if (wage === undefined) return null;
        const from = (v.from ?? '').trim();
        return {
          action: 'recipient.exit',
          summary: exitSummary(enrolmentId, from),
          record: (tx) => recordGradualExit(tx, { enrolmentId, memberId: v.member ?? '', work: v.work ?? '', wageFen: wage, from, note: v.note }),
        };
      }}
      saved={exitSaved}
    />
  );
}
