// The case list: every case with its status and days left, overdue and
// near-due marked; typing finds a household by name, pinyin initials
// (zs finds 张三), ID number or a part of it, or case number.
import React, { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Office } from '../../store/office.js';
import { caseList, type CaseFilter, type CaseListRow } from '../../case/list.js';
import { CLOSED_STATUSES } from '../../case/statuses.js';
import { CASE_STATUSES, PROGRAMS } from '../../office/model.js';
import { clip, pad } from '../layout.js';
import { noticeHtml, savePrintable } from '../../print/forms.js';
import { word } from '../../i18n/index.js';

export interface CaseListScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  onOpen?: (caseNo: string) => void;
  rows?: number;
}

/** What Tab cycles through: open cases, the due ones, then each status. */
const VIEWS: { label: string; filter: CaseFilter; open?: boolean }[] = [
  { label: '在办', filter: {}, open: true },
  { label: '全部', filter: {} },
  { label: '已超期', filter: { due: 'overdue' } },
  { label: '临近期限', filter: { due: 'near' } },
  ...CASE_STATUSES.map((s) => ({ label: word('status', s), filter: { status: s } })),
];
const PROGRAM_CHOICES = ['全部类别', ...PROGRAMS];

function dueText(r: CaseListRow): { text: string; color?: string } {
  if (!r.deadline) return { text: '' };
  if (r.overdue) return { text: `${r.deadline} 超期${-(r.daysLeft ?? 0)}天`, color: 'red' };
  return { text: `${r.deadline} 剩${r.daysLeft}天`, ...(r.near ? { color: 'yellow' } : {}) };
}

export function CaseListScreen({ office, onBack, onOpen, rows = 24 }: CaseListScreenProps) {
  const [, rerender] = useState(0);
  const st = useRef({ query: '', view: 0, program: 0, cursor: 0 });
  const set = (patch: Partial<typeof st.current>) => {
    st.current = { ...st.current, ...patch };
    rerender((n) => n + 1);
  };
  useEffect(() => office.onChange(() => rerender((n) => n + 1)), [office]);

  const listOf = (): CaseListRow[] => {
    const { query, view, program } = st.current;
    const v = VIEWS[view]!;
    const filter: CaseFilter = { ...v.filter, ...(program ? { program: PROGRAM_CHOICES[program]! } : {}), ...(query.trim() ? { find: query } : {}) };
    const all = caseList(office.view, office.now().date, filter);
    // overdue first, then the nearest deadlines, then the rest by number
    const open = v.open ? all.filter((r) => !CLOSED_STATUSES.has(r.status)) : all;
    return [...open].sort((a, b) => (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9) || a.caseNo.localeCompare(b.caseNo));
  };

  const [message, setMessage] = useState('');
  const printNotice = async () => {
    try {
      const { html, count } = noticeHtml(office.view, office.now().date);
      const file = await savePrintable(office.dir, `公示名单-${office.now().date}`, html);
      setMessage(`公示名单（${count} 户，姓名已遮挡）已保存：${file}`);
    } catch (err) {
      setMessage(`没有保存：${(err as Error).message}`);
    }
  };

  useInput((input, key) => {
    const s = st.current;
    const list = listOf();
    if (key.ctrl && input === 'p') return void printNotice();
    if (key.escape) return s.query ? set({ query: '', cursor: 0 }) : onBack();
    if (key.upArrow) return set({ cursor: Math.max(0, s.cursor - 1) });
    if (key.downArrow) return set({ cursor: Math.min(list.length - 1, s.cursor + 1) });
    if (key.tab) return set({ view: (s.view + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length, cursor: 0 });
    if (key.leftArrow || key.rightArrow) return set({ program: (s.program + (key.leftArrow ? PROGRAM_CHOICES.length - 1 : 1)) % PROGRAM_CHOICES.length, cursor: 0 });
    if (key.return) {
      const r = list[s.cursor];
      if (r && onOpen) onOpen(r.caseNo);
      return;
    }
    if (key.backspace || key.delete) return set({ query: [...s.query].slice(0, -1).join(''), cursor: 0 });
    if (input && !key.ctrl && !key.meta) set({ query: s.query + input.replace(/[\r\n\t]/g, ''), cursor: 0 });
  });

  const { query, view, program, cursor } = st.current;
  const list = listOf();
  const room = Math.max(3, rows - 5 - (message ? 2 : 0));
  const first = Math.min(Math.max(0, cursor - Math.floor(room / 2)), Math.max(0, list.length - room));
  const overdue = list.filter((r) => r.overdue).length;
  const near = list.filter((r) => r.near).length;
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>
        申请列表 · {VIEWS[view]!.label} · {PROGRAM_CHOICES[program]} · {list.length} 件
        {overdue ? <Text color="red"> 超期 {overdue}</Text> : null}
        {near ? <Text color="yellow"> 临近 {near}</Text> : null}
      </Text>
      <Text>查找：{clip(query, 60, true)}▏</Text>
      {list.length === 0 ? <Text dimColor>没有符合条件的申请</Text> : null}
      {list.slice(first, first + room).map((r, i) => {
        const due = dueText(r);
        const focused = first + i === cursor;
        return (
          <Text key={r.caseNo} inverse={focused}>
            {focused ? '›' : ' '}
            {pad(r.caseNo.slice(-9), 10)}
            {pad(clip(r.householderName, 8), 9)}
            {pad(r.program, 11)}
            {pad(word('status', r.status), 11)}
            <Text color={due.color}>{clip(due.text, 26)}</Text>
          </Text>
        );
      })}
      {message ? (
        <Box width={79}>
          <Text color="green" wrap="wrap">{clip(message, 150, true)}</Text>
        </Box>
      ) : null}
      <Text dimColor>{clip('输入姓名/首字母/身份证号查找 Tab状态 ←→类别 Enter打开 Ctrl+P公示名单 Esc返回', 79)}</Text>
    </Box>
  );
}
