// Recipients (在保对象): every enrolment with program, amount, persons,
// category and start; from here a review, a gradual exit or the archive.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { enrolmentRows, gradualExitsOf, recordGradualExit } from '../../recipients/recipients.js';
import { householderOf } from '../../case/household.js';
import { settingsOf } from '../../office/context.js';
import { formatYuan } from '../../rules/money.js';
import { addMonths } from '../../rules/dayNumber.js';
import { row, type Column } from '../layout.js';
import { useKeys, useNavState, useShell } from '../shell.js';
import { loadDraft } from '../drafts.js';
import { deleteDraft } from '../../office/drafts.js';
import { useListCursor, WindowedList, type Field, type ListRow } from '../widgets.js';
import { FormScreen, optionalYuan } from './formScreen.js';
import { word } from '../../i18n/index.js';

export const RECIPIENT_COLUMNS: Column[] = [{ w: 8 }, { w: 10 }, { w: 11, align: 'right' }, { w: 4, align: 'right' }, { w: 4 }, { w: 7 }, { w: 6 }, { w: 20 }];

export function RecipientsScreen() {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const [all, setAll] = useNavState('all', false);
  const list = useMemo(() => enrolmentRows(office.view, today), [office, today, version]);
  const shown = all ? list : list.filter((r) => r.status !== 'terminated');
  const rows: ListRow[] = shown.map((r) => ({
    key: r.id,
    text: row(
      [r.householderName, r.program, formatYuan(r.monthlyAmountFen), `${r.persons}人`, r.category ? `${r.category}类` : '-', r.since, word('enrolmentStatus', r.status), r.gradualExitUntil ? `渐退至 ${r.gradualExitUntil}` : ''],
      RECIPIENT_COLUMNS,
    ),
    color: r.status === 'suspended' ? 'yellow' : r.status === 'terminated' ? 'gray' : undefined,
  }));
  const height = bodyRows - 2;
  const { sel, move, reset } = useListCursor(rows, height);
  const cur = shown[sel];
  useKeys(
    (input, key) => {
      if (move(input, key)) return true;
      if (input === 'f') {
        setAll(!all);
        reset();
        return true;
      }
      if (!cur) return false;
      if (key.return) shell.open('archive', { key: cur.householdId });
      else if (input === 'v') shell.open('review', { enrolmentId: cur.id });
      else if (input === 'e') shell.open('exit', { enrolmentId: cur.id });
      else if (input === 'x') shell.open('cancel', { enrolmentId: cur.id });
      else return false;
      return true;
    },
    [
      ['Enter', '档案'],
      ['v', '复核'],
      ['e', '渐退'],
      ['x', '撤消登记'],
      ['f', all ? '只看在保' : '含已退出'],
    ],
  );
  const active = list.filter((r) => r.status === 'active');
  const rhythm = settingsOf(office.view).reviewMonths;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        在保 {active.length} 户，月保障金 {formatYuan(active.reduce((s, r) => s + r.monthlyAmountFen, 0))}；复核周期 A{rhythm.A}/B{rhythm.B}/C{rhythm.C} 个月；{all ? '全部' : '不含已退出'} {shown.length} 条
      </Text>
      <Text dimColor wrap="truncate">
        {' '}
        {row(['户主', '类别', '月保障金', '人数', '分类', '起始', '状态', ''], RECIPIENT_COLUMNS)}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty="（还没有在保对象）" />
    </Box>
  );
}

export function GradualExitScreen({ enrolmentId }: { enrolmentId: string }) {
  const shell = useShell();
  const { office, today } = shell;
  const view = office.view;
  const e = view.get('enrolments', enrolmentId);
  if (!e) return <Text color="red">没有这条保障记录：{enrolmentId}</Text>;
  const members = view.all('members').filter((m) => m.householdId === e.householdId && !m.leftOn);
  const fields: Field[] = [
    { key: 'member', label: '就业成员', kind: 'choice', choices: members.map((m) => [m.idNumber, `${m.name}（${m.relation}）`] as const) },
    { key: 'work', label: '就业单位岗位', kind: 'text', placeholder: '例如 东风物业 保洁员' },
    { key: 'from', label: '就业起始年月', kind: 'text' },
    { key: 'wage', label: '月工资(元)', kind: 'text', placeholder: '可空' },
    { key: 'note', label: '说明', kind: 'text' },
  ];
  const months = settingsOf(view).gradualExitMonths;
  const pristine = { member: members[0]?.idNumber ?? '', work: '', from: today.slice(0, 7), wage: '', note: '' };
  const draftId = `exit:${enrolmentId}`;
  const exits = gradualExitsOf(view, enrolmentId);
  return (
    <FormScreen
      draftId={draftId}
      draftKind="gradual-exit"
      fields={fields}
      initial={{ ...pristine, ...(loadDraft(view, draftId) ?? {}) }}
      pristine={pristine}
      header={[
        `渐退期登记 ${householderOf(view, e.householdId).name}  ${e.program}  ${formatYuan(e.monthlyAmountFen)}/月`,
        `就业后 ${months} 个月内保障继续、新工资不计入收入（从起始年月到 ${addMonths(pristine.from, Math.max(0, months - 1))} 这样算）`,
      ]}
      belowTitle="已登记的渐退期："
      below={exits.map((x) => ({ key: x.id, text: `${x.from} 至 ${x.until}  ${x.memberName}  ${x.work}${x.wageFen != null ? `  ${formatYuan(x.wageFen)}/月` : ''}` }))}
      onSubmit={async (v) => {
        const wage = optionalYuan(shell, v.wage, '月工资');
        if (wage === undefined) return false;
        const r = await shell.save({ action: 'recipient.exit', summary: `渐退期 ${enrolmentId} 自 ${v.from}` }, (tx) => {
          const rec = recordGradualExit(tx, { enrolmentId, memberId: v.member ?? '', work: v.work ?? '', wageFen: wage, from: (v.from ?? '').trim(), note: v.note });
          deleteDraft(tx, draftId);
          return rec;
        });
        if (r.ok) shell.flash(`渐退期已登记：${r.result.memberName} ${r.result.from} 至 ${r.result.until}`);
        return r.ok;
      }}
    />
  );
}
