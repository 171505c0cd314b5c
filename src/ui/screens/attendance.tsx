// The marking screen (公益劳动签到): one session's roster by group, one key
// per person (1 到 · 2 迟到 · 3 请假 · 4 缺勤, each moving on), `a` for
// "everybody else came", counts always on screen, `s` to save.
import React, { useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Office } from '../../store/office.js';
import { markingLock, markSession } from '../../attendance/marking.js';
import { moveToGroup } from '../../attendance/groups.js';
import { settingsOf } from '../../office/context.js';
import { sessionLines } from '../../attendance/sessionRoster.js';
import { isoWeekday } from '../../attendance/schedule.js';
import { type MarkStatus } from '../../attendance/types.js';
import { maskIdNumber } from '../../rules/idNumber.js';
import { fit } from '../layout.js';
import { guarded } from './guarded.js';
import { countMarks, initialMarkState, LEAVE_REASONS, markReducer, unsavedMarks, type MarkAction, type MarkLine, type MarkState } from './attendanceState.js';
import { word } from '../../i18n/index.js';

export interface AttendanceScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** The session to open; default today's, else the latest before today, else the next. */
  date?: string;
  /** Terminal rows; the frame stays one shorter. */
  rows?: number;
}

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];
const COLORS: Record<MarkStatus, string> = { present: 'green', late: 'yellow', excused: 'cyan', absent: 'red' };
const KEYS: Record<string, MarkStatus> = { '1': 'present', ' ': 'present', '2': 'late', '3': 'excused', '4': 'absent' };

function sessionDates(office: Office): string[] {
  return office.view
    .all('sessions')
    .filter((s) => !s.cancelled)
    .map((s) => s.date)
    .sort();
}

function pickDate(dates: readonly string[], today: string, wanted?: string): string | null {
  if (wanted && dates.includes(wanted)) return wanted;
  const past = dates.filter((d) => d <= today);
  return past.at(-1) ?? dates[0] ?? null;
}

function load(office: Office, date: string | null): { lines: MarkLine[]; saved: Record<string, { status: MarkStatus; note?: string }> } {
  const s = date ? office.view.get('sessions', date) : undefined;
  if (!s) return { lines: [], saved: {} };
  const lines = sessionLines(office.view, s).map((l) => ({ idNumber: l.idNumber, name: l.name, group: l.group, task: l.task, initials: l.initials }));
  return { lines, saved: { ...s.marks } };
}

/** The domain's lock (markingLock), as the screen needs it: read-only when closed or not yet come. */
function lockOf(office: Office, date: string | null, today: string): { closed: boolean; readOnly: boolean } {
  if (!date) return { closed: false, readOnly: false };
  const { closed, future } = markingLock(office.view, date, today);
  return { closed, readOnly: closed || future };
}

