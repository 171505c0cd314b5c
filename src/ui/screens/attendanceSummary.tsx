// The monthly summary screen (公益劳动月度汇总): per person due, attended,
// excused and absent, warnings and recommendations marked, and closing the
// month (结账), which locks its marks and queues the file for the township.
import React, { useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Office } from '../../store/office.js';
import { closeMonth } from '../../attendance/marking.js';
import { monthSummary, type MonthSummary } from '../../attendance/summary.js';
import { addMonths } from '../../rules/dayNumber.js';
import { fit } from '../layout.js';
import { guarded } from './guarded.js';

export interface AttendanceSummaryProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** `YYYY-MM`; default this month. */
  month?: string;
  rows?: number;
}

export function AttendanceSummaryScreen({ office, operator, onBack, month: wanted, rows = 24 }: AttendanceSummaryProps) {
  const today = office.now().date;
  const [month, setMonth] = useState(wanted ?? today.slice(0, 7));
  const [summary, setSummary] = useState<MonthSummary>(() => monthSummary(office.view, month, today));
  const [cursor, setCursor] = useState(0);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const live = useRef({ month, busy: false, confirming: false });

  const people = onlyFlagged ? summary.people.filter((p) => p.warning) : summary.people;
  const listRows = Math.max(3, rows - 7);

  const show = (m: string) => {
    live.current.month = m;
    setMonth(m);
    setSummary(monthSummary(office.view, m, today));
    setCursor(0);
  };

  const close = () =>
    guarded(live.current, setMessage, async () => {
      const m = live.current.month;
      await office.transact({ operator, source: 'local', action: 'attendance.close', summary: `${m} 公益劳动考勤结账` }, (tx) => closeMonth(tx, m));
      setSummary(monthSummary(office.view, m, today));
      return `${m} 已结账：考勤汇总已排队上报街道`;
    });

  useInput((input, key) => {
    if (live.current.busy) return;
    if (live.current.confirming) {
      live.current.confirming = false;
      setConfirming(false);
      if (input === 'y') void close();
      return;
    }
    setMessage(null);
    if (key.escape || input === 'q') return onBack();
    if (key.upArrow || input === 'k') return setCursor((c) => Math.max(0, c - 1));
    if (key.downArrow || input === 'j') return setCursor((c) => Math.min(Math.max(0, people.length - 1), c + 1));
    if (key.pageUp) return setCursor((c) => Math.max(0, c - listRows));
    if (key.pageDown) return setCursor((c) => Math.min(Math.max(0, people.length - 1), c + listRows));
    if (input === '[') return show(addMonths(live.current.month, -1));
    if (input === ']') return show(addMonths(live.current.month, 1));
    if (input === 'w') {
      setOnlyFlagged((f) => !f);
      return setCursor(0);
    }
    if (input === 'c') {
      if (office.view.get('attendanceMonths', live.current.month)) return setMessage({ text: '这个月已经结账了：更正请用 jiuzhu attendance amend（须写原因）', bad: true });
      live.current.confirming = true;
      setConfirming(true);
    }
  });

  const warned = summary.people.filter((p) => p.warning && !p.recommendation).length;
  const recommended = summary.people.filter((p) => p.recommendation).length;
  const top = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), people.length - listRows));
  const visible = people.slice(top, top + listRows);

  let bottom: React.ReactNode = <Text> </Text>;
  if (confirming) bottom = <Text color="yellow">结账后签到锁定、汇总上报街道，之后只能写明原因更正。确定结账 {month}？y 确定 · 其他键取消</Text>;
  else if (message) bottom = <Text color={message.bad ? 'red' : 'green'} wrap="truncate">{message.text}</Text>;
  else if (summary.unmarkedSessions.length) bottom = <Text color="yellow" wrap="truncate">未签完：{summary.unmarkedSessions.join(' ')}</Text>;

  return (
    <Box flexDirection="column" width={80}>
      <Text bold wrap="truncate">
        公益劳动月度汇总 {month}{summary.closed ? ' 〔已结账〕' : ''}  截至 {summary.asOf}，{summary.sessions.length} 次
      </Text>
      <Text wrap="truncate">
        {summary.people.length} 人{'　'}<Text color="yellow">提醒 {warned}</Text>{'　'}<Text color="red">建议处理 {recommended}</Text>
        {onlyFlagged ? '　（只看提醒和建议）' : ''}
      </Text>
      <Text dimColor>{fit('    组  姓名        应参加 实参加 请假 缺勤 未签  处理建议', 78)}</Text>
      {visible.map((p, i) => {
        const at = top + i === cursor;
        const color = p.recommendation ? 'red' : p.warning ? 'yellow' : undefined;
        return (
          <Text key={p.idNumber} inverse={at} wrap="truncate">
            {at ? '▸ ' : '  '}
            {fit(`${p.group}组`, 4)}
            {fit(p.name, 12)}
            {String(p.due).padStart(6)} {String(p.attended).padStart(6)} {String(p.excused).padStart(4)}{' '}
            <Text color={color}>{String(p.absent).padStart(4)}</Text> {String(p.unmarked).padStart(4)}{'  '}
            <Text color={color}>{p.advice}</Text>
          </Text>
        );
      })}
      {people.length === 0 ? <Text>{onlyFlagged ? '这个月没有人需要提醒。' : '这个月还没有公益劳动记录。'}</Text> : null}
      {bottom}
      <Text dimColor wrap="truncate">↑↓移动 [ ]换月份 w只看提醒 c结账 Esc返回</Text>
    </Box>
  );
}
