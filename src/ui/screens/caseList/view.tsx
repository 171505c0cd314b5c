// The case list: every case with its status and days left, overdue and
// near-due marked; typing finds a household by name, pinyin initials
// (zs finds 张三), ID number or a part of it, or case number. The state and
// the meaning of each key are in state.ts; keys come through the
// shell's keymap.
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { Office } from '../../../store/office.js';
import type { CaseListRow } from '../../../case/list.js';
import { clip, pad, width } from '../../layout.js';
import { CASE_STATUSES } from '../../../office/model.js';
import { noticeHtml, savePrintable } from '../../../print/forms.js';
import { t, word } from '../../../i18n/index.js';
import { useKeys, type Hint } from '../../shell.js';
import { useNavReducer } from '../navReducer.js';
import { caseListKey, caseListReducer, caseListRows, caseListViews, initialCaseListState, programLabel } from './state.js';

export interface CaseListScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  onOpen?: (caseNo: string) => void;
  rows?: number;
}

function dueText(r: CaseListRow): { text: string; color?: string } {
  if (!r.deadline) return { text: '' };
  if (r.overdue) return { text: t('case.listDueOverdue', { date: r.deadline, days: -(r.daysLeft ?? 0) }), color: 'red' };
  return { text: t('case.listDueLeft', { date: r.deadline, days: r.daysLeft ?? 0 }), ...(r.near ? { color: 'yellow' } : {}) };
}

function hints(): Hint[] {
  return [
    [t('case.keyType'), t('case.listHintFind')],
    ['Tab', t('case.listHintStatus')],
    ['←→', t('case.listHintProgram')],
    ['Enter', t('case.listHintOpen')],
    ['Ctrl+P', t('case.listHintNotice')],
    ['Esc', t('case.keyBack')],
  ];
}

export function CaseListScreen({ office, onBack, onOpen, rows = 24 }: CaseListScreenProps) {
  const [s, dispatch] = useNavReducer('caseList', caseListReducer, initialCaseListState);
  const [, refresh] = useState(0);
  useEffect(() => office.onChange(() => refresh((n) => n + 1)), [office]);
  const [message, setMessage] = useState('');
  const list = caseListRows(office.view, office.now().date, s);

  const printNotice = async () => {
    try {
      const today = office.now().date;
      const { html, count } = noticeHtml(office.view, today);
      const file = await savePrintable(office.dir, t('case.noticeFileName', { date: today }), html);
      setMessage(t('case.listNoticeSaved', { count, file }));
    } catch (err) {
      setMessage(t('case.notSaved', { reason: (err as Error).message }));
    }
  };

  useKeys((input, key) => {
    const c = caseListKey(s, input, key, list.length);
    if (!c) return false;
    if (c.type === 'printNotice') void printNotice();
    else if (c.type === 'back') onBack();
    else if (c.type === 'open') {
      const r = list[s.cursor];
      if (r && onOpen) onOpen(r.caseNo);
    } else dispatch(c);
    return true;
  }, hints());

  const { query, view, program, cursor } = s;
  const room = Math.max(3, rows - 5 - (message ? 2 : 0));
  const first = Math.min(Math.max(0, cursor - Math.floor(room / 2)), Math.max(0, list.length - room));
  const overdue = list.filter((r) => r.overdue).length;
  const near = list.filter((r) => r.near).length;
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>
        {t('case.listTitle', { view: caseListViews()[view]!.label, program: programLabel(program), count: list.length })}
        {overdue ? <Text color="red"> {t('case.listOverdueCount', { count: overdue })}</Text> : null}
        {near ? <Text color="yellow"> {t('case.listNearCount', { count: near })}</Text> : null}
      </Text>
      <Text>{t('case.listFind')}{clip(query, 60, true)}▏</Text>
      {list.length === 0 ? <Text dimColor>{t('case.listNone')}</Text> : null}
      {list.slice(first, first + room).map((r, i) => {
        // As wide as the longest status word of the language (English words are longer), at most 17.
        const statusWidth = Math.min(17, Math.max(...CASE_STATUSES.map((st) => width(word('status', st)))) + 1);
        const due = dueText(r);
        const focused = first + i === cursor;
        return (
          <Text key={r.caseNo} inverse={focused}>
            {focused ? '›' : ' '}
            {pad(r.caseNo.slice(-9), 10)}
            {pad(clip(r.householderName, 8), 9)}
            {pad(r.program, 11)}
            {pad(clip(word('status', r.status), statusWidth - 1), statusWidth)}
            <Text color={due.color}>{clip(due.text, 26)}</Text>
          </Text>
        );
      })}
      {message ? (
        <Box width={79}>
          <Text color="green" wrap="wrap">{clip(message, 150, true)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
