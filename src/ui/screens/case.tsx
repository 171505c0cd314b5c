// The case screen: where a case stands on its way, its deadline, and the
// next steps (the twin of `jiuzhu case advance` and `case correct`). A refused
// step shows why and keeps what was typed.
import React, { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Office } from '../../store/office.js';
import { caseDocument } from '../../case/document.js';
import { caseHistory } from '../../case/history.js';
import { communityDeadlineOf, investigationDueOf, noticeEndOf, refusalNoticeDueOf } from '../../case/deadlines.js';
import { nextActions } from '../../case/next.js';
import { advanceCase, openObjections, possibleSteps, REVIEW_RESULTS, splitNames, STEP_WORDS, submitFrom, type Step } from '../../case/steps.js';
import { isIsoDate } from '../../rules/dayNumber.js';
import { checklist } from '../../rules/materials.js';
import { correctCase } from '../../case/correction.js';
import { UserFacingError } from '../../office/errors.js';
import { cycle } from './intakeRows.js';
import stringWidth from 'string-width';
import { clip, pad } from '../layout.js';
import { formatYuan } from '../../rules/money.js';
import { settingsOf } from '../../office/context.js';
import { caseFormHtml, FORM_WORDS, savePrintable, type Form } from '../../print/forms.js';
import { t, word } from '../../i18n/index.js';

export interface CaseScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  caseNo: string;
  rows?: number;
}

type Action = Step | 'correct';
type MenuItem = Action | `print:${Form}`;
type FieldName = 'date' | 'by' | 'result' | 'note' | 'materials';

const FIELD_LABELS: Record<FieldName, string> = { date: '日期', by: '人员', result: '评议结果', note: '说明', materials: '材料' };

const FIELDS: Record<Action, FieldName[]> = {
  accept: ['date', 'materials'],
  investigate: ['date', 'by', 'note'],
  review: ['result', 'date', 'by', 'note'],
  notice: ['date'],
  objection: ['date', 'note'],
  resolve: ['date', 'note'],
  submit: ['date'],
  withdraw: ['date', 'note'],
  correct: ['note', 'materials'],
};

const NOTE_HINT: Partial<Record<Action, string>> = {
  investigate: '调查发现',
  review: '评议情况/未评议原因',
  objection: '异议内容',
  resolve: '复核结论',
  withdraw: '撤回原因',
  correct: '更正了什么',
};

const BY_HINT: Partial<Record<Action, string>> = { investigate: '调查人员，逗号分隔', review: '评议小组成员' };

