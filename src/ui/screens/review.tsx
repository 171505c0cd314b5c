// The review screen (复核): date, findings, income re-checked, and the
// recommendation; adjust or stop goes to the county as a pending item.
import React, { useMemo } from 'react';
import { Text } from 'ink';
import { addReview, RECOMMENDATION_WORDS, RECOMMENDATIONS, reviewMonthsOf, reviewsOf, nextReview, type Recommendation } from '../../recipients/reviews.js';
import { householderOf } from '../../case/household.js';
import { settingsOf } from '../../office/context.js';
import { formatYuan } from '../../rules/money.js';
import { useShell } from '../shell.js';
import { loadDraft } from '../drafts.js';
import { deleteDraft } from '../../office/drafts.js';
import { row } from '../layout.js';
import type { Field, ListRow } from '../widgets.js';
import { FormScreen, optionalYuan } from './formScreen.js';

export const REVIEW_FIELDS: Field[] = [
  { key: 'date', label: '复核日期', kind: 'text' },
  { key: 'findings', label: '复核情况', kind: 'text', placeholder: '入户看到的情况' },
  { key: 'rechecked', label: '已核对收入', kind: 'toggle' },
  { key: 'income', label: '人均月收入(元)', kind: 'text', placeholder: '核对后填写，可空' },
  { key: 'recommendation', label: '复核意见', kind: 'choice', choices: RECOMMENDATIONS.map((r) => [r, RECOMMENDATION_WORDS[r]] as const) },
];

export function ReviewScreen({ enrolmentId }: { enrolmentId: string }) {
  const shell = useShell();
  const { office, today, version } = shell;
  const view = office.view;
  const e = view.get('enrolments', enrolmentId);
  const reviews = useMemo(() => reviewsOf(office.view, enrolmentId), [office, enrolmentId, version]);
  if (!e) return <Text color="red">没有这条保障记录：{enrolmentId}</Text>;
  const h = householderOf(view, e.householdId);
  const months = reviewMonthsOf(settingsOf(view), e.category);
  const last = reviews.at(-1)?.date ?? null;
  const pristine = { date: today, findings: '', rechecked: '否', income: '', recommendation: 'keep' };
  const draftId = `review:${enrolmentId}`;
  const initial = { ...pristine, ...(loadDraft(view, draftId) ?? {}) };
  const below: ListRow[] = [...reviews].reverse().map((r) => ({
    key: r.id,
    text: row([r.date, RECOMMENDATION_WORDS[r.recommendation], r.incomeRechecked ? '已核收入' : '', r.by, r.findings], [{ w: 10 }, { w: 8 }, { w: 8 }, { w: 6 }, { w: 40 }]),
  }));
  return (
    <FormScreen
      draftId={draftId}
      draftKind="review"
      fields={REVIEW_FIELDS}
      initial={initial}
      pristine={pristine}
      header={[
        `复核 ${h.name}  ${e.program}  ${e.category ? `${e.category}类（每 ${months} 个月）` : `未分类（按每 ${months} 个月）`}  ${formatYuan(e.monthlyAmountFen)}/月  ${e.persons} 人`,
        `上次复核 ${last ?? '无'}  应复核 ${nextReview(e, last, months)}`,
      ]}
      belowTitle="历次复核："
      below={below}
      onSubmit={async (v) => {
        const income = optionalYuan(shell, v.income, '人均月收入');
        if (income === undefined) return false;
        const r = await shell.save({ action: 'review.add', summary: `复核 ${enrolmentId}：${RECOMMENDATION_WORDS[v.recommendation as Recommendation] ?? ''}` }, (tx) => {
          const saved = addReview(tx, {
            enrolmentId,
            date: v.date ?? '',
            findings: v.findings ?? '',
            incomeRechecked: v.rechecked === '是' || income !== null,
            perCapitaIncomeFen: income,
            recommendation: v.recommendation as Recommendation,
          });
          deleteDraft(tx, draftId);
          return saved;
        });
        if (r.ok) shell.flash(`复核已保存${r.result.recommendation === 'keep' ? '' : '，已列入待处理，等区县的待遇变更文件决定'}`);
        return r.ok;
      }}
    />
  );
}
