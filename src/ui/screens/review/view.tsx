// The review screen (复核): date, findings, income re-checked, and the
// recommendation; adjust or stop goes to the county as a pending item.
import React, { useMemo } from 'react';
import { addReview, RECOMMENDATIONS, recommendationWord, reviewInputOf, reviewSaved, reviewsOf, reviewSummary } from '../../../recipients/reviews.js';
import { nextReview, reviewMonthsOf } from '../../../recipients/reviewsDue.js';
import { householderOf } from '../../../case/household.js';
import { settingsOf } from '../../../office/context.js';
import { formatYuan } from '../../../rules/money.js';
import { useShell } from '../../shell.js';
import { row } from '../../layout.js';
import type { Field, ListRow } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { optionalYuan } from '../formScreen.js';
import { EnrolmentForm, NoEnrolment } from '../enrolmentForm.js';

export function reviewFields(): Field[] {
  return [
    { key: 'date', label: t('recipients.review.date'), kind: 'text' },
    { key: 'findings', label: t('recipients.review.findings'), kind: 'text', placeholder: t('recipients.review.findingsHint') },
    {
      key: 'rechecked',
      label: t('recipients.review.rechecked'),
      kind: 'choice',
      choices: [
        ['no', t('recipients.no')],
        ['yes', t('recipients.yes')],
      ],
    },
    { key: 'income', label: t('recipients.review.income'), kind: 'text', placeholder: t('recipients.review.incomeHint') },
    { key: 'recommendation', label: t('recipients.review.recommendation'), kind: 'choice', choices: RECOMMENDATIONS.map((r) => [r, recommendationWord(r)] as const) },
  ];
}

export function ReviewScreen({ enrolmentId }: { enrolmentId: string }) {
  const shell = useShell();
  const { office, today, version } = shell;
  const view = office.view;
  const e = view.get('enrolments', enrolmentId);
  const reviews = useMemo(() => reviewsOf(office.view, enrolmentId), [office, enrolmentId, version]);
  if (!e) return <NoEnrolment enrolmentId={enrolmentId} />;
  const h = householderOf(view, e.householdId);
  const months = reviewMonthsOf(settingsOf(view), e.category);
  const last = reviews.at(-1)?.date ?? null;
  const below: ListRow[] = [...reviews].reverse().map((r) => ({
    key: r.id,
    text: row([r.date, recommendationWord(r.recommendation), r.incomeRechecked ? t('recipients.review.rowRechecked') : '', r.by, r.findings], [{ w: 10 }, { w: 8 }, { w: 8 }, { w: 6 }, { w: 40 }]),
  }));
  const rhythm = e.category ? t('recipients.review.every', { category: e.category, months }) : t('recipients.review.everyUncategorised', { months });
  return (
    <EnrolmentForm
      draftId={`review:${enrolmentId}`}
      draftKind="review"
      fields={reviewFields()}
      pristine={{ date: today, findings: '', rechecked: 'no', income: '', recommendation: 'keep' }}
      header={[
        t('recipients.review.title', { name: h.name, program: e.program, rhythm, amount: formatYuan(e.monthlyAmountFen), persons: e.persons }),
        t('recipients.review.last', { last: last ?? t('recipients.none'), due: nextReview(e, last, months) }),
      ]}
      belowTitle={t('recipients.review.earlier')}
      below={below}
      save={(v) => {
        const income = optionalYuan(shell, v.income, t('recipients.review.income'));
        if (income === undefined) return null;
        const form = { enrolmentId, date: v.date ?? '', findings: v.findings ?? '', rechecked: v.rechecked === 'yes', perCapitaIncomeFen: income, recommendation: v.recommendation ?? '' };
        return { action: 'review.add', summary: reviewSummary(enrolmentId, form.recommendation), record: (tx) => addReview(tx, reviewInputOf(form)) };
      }}
      saved={reviewSaved}
    />
  );
}
