// The cancellation register (撤消登记: who, when, why, by whose decision),
// and the roster reconciliation list (名单核对).
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { cancellationRegister, registerCancellation, resolvePendingItem, rosterReconciliation } from '../../recipients/recipients.js';
import { householderOf } from '../../case/household.js';
import { PENDING_KIND_WORDS } from '../../office/pending.js';
import { row, type Column } from '../layout.js';
import { useKeys, useShell } from '../shell.js';
import { loadDraft } from '../drafts.js';
import { deleteDraft } from '../../office/drafts.js';
import { FormView, formKey, useListCursor, WindowedList, type Field, type FormState, type ListRow } from '../widgets.js';
import { FormScreen } from './formScreen.js';

const REGISTER_COLUMNS: Column[] = [{ w: 8 }, { w: 10 }, { w: 7 }, { w: 10 }, { w: 18 }, { w: 20 }];

export function CancellationsScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const list = useMemo(() => cancellationRegister(office.view), [office, version]);
  const rows: ListRow[] = list.map((r) => ({
    key: `${r.enrolmentId}:${r.registered ? 'r' : 'u'}:${r.decisionDate}`,
    text: row([r.householderName, r.program, r.effectiveMonth || '-', r.decisionDate || '-', r.reason || '-', r.registered ? r.decidedBy : '【待登记】区县已停发'], REGISTER_COLUMNS),
    color: r.registered ? undefined : 'yellow',
  }));
  const height = bodyRows - 2;
  const { sel, move } = useListCursor(rows, height);
  const cur = list[sel];
  useKeys(
    (input, key) => {
      if (move(input, key)) return true;
      if (!cur) return false;
      if (key.return) {
        if (cur.registered) shell.open('archive', { key: cur.householdId });
        else shell.open('cancel', { enrolmentId: cur.enrolmentId, month: cur.effectiveMonth, reason: cur.reason, date: cur.decisionDate });
        return true;
      }
      if (input === 'h') {
        shell.open('archive', { key: cur.householdId });
        return true;
      }
      return false;
    },
    [
      ['Enter', '登记/档案'],
      ['h', '档案'],
    ],
  );
  const waiting = list.filter((r) => !r.registered).length;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">撤消登记 {list.length - waiting} 条{waiting ? `，区县已停发待登记 ${waiting} 户（选中按 Enter 登记）` : ''}</Text>
      <Text dimColor wrap="truncate">
        {' '}
        {row(['户主', '类别', '停发月', '决定日期', '原因', '决定单位及文号'], REGISTER_COLUMNS)}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty="（撤消登记簿是空的）" />
    </Box>
  );
}

export const CANCEL_FIELDS: Field[] = [
  { key: 'month', label: '停发年月', kind: 'text' },
  { key: 'reason', label: '撤消原因', kind: 'text', placeholder: '如 收入超标、死亡、迁出' },
  { key: 'decidedBy', label: '决定单位文号', kind: 'text', placeholder: '如 区民政局 民发〔2026〕12号' },
  { key: 'date', label: '决定日期', kind: 'text' },
];

export function CancelScreen({ enrolmentId, params }: { enrolmentId: string; params: Readonly<Record<string, string>> }) {
  const shell = useShell();
  const view = shell.office.view;
  const e = view.get('enrolments', enrolmentId);
  if (!e) return <Text color="red">没有这条保障记录：{enrolmentId}</Text>;
  const pristine = { month: params.month || shell.today.slice(0, 7), reason: params.reason ?? '', decidedBy: '', date: params.date || shell.today };
  const draftId = `cancel:${enrolmentId}`;
  return (
    <FormScreen
      draftId={draftId}
      draftKind="cancellation"
      fields={CANCEL_FIELDS}
      initial={{ ...pristine, ...(loadDraft(view, draftId) ?? {}) }}
      pristine={pristine}
      header={[`撤消登记 ${householderOf(view, e.householdId).name}  ${e.program}`, '停发以区县的待遇变更文件为准；这里记下谁、何时、为什么、由谁决定。']}
      onSubmit={async (v) => {
        const r = await shell.save({ action: 'recipient.cancel', summary: `撤消登记 ${enrolmentId}` }, (tx) => {
          const rec = registerCancellation(tx, { enrolmentId, effectiveMonth: (v.month ?? '').trim(), reason: v.reason ?? '', decidedBy: v.decidedBy ?? '', decisionDate: (v.date ?? '').trim() });
          deleteDraft(tx, draftId);
          return rec;
        });
        if (r.ok) shell.flash(`已记入撤消登记：${r.result.householderName}`);
        return r.ok;
      }}
    />
  );
}

const NOTE_FIELD: Field[] = [{ key: 'note', label: '处理情况', kind: 'text', placeholder: '例如 已与区县核对，以区县为准' }];

export function ReconcileScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const items = useMemo(() => rosterReconciliation(office.view), [office, version]);
  const [resolving, setResolving] = useState<FormState | null>(null);
  const rows: ListRow[] = items.map((p) => ({ key: p.id, text: `${PENDING_KIND_WORDS[p.kind]}  ${p.householderName}（${p.since} 起）：${p.reason}` }));
  const height = bodyRows - (resolving ? 3 : 1);
  const { sel, move } = useListCursor(rows, height);
  const cur = items[sel];
  useKeys(
    (input, key) => {
      if (resolving) {
        if (key.escape) {
          setResolving(null);
          return true;
        }
        const ev = formKey(NOTE_FIELD, resolving, input, key);
        setResolving(ev.state);
        if (ev.submit && cur) {
          const note = (ev.state.values.note ?? '').trim();
          if (!note) {
            shell.flash('处理情况：请写明如何处理的', 'error');
            return true;
          }
          void shell.save({ action: 'pending.resolve', summary: `已处理 ${cur.id}：${note}` }, (tx) => resolvePendingItem(tx, cur.id)).then((r) => {
            if (r.ok) {
              setResolving(null);
              shell.flash('已标为处理完毕（记录保留在档案里）');
            }
          });
        }
        return true;
      }
      if (move(input, key)) return true;
      if (!cur) return false;
      if (key.return && cur.householderId) {
        shell.open('archive', { key: cur.householderId });
        return true;
      }
      if (input === 'd') {
        setResolving({ values: { note: '' }, focus: 0 });
        return true;
      }
      return false;
    },
    resolving ? [['Enter', '确认'], ['Esc', '取消']] : [['Enter', '档案'], ['d', '标为已处理']],
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">花名册核对：{items.length} 项待核对（区县花名册与本社区记录不一致、或未列入花名册）</Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty="（花名册与本社区记录一致）" />
      {resolving && cur ? (
        <Box flexDirection="column">
          <Text wrap="truncate">处理 {cur.householderName}：</Text>
          <FormView fields={NOTE_FIELD} state={resolving} cols={cols} />
        </Box>
      ) : null}
    </Box>
  );
}
