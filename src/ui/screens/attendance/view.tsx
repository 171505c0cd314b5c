// The marking screen (公益劳动签到): one session's roster by group, one key
// per person (1 到 · 2 迟到 · 3 请假 · 4 缺勤, each moving on), `a` for
// "everybody else came", counts always on screen, `s` to save, `m` for the
// month's summary. State is attendanceState.ts; keys come through the shell.
import React, { useRef, useState } from 'react';
import { Box, Text, type Key } from 'ink';
import type { Office } from '../../../store/office.js';
import { markingLock, markSession } from '../../../attendance/marking.js';
import { moveToGroup } from '../../../attendance/groups.js';
import { settingsOf } from '../../../office/context.js';
import { sessionLines } from '../../../attendance/sessionRoster.js';
import { weekdayWord } from '../../../attendance/schedule.js';
import { heldSessionDates, monthToPlan, planMonth, sessionToOpen } from '../../../attendance/sessions.js';
import { type MarkStatus } from '../../../attendance/types.js';
import { maskIdNumber } from '../../../rules/idNumber.js';
import { fit } from '../../layout.js';
import { useKeys, useNavState, useShell, type Hint } from '../../shell.js';
import { useNavReducer } from '../navReducer.js';
import { guarded } from '../guarded.js';
import { countMarks, initialMarkState, leaveReasons, markReducer, unsavedMarks, type MarkLine, type MarkState } from './state.js';
import { t, tIn, word } from '../../../i18n/index.js';

export interface AttendanceScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** The session to open; default today's, else the latest before today, else the next. */
  date?: string;
  /** Terminal rows; the frame stays one shorter. */
  rows?: number;
}

const COLORS: Record<MarkStatus, string> = { present: 'green', late: 'yellow', excused: 'cyan', absent: 'red' };
const KEYS: Record<string, MarkStatus> = { '1': 'present', ' ': 'present', '2': 'late', '3': 'excused', '4': 'absent' };

function load(office: Office, date: string | null): { lines: MarkLine[]; saved: Record<string, { status: MarkStatus; note?: string }> } {
  const s = date ? office.view.get('sessions', date) : undefined;
  if (!s) return { lines: [], saved: {} };
  const lines = sessionLines(office.view, s).map((l) => ({ idNumber: l.idNumber, name: l.name, group: l.group, task: l.task, initials: l.initials }));
  return { lines, saved: { ...s.marks } };
}

/** The keys of each mode, for the footer and the `?` overlay. */
function hintsOf(mode: MarkState['mode'], groups: number): Hint[] {
  if (mode === 'reason') return [['1–4', t('attendance.keyReasonPreset')], ['Enter', t('attendance.keyConfirm')], ['Esc', t('attendance.keyCancel')]];
  if (mode === 'search') return [['Enter', t('attendance.keyConfirm')], ['Esc', t('attendance.keyCancel')]];
  if (mode === 'group') return [[`1–${groups}`, t('attendance.keyGroupNumber')]];
  if (mode === 'leaving') return [['s', t('attendance.keySaveBack')], ['d', t('attendance.keyDiscard')], ['Esc', t('attendance.keyKeepMarking')]];
  return [
    ['↑↓', t('attendance.keyMove')],
    ['1', t('attendance.keyPresent')],
    ['2', t('attendance.keyLate')],
    ['3', t('attendance.keyExcused')],
    ['4', t('attendance.keyAbsent')],
    ['0', t('attendance.keyUndo')],
    ['a', t('attendance.keyRestPresent')],
    ['s', t('attendance.keySave')],
    ['/', t('attendance.keyFind')],
    ['g', t('attendance.keyGroup')],
    ['[ ]', t('attendance.keySession')],
    ['m', t('attendance.keySummary')],
    ['e', t('attendance.keyExemptions')],
    ['p', t('attendance.keyPlan')],
    ['Esc', t('attendance.keyBack')],
    ['q', t('attendance.keyBack')],
  ];
}