export function AttendanceScreen({ office, operator, onBack, date: wanted, rows = 24 }: AttendanceScreenProps) {
  const today = office.now().date;
  const [dates, setDates] = useState(() => sessionDates(office));
  const [date, setDateState] = useState(() => pickDate(dates, today, wanted));
  const live = useRef({ date, dates, busy: false, choosingGroup: false });
  const [choosingGroup, setChoosingGroup] = useState(false);
  const groupCount = settingsOf(office.view).labour.groups;
  const setDate = (d: string | null): void => {
    live.current.date = d;
    setDateState(d);
  };
  // Keys can arrive faster than React renders (a paste, a fast typist): the
  // handler reads and advances the state synchronously through a ref, and
  // React only renders it.
  const stateRef = useRef<MarkState | null>(null);
  stateRef.current ??= (() => {
    const l = load(office, date);
    return initialMarkState(l.lines, l.saved);
  })();
  const [, setRendered] = useState(stateRef.current);
  const dispatch = (a: MarkAction): void => {
    stateRef.current = markReducer(stateRef.current!, a);
    setRendered(stateRef.current);
  };
  const state = stateRef.current;
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const session = date ? office.view.get('sessions', date) : undefined;
  const { closed, readOnly } = lockOf(office, date, today);
  const unsaved = unsavedMarks(state);
  const counts = countMarks(state);

  const open = (d: string | null) => {
    setDate(d);
    const l = load(office, d);
    dispatch({ type: 'load', lines: l.lines, saved: l.saved });
  };

  const save = async (then?: () => void) => {
    const unsaved = unsavedMarks(stateRef.current!);
    const date = live.current.date;
    if (!date || !unsaved.length) {
      then?.();
      return;
    }
    setBusy(true);
    const ok = await guarded(live.current, setMessage, async () => {
      await office.transact({ operator, source: 'local', action: 'attendance.mark', summary: `${date} 公益劳动签到` }, (tx) =>
        markSession(tx, date, unsaved.map((u) => ({ idNumber: u.idNumber, ...u.mark }))),
      );
      const s = office.view.get('sessions', date);
      dispatch({ type: 'saved', marks: { ...(s?.marks ?? {}) } });
      live.current.dates = sessionDates(office);
      setDates(live.current.dates);
      return `已保存 ${unsaved.length} 人的签到`;
    });
    setBusy(false);
    if (ok) then?.();
    else dispatch({ type: 'cancel' }); // back to the list, where the refusal shows
  };

  const listRows = Math.max(3, rows - 7);

  const move = (idNumber: string, name: string, group: number) =>
    guarded(live.current, setMessage, async () => {
      await office.transact({ operator, source: 'local', action: 'attendance.group', summary: '调整公益劳动分组' }, (tx) => moveToGroup(tx, idNumber, group, groupCount));
      dispatch({ type: 'relines', lines: load(office, live.current.date).lines });
      return `${name} 已调到第 ${group} 组`;
    });

  useInput((input, key) => {
    if (live.current.busy) return;
    const { date, dates } = live.current;
    const { closed, readOnly } = lockOf(office, date, today);
    const state = stateRef.current!;
    const unsaved = unsavedMarks(state);
    if (state.mode === 'reason') {
      if (key.escape) return dispatch({ type: 'cancel' });
      if (key.return) return dispatch({ type: 'reason', text: state.reasonText });
      if (key.backspace || key.delete) return dispatch({ type: 'typeReason', text: [...state.reasonText].slice(0, -1).join('') });
      const preset = state.reasonText === '' ? LEAVE_REASONS[Number(input) - 1] : undefined;
      if (preset) return dispatch({ type: 'reason', text: preset });
      if (input && !key.ctrl && !key.meta) dispatch({ type: 'typeReason', text: state.reasonText + input });
      return;
    }
    if (live.current.choosingGroup) {
      live.current.choosingGroup = false;
      setChoosingGroup(false);
      const g = Number(input);
      const line = state.lines[state.cursor];
      if (line && Number.isInteger(g) && g >= 1 && g <= groupCount) void move(line.idNumber, line.name, g);
      return;
    }
    if (state.mode === 'search') {
      if (key.escape || key.return) return dispatch({ type: 'cancel' });
      if (key.backspace || key.delete) return dispatch({ type: 'query', text: [...state.query].slice(0, -1).join('') });
      if (input && !key.ctrl && !key.meta) dispatch({ type: 'query', text: state.query + input });
      return;
    }
    if (state.mode === 'leaving') {
      if (input === 's') void save(onBack);
      else if (input === 'd') onBack();
      else if (key.escape) dispatch({ type: 'cancel' });
      return;
    }
    setMessage(null);
    if (key.escape || input === 'q') return unsaved.length ? dispatch({ type: 'leave' }) : onBack();
    if (key.upArrow || input === 'k') return dispatch({ type: 'move', by: -1 });
    if (key.downArrow || input === 'j') return dispatch({ type: 'move', by: 1 });
    if (key.pageUp) return dispatch({ type: 'move', by: -listRows });
    if (key.pageDown) return dispatch({ type: 'move', by: listRows });
    if (input === '[' || input === ']') {
      if (unsaved.length) return setMessage({ text: '有未保存的签到：先按 s 保存', bad: true });
      const i = date ? dates.indexOf(date) : -1;
      const next = dates[input === '[' ? i - 1 : i + 1];
      if (next) open(next);
      return;
    }
    if (input === '/') return dispatch({ type: 'search' });
    if (input === 'g' && state.lines[state.cursor]) {
      live.current.choosingGroup = true;
      setChoosingGroup(true);
      return;
    }
    if (readOnly) {
      if (KEYS[input] || input === 'a' || input === 's') {
        setMessage({ text: closed ? '这个月已结账，签到已锁定：更正请用 jiuzhu attendance amend（须写原因）' : '这次公益劳动还没到，不能提前签到', bad: true });
      }
      return;
    }
    const status = KEYS[input];
    if (status) return dispatch({ type: 'mark', status });
    if (input === '0' || key.backspace || key.delete) return dispatch({ type: 'revert' });
    if (input === 'a') return dispatch({ type: 'restPresent' });
    if (input === 's') void save();
  });

  if (!session || !date) {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>公益劳动签到</Text>
        <Text>还没有安排公益劳动：先用 jiuzhu attendance plan --month {today.slice(0, 7)} 生成当月场次。</Text>
        <Text dimColor>Esc 返回</Text>
      </Box>
    );
  }

  const n = state.lines.length;
  const top = Math.max(0, Math.min(state.cursor - Math.floor(listRows / 2), n - listRows));
  const visible = state.lines.slice(top, top + listRows);
  const line = state.lines[state.cursor];

  let bottom: React.ReactNode;
  if (state.mode === 'reason') {
    bottom = (
      <Text color="cyan" wrap="truncate">
        {line?.name} 请假原因：{LEAVE_REASONS.map((r, i) => `${i + 1} ${r}`).join('  ')}  或输入后回车：{state.reasonText}▏
      </Text>
    );
  } else if (state.mode === 'search') {
    bottom = <Text color="cyan" wrap="truncate">查找（拼音首字母或姓名）：{state.query}▏  回车确定</Text>;
  } else if (choosingGroup) {
    bottom = <Text color="cyan">把 {line?.name} 调到第几组？按 1–{groupCount}，其他键取消</Text>;
  } else if (state.mode === 'leaving') {
    bottom = <Text color="yellow">还有 {unsaved.length} 人的签到没保存：s 保存并返回 · d 放弃 · Esc 继续签到</Text>;
  } else if (message) {
    bottom = (
      <Text color={message.bad ? 'red' : 'green'} wrap="truncate">
        {message.text}
      </Text>
    );
  } else {
    bottom = <Text dimColor>{readOnly ? (closed ? '已结账，只读' : '尚未到期，只读') : busy ? '正在保存…' : ' '}</Text>;
  }

  return (
    <Box flexDirection="column" width={80}>
      <Text bold wrap="truncate">
        公益劳动签到 {date} 星期{WEEKDAYS[isoWeekday(date)]} {session.start}–{session.end}
        {closed ? ' 〔已结账〕' : ''}  第 {dates.indexOf(date) + 1}/{dates.length} 次
      </Text>
      <Text wrap="truncate">
        应到 {n}{'　'}<Text color="green">到 {counts.present}</Text>{'　'}<Text color="yellow">迟到 {counts.late}</Text>{'　'}
        <Text color="cyan">请假 {counts.excused}</Text>{'　'}<Text color="red">缺勤 {counts.absent}</Text>{'　'}未签 {counts.unmarked}
        {unsaved.length ? <Text color="yellow">　未保存 {unsaved.length}</Text> : null}
      </Text>
      <Text dimColor>{fit('    组  姓名      身份证号            任务', 78)}</Text>
      {visible.map((l, i) => {
        const at = top + i === state.cursor;
        const m = state.marks[l.idNumber];
        const changed = m && JSON.stringify(m) !== JSON.stringify(state.saved[l.idNumber]);
        return (
          <Text key={l.idNumber} inverse={at} wrap="truncate">
            {at ? '▸ ' : '  '}
            {fit(`${l.group}组`, 4)}
            {fit(l.name, 10)}
            {maskIdNumber(l.idNumber)}  {fit(l.task, 16)} {m ? <Text color={COLORS[m.status]}>{fit(word('mark', m.status), 4)}</Text> : <Text dimColor>{fit('·', 4)}</Text>}
            {changed ? '*' : ' '}
            {m?.note ? ` ${fit(m.note, 10)}` : ''}
          </Text>
        );
      })}
      {n === 0 ? <Text>这一天没有应参加的人。</Text> : null}
      {bottom}
      <Text dimColor wrap="truncate">
        ↑↓ 1到 2迟到 3请假 4缺勤 0撤销 a其余到 s保存 /查找 g调组 [ ]换场次 Esc返回
      </Text>
    </Box>
  );
}