export function CaseScreen({ office, operator, onBack, caseNo, rows = 24 }: CaseScreenProps) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Keys may come faster than renders: the handler works on refs, renders read them.
  const st = useRef({ history: false, pick: 0, action: null as Action | null, field: 0, values: { date: '', by: '', result: '通过', note: '', materials: '' } as Record<FieldName, string>, busy: false });
  const [, rerender] = useState(0);
  const set = (patch: Partial<typeof st.current>) => {
    st.current = { ...st.current, ...patch };
    rerender((n) => n + 1);
  };
  const { pick, action, field, values } = st.current;

  useEffect(() => office.onChange(() => setVersion((v) => v + 1)), [office]);

  const view = office.view;
  const today = office.now().date;
  const c = view.get('cases', caseNo);
  void version;

  const menuOf = (): MenuItem[] => {
    const cur = office.view.get('cases', caseNo);
    if (!cur) return [];
    const next = nextActions(cur);
    return [...next.steps, ...(next.correct ? (['correct'] as const) : []), ...next.forms.map((f) => `print:${f}` as const)];
  };

  const print = async (form: Form) => {
    try {
      const cur = office.view.get('cases', caseNo)!;
      const file = await savePrintable(office.dir, `${caseNo}-${form}`, caseFormHtml(office.view, cur, form, office.now().date, operator));
      setMessage({ ok: true, text: `${FORM_WORDS[form]}已保存：${file}（用浏览器打开，A4 打印）` });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof UserFacingError ? err.message : `没有保存：${(err as Error).message}` });
    }
  };
  const menu = menuOf();
  const fields = action ? FIELDS[action] : [];

  const open = (a: Action) => {
    set({ action: a, values: { date: office.now().date, by: '', result: '通过', note: '', materials: '' }, field: 0 });
    setMessage(null);
  };

  const run = async () => {
    const { action, values, busy } = st.current;
    if (!action || busy) return;
    const fields = FIELDS[action];
    set({ busy: true });
    try {
      const meta = { operator, source: 'local' as const, action: action === 'correct' ? 'case.correct' : `case.${action}`, summary: `${caseNo} ${action === 'correct' ? '更正' : STEP_WORDS[action]}` };
      const { result } = await office.transact(meta, (tx) =>
        action === 'correct'
          ? { warnings: [] as string[], ...correctCase(tx, caseNo, { note: values.note, materials: splitNames(values.materials) }) }
          : advanceCase(tx, caseNo, action, {
              date: values.date.trim() || undefined,
              by: fields.includes('by') ? splitNames(values.by) : undefined,
              result: fields.includes('result') ? values.result : undefined,
              note: values.note,
              materials: splitNames(values.materials),
            }),
      );
      setMessage({ ok: true, text: `已完成：${action === 'correct' ? '更正' : STEP_WORDS[action]}，现在是「${word('status', result.status)}」${result.warnings.length ? `（${result.warnings.join('；')}）` : ''}` });
      set({ action: null, pick: 0 });
      setVersion((v) => v + 1);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof UserFacingError ? err.message.replace(/\n\s*/g, ' ') : `出错了：${(err as Error).message}` });
    } finally {
      set({ busy: false });
    }
  };

  useInput((input, key) => {
    const { busy, action, pick, field, values } = st.current;
    if (busy) return;
    if (!action) {
      const menu = menuOf();
      if (key.escape) return st.current.history ? set({ history: false }) : onBack();
      if (input === 'h') return set({ history: !st.current.history });
      if (key.upArrow) set({ pick: Math.max(0, pick - 1) });
      else if (key.downArrow) set({ pick: Math.min(menu.length - 1, pick + 1) });
      else if (key.return && menu[pick]) {
        const item = menu[pick]!;
        if (item.startsWith('print:')) void print(item.slice(6) as Form);
        else open(item as Action);
      }
      return;
    }
    if (key.escape) {
      set({ action: null });
      setMessage(null);
      return;
    }
    if (key.ctrl && input === 's') return void run();
    const fields = FIELDS[action];
    const last = fields.length; // the confirm row
    if (key.upArrow || (key.tab && key.shift)) return set({ field: Math.max(0, field - 1) });
    if (key.downArrow || key.tab) return set({ field: Math.min(last, field + 1) });
    if (field === last) {
      if (key.return) void run();
      return;
    }
    const name = fields[field]!;
    if (name === 'result') {
      if (key.leftArrow || key.rightArrow || input === ' ') set({ values: { ...values, result: cycle(REVIEW_RESULTS, values.result, key.leftArrow ? -1 : 1) } });
      else if (key.return) set({ field: field + 1 });
      return;
    }
    if (key.return) return set({ field: field + 1 });
    if (key.backspace || key.delete) return set({ values: { ...values, [name]: [...values[name]].slice(0, -1).join('') } });
    if (input && !key.ctrl && !key.meta) set({ values: { ...values, [name]: values[name] + input.replace(/[\r\n]/g, '') } });
  });

  if (!c) {
    return (
      <Box flexDirection="column" width={80}>
        <Text color="red">{t('case.notFound', { caseNo })}</Text>
        <Text dimColor>Esc 返回</Text>
      </Box>
    );
  }

  const doc = caseDocument(view, c, today);
  const dl = communityDeadlineOf(c, view, today);
  const inv = investigationDueOf(c, view, today);
  const lines: { text: string; color?: string }[] = [];
  const add = (text: string, color?: string) => lines.push({ text, ...(color ? { color } : {}) });
  add(`户主 ${doc.householder.name}  家庭人口 ${doc.members.length}  人均月收入 ${formatYuan(doc.perCapitaIncomeFen)}  ${doc.area}`);
  if (dl) {
    add(`办理期限 ${dl.date}（${dl.overdue ? `已超期 ${-dl.daysLeft} 个工作日` : `剩 ${dl.daysLeft} 个工作日`}）`, dl.overdue ? 'red' : dl.near ? 'yellow' : undefined);
  }
  if (inv) add(`入户调查须于 ${inv.date} 前开始${inv.overdue ? '（已超期）' : ''}`, inv.overdue ? 'red' : undefined);
  add(`受理    ${c.acceptedOn ? `✓ ${c.acceptedOn}` : `— 材料未齐（申请 ${c.applicationDate}）`}`);
  add(`入户调查 ${c.investigation ? `✓ ${c.investigation.date} ${c.investigation.by.join('、')}` : '—'}`);
  add(`民主评议 ${c.review ? `✓ ${c.review.date} ${c.review.result}${c.review.panel.length ? ` ${c.review.panel.join('、')}` : ` ${c.review.note}`}` : '—'}`);
  if (c.notice) {
    const openCount = openObjections(c).length;
    add(`公示    ✓ ${c.notice.start} 至 ${c.notice.end}  异议 ${c.notice.objections.length} 条${openCount ? `，${openCount} 条未复核` : ''}`, openCount ? 'yellow' : undefined);
  } else add('公示    —');
  add(`上报街道 ${c.submittedOn ? `✓ ${c.submittedOn}` : '—'}`);
  if (c.township) add(`街道审核 ${c.township.result} ${c.township.date} ${c.township.note}`, c.township.result === '同意' ? 'green' : 'yellow');
  if (c.decision) {
    const d = c.decision;
    add(`区县审批 ${d.result} ${d.date}${d.result === '批准' ? ` ${d.persons ?? ''}人 ${d.monthlyAmountFen == null ? '' : formatYuan(d.monthlyAmountFen)} ${d.category ?? ''}类 自${d.startMonth ?? ''}` : ` ${d.reason ?? ''}`}`, d.result === '批准' ? 'green' : 'red');
  }
  const refusalDue = refusalNoticeDueOf(c, view, today);
  if (refusalDue) add(`不予批准通知书须于 ${refusalDue.date} 前送达（jiuzhu case print ${caseNo} refusal）`, refusalDue.overdue ? 'red' : 'yellow');
  // The office's own steps and the township's and county's results, in time order.
  const history = caseHistory(view, c);
  const eventLine = (h: (typeof history)[number]) =>
    `${h.at.slice(0, 16).replace('T', ' ')} ${word('event', h.event)} ${h.by}${h.source === 'local' ? '' : '（文件）'}${h.note ? ` ${h.note}` : ''}`;
  const last = history.at(-1);
  if (last) add(`最近：${eventLine(last)}`, 'gray');
  if (st.current.history) {
    // the whole history instead of the summary, newest last, as much as fits
    lines.length = 0;
    add(`办理记录（${history.length} 条）`);
    for (const h of history) add(eventLine(h), h.source === 'local' ? undefined : 'cyan');
  }

  // what the clerk should know before confirming
  let hint = '';
  if (action === 'notice' && isIsoDate(values.date)) hint = `公示 ${settingsOf(view).deadlines.noticeCalendarDays} 天，至 ${noticeEndOf(view, values.date)}`;
  else if (action === 'submit' && c.notice) hint = `公示至 ${c.notice.end}，${submitFrom(c)} 起可上报；未复核异议 ${openObjections(c).length} 条`;
  else if (action === 'accept') hint = `还缺：${checklist(c.program, c.circumstances, c.materials).missing.join('、') || '无'}`;
  else if (action === 'correct' && c.township) hint = `街道意见：${c.township.note}`;
  const body = action ? (
    <Box flexDirection="column">
      <Text bold>
        {action === 'correct' ? '更正' : STEP_WORDS[action]}
        {hint ? <Text color="cyan">  {clip(hint, 66)}</Text> : null}
      </Text>
      {fields.map((f, i) => {
        const label = f === 'note' ? (NOTE_HINT[action] ?? '说明') : f === 'by' ? (BY_HINT[action] ?? '人员') : FIELD_LABELS[f];
        const value = f === 'result' ? `‹${values.result}›` : `${values[f]}${i === field ? '▏' : ''}`;
        const head = `${i === field ? '›' : ' '} ${pad(label, 20)}`;
        return (
          <Text key={f} inverse={i === field}>
            {head}
            {clip(value, 79 - stringWidth(head), true)}
          </Text>
        );
      })}
      <Text inverse={field === fields.length} color="green">{field === fields.length ? '›' : ' '} 【确定】</Text>
    </Box>
  ) : (
    <Box flexDirection="column">
      <Text bold>下一步</Text>
      {possibleSteps(c).length === 0 ? <Text dimColor>  （社区这边没有可办的步骤：等待街道、区县的结果）</Text> : null}
      {menu.map((a, i) => (
        <Text key={a} inverse={i === pick}>
          {i === pick ? '›' : ' '} {a === 'correct' ? '更正（按退回意见修改后可再次上报）' : a.startsWith('print:') ? `打印${FORM_WORDS[a.slice(6) as Form]}` : STEP_WORDS[a as Step]}
        </Text>
      ))}
    </Box>
  );

  const showHistory = st.current.history && !action;
  const bodyRows = showHistory ? 0 : action ? fields.length + 2 : menu.length + 1 + (possibleSteps(c).length === 0 ? 1 : 0);
  const room = Math.max(3, rows - 4 - bodyRows - (message ? 2 : 0));
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>
        {caseNo}  {c.program}  「{word('status', c.status)}」
      </Text>
      {(showHistory ? [lines[0]!, ...lines.slice(1).slice(-(room - 1))] : lines.slice(0, room)).map((l, i) => (
        <Text key={i} color={l.color}>{clip(l.text, 79)}</Text>
      ))}
      {showHistory ? null : body}
      {message ? (
        <Box width={79}>
          <Text color={message.ok ? 'green' : 'red'} wrap="wrap">{clip(message.text, 150)}</Text>
        </Box>
      ) : null}
      <Text dimColor>{action ? '↑↓ 移动 ←→ 选择 Enter 下一项/确定 Ctrl+S 确定 Esc 取消' : st.current.history ? 'h 收起办理记录 Esc 返回' : '↑↓ 选择 Enter 办理 h 办理记录 Esc 返回'}</Text>
    </Box>
  );
}