export function AttendanceScreen({ office, operator, onBack, date: wanted, rows = 24 }: AttendanceScreenProps) {
  const shell = useShell();
  const today = office.now().date;
  const [dates, setDates] = useState(() => heldSessionDates(office.view));
  const [date, setDateState] = useNavState('date', sessionToOpen(dates, today, wanted));
  const live = useRef({ date, dates, busy: false });
  const groupCount = settingsOf(office.view).labour.groups;
  const setDate = (d: string | null): void => {
    live.current.date = d;
    setDateState(d);
  };
  // Saves finish after their key: the handler reads and advances the state
  // synchronously, and React only renders it. It outlives the `?` overlay.
  const [state, dispatch, get] = useNavReducer('marks', markReducer, () => {
    const l = load(office, date);
    return initialMarkState(l.lines, l.saved);
  });
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const session = date ? office.view.get('sessions', date) : undefined;
  const lock = date ? markingLock(office.view, date, today) : null;
  const unsaved = unsavedMarks(state);
  const counts = countMarks(state);

  const open = (d: string | null) => {
    setDate(d);
    const l = load(office, d);
    dispatch({ type: 'load', lines: l.lines, saved: l.saved });
  };

  const save = async (then?: () => void) => {
    const unsaved = unsavedMarks(get());
    const date = live.current.date;
    if (!date || !unsaved.length) {
      then?.();
      return;
    }
    setBusy(true);
    const ok = await guarded(live.current, setMessage, async () => {
      await office.transact({ operator, source: 'local', action: 'attendance.mark', summary: tIn('zh', 'attendance.journalMark', { date }) }, (tx) =>
        markSession(tx, date, unsaved.map((u) => ({ idNumber: u.idNumber, ...u.mark }))),
      );
      const s = office.view.get('sessions', date);
      dispatch({ type: 'saved', marks: { ...(s?.marks ?? {}) } });
      live.current.dates = heldSessionDates(office.view);
      setDates(live.current.dates);
      return t('attendance.savedMarks', { n: unsaved.length });
    });
    setBusy(false);
    if (ok) then?.();
    else dispatch({ type: 'cancel' }); // back to the list, where the refusal shows
  };

  const listRows = Math.max(3, rows - 6);

  /** `p`: the twin of `attendance plan --month`, for the month monthToPlan names. */
  const plan = () =>
    guarded(live.current, setMessage, async () => {
      const month = monthToPlan(office.view, today);
      const { result } = await office.transact({ operator, source: 'local', action: 'attendance.plan', summary: tIn('zh', 'attendance.journalPlan', { month }) }, (tx) => planMonth(tx, month));
      live.current.dates = heldSessionDates(office.view);
      setDates(live.current.dates);
      if (!live.current.date) open(sessionToOpen(live.current.dates, today));
      return t('attendance.cliPlanned', { month, created: result.created.length, existing: result.existing.length }) + (result.covered ? '' : t('attendance.planNoCalendar', { year: month.slice(0, 4) }));
    });

  const move = (idNumber: string, name: string, group: number) =>
    guarded(live.current, setMessage, async () => {
      await office.transact({ operator, source: 'local', action: 'attendance.group', summary: tIn('zh', 'attendance.journalGroup') }, (tx) => moveToGroup(tx, idNumber, group, groupCount));
      dispatch({ type: 'relines', lines: load(office, live.current.date).lines });
      return t('attendance.movedToGroup', { name, group });
    });

  /** Text typed into a prompt: every printable key is the prompt's. */
  const typed = (text: string, input: string, key: Key): string | null => {
    if (key.backspace || key.delete) return [...text].slice(0, -1).join('');
    if (input && !key.ctrl && !key.meta) return text + input;
    return null;
  };

  const onKey = (input: string, key: Key): boolean => {
    if (live.current.busy) return true;
    const { date, dates } = live.current;
    const lock = date ? markingLock(office.view, date, today) : null;
    const state = get();
    const unsaved = unsavedMarks(state);
    if (state.mode === 'reason') {
      if (key.escape) dispatch({ type: 'cancel' });
      else if (key.return) dispatch({ type: 'reason', text: state.reasonText });
      else {
        const preset = state.reasonText === '' ? leaveReasons()[Number(input) - 1] : undefined;
        const text = preset ? null : typed(state.reasonText, input, key);
        if (preset) dispatch({ type: 'reason', text: preset });
        else if (text !== null) dispatch({ type: 'typeReason', text });
      }
      return true;
    }
    if (state.mode === 'group') {
      dispatch({ type: 'cancel' });
      const g = Number(input);
      const line = state.lines[state.cursor];
      if (line && Number.isInteger(g) && g >= 1 && g <= groupCount) void move(line.idNumber, line.name, g);
      return true;
    }
    if (state.mode === 'search') {
      if (key.escape || key.return) dispatch({ type: 'cancel' });
      else {
        const text = typed(state.query, input, key);
        if (text !== null) dispatch({ type: 'query', text });
      }
      return true;
    }
    if (state.mode === 'leaving') {
      if (input === 's') void save(onBack);
      else if (input === 'd') onBack();
      else if (key.escape) dispatch({ type: 'cancel' });
      return true;
    }
    setMessage(null);
    if (key.escape || input === 'q') {
      if (unsaved.length) dispatch({ type: 'leave' });
      else onBack();
      return true;
    }
    if (key.upArrow || input === 'k') return dispatch({ type: 'move', by: -1 }), true;
    if (key.downArrow || input === 'j') return dispatch({ type: 'move', by: 1 }), true;
    if (key.pageUp) return dispatch({ type: 'move', by: -listRows }), true;
    if (key.pageDown) return dispatch({ type: 'move', by: listRows }), true;
    if (input === '[' || input === ']' || input === 'm' || input === 'e') {
      // Another session or the summary replaces this roster: marks not saved would be lost.
      if (unsaved.length) return setMessage({ text: t('attendance.saveFirst'), bad: true }), true;
      if (input === 'm') shell.open('attendanceSummary', { month: (date ?? today).slice(0, 7) });
      else if (input === 'e') shell.open('exemptions');
      else {
        const i = date ? dates.indexOf(date) : -1;
        const next = dates[input === '[' ? i - 1 : i + 1];
        if (next) open(next);
      }
      return true;
    }
    if (input === 'p') {
      if (unsaved.length) return setMessage({ text: t('attendance.saveFirst'), bad: true }), true;
      return void plan(), true;
    }
    if (input === '/') return dispatch({ type: 'search' }), true;
    if (input === 'g') return dispatch({ type: 'chooseGroup' }), true;
    const status = KEYS[input];
    const marking = status !== undefined || input === 'a' || input === 's' || input === '0' || key.backspace || key.delete;
    if (!marking) return false;
    if (lock?.refusal) {
      if (input !== '0' && !key.backspace && !key.delete) setMessage({ text: lock.refusal, bad: true });
      return true;
    }
    if (status) dispatch({ type: 'mark', status });
    else if (input === '0' || key.backspace || key.delete) dispatch({ type: 'revert' });
    else if (input === 'a') dispatch({ type: 'restPresent' });
    else if (input === 's') void save();
    return true;
  };

  useKeys(onKey, session && date ? hintsOf(state.mode, groupCount) : [['p', t('attendance.keyPlan')], ['Esc', t('attendance.keyBack')]]);

  if (!session || !date) {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>{t('attendance.markTitle')}</Text>
        <Text>{t('attendance.noSessions', { month: today.slice(0, 7) })}</Text>
        {message ? <Text color={message.bad ? 'red' : 'green'} wrap="truncate">{message.text}</Text> : null}
      </Box>
    );
  }

  const n = state.lines.length;
  const top = Math.max(0, Math.min(state.cursor - Math.floor(listRows / 2), n - listRows));
  const visible = state.lines.slice(top, top + listRows);
  const line = state.lines[state.cursor];
  const closed = lock?.closed ?? false;

  let bottom: React.ReactNode;
  if (state.mode === 'reason') {
    bottom = (
      <Text color="cyan" wrap="truncate">
        {t('attendance.reasonPrompt', { name: line?.name ?? '', presets: leaveReasons().map((r, i) => `${i + 1} ${r}`).join('  '), text: state.reasonText })}
      </Text>
    );
  } else if (state.mode === 'search') {
    bottom = <Text color="cyan" wrap="truncate">{t('attendance.findPrompt', { text: state.query })}</Text>;
  } else if (state.mode === 'group') {
    bottom = <Text color="cyan">{t('attendance.groupPrompt', { name: line?.name ?? '', count: groupCount })}</Text>;
  } else if (state.mode === 'leaving') {
    bottom = <Text color="yellow">{t('attendance.unsavedPrompt', { n: unsaved.length })}</Text>;
  } else if (message) {
    bottom = (
      <Text color={message.bad ? 'red' : 'green'} wrap="truncate">
        {message.text}
      </Text>
    );
  } else {
    bottom = <Text dimColor>{lock?.readOnly ? (closed ? t('attendance.readOnlyClosed') : t('attendance.readOnlyFuture')) : busy ? t('attendance.saving') : ' '}</Text>;
  }

  return (
    <Box flexDirection="column" width={80}>
      <Text bold wrap="truncate">
        {t('attendance.sessionHead', { date, weekday: weekdayWord(date), start: session.start, end: session.end })}
        {closed ? t('attendance.closedTag') : ''}  {t('attendance.sessionOf', { i: dates.indexOf(date) + 1, n: dates.length })}
      </Text>
      <Text wrap="truncate">
        {t('attendance.countDue', { n })}<Text color="green">{t('attendance.countPresent', { n: counts.present })}</Text>
        <Text color="yellow">{t('attendance.countLate', { n: counts.late })}</Text>
        <Text color="cyan">{t('attendance.countExcused', { n: counts.excused })}</Text>
        <Text color="red">{t('attendance.countAbsent', { n: counts.absent })}</Text>{t('attendance.countUnmarked', { n: counts.unmarked })}
        {unsaved.length ? <Text color="yellow">{t('attendance.countUnsaved', { n: unsaved.length })}</Text> : null}
      </Text>
      <Text dimColor>
        {'    '}
        {fit(t('attendance.colGroup'), 4)}
        {fit(t('attendance.colName'), 10)}
        {fit(t('attendance.colId'), 20)}
        {fit(t('attendance.colTask'), 16)}
      </Text>
      {visible.map((l, i) => {
        const at = top + i === state.cursor;
        const m = state.marks[l.idNumber];
        const changed = m && JSON.stringify(m) !== JSON.stringify(state.saved[l.idNumber]);
        return (
          <Text key={l.idNumber} inverse={at} wrap="truncate">
            {at ? '▸ ' : '  '}
            {fit(t('attendance.groupCell', { group: l.group }), 4)}
            {fit(l.name, 10)}
            {maskIdNumber(l.idNumber)}  {fit(l.task, 16)} {m ? <Text color={COLORS[m.status]}>{fit(word('mark', m.status), 4)}</Text> : <Text dimColor>{fit('·', 4)}</Text>}
            {changed ? '*' : ' '}
            {m?.note ? ` ${fit(m.note, 10)}` : ''}
          </Text>
        );
      })}
      {n === 0 ? <Text>{t('attendance.nobodyDue')}</Text> : null}
      {bottom}
    </Box>
  );
}
