// The monthly summary screen (公益劳动月度汇总): per person due, attended,
// excused and absent, warnings and recommendations marked, and closing the
// month (结账), which locks its marks and queues the file for the township.
// State is state.ts; keys come through the shell.
import React, { useMemo, useRef, useState } from 'react';
import { Box, Text, type Key } from 'ink';
import type { Office } from '../../../store/office.js';
import { closeMonth, closeRefusal } from '../../../attendance/marking.js';
import { adviceIn, flagCounts, monthSummary } from '../../../attendance/summary.js';
import { addMonths } from '../../../rules/dayNumber.js';
import { fit } from '../../layout.js';
import { useKeys, useShell, type Hint } from '../../shell.js';
import { guarded } from '../guarded.js';
import { initialSummaryState, summaryReducer } from './state.js';
import { useNavReducer } from '../navReducer.js';
import { lang, t, tIn } from '../../../i18n/index.js';

export interface AttendanceSummaryProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** `YYYY-MM`; default this month. */
  month?: string;
  rows?: number;
}

function hintsOf(confirming: boolean): Hint[] {
  if (confirming) return [['y', t('attendance.keyCloseYes')]];
  return [
    ['↑↓', t('attendance.keyMove')],
    ['[ ]', t('attendance.keyMonth')],
    ['w', t('attendance.keyOnlyFlagged')],
    ['c', t('attendance.keyClose')],
    ['a', t('attendance.keyAmend')],
    ['x', t('attendance.keyExempt')],
    ['e', t('attendance.keyExemptions')],
    ['Esc', t('attendance.keyBack')],
    ['q', t('attendance.keyBack')],
  ];
}

export function AttendanceSummaryScreen({ office, operator, onBack, month: wanted, rows = 24 }: AttendanceSummaryProps) {
  const today = office.now().date;
  const shell = useShell();
  const [s, dispatch, get] = useNavReducer('summary', summaryReducer, () => initialSummaryState(wanted ?? today.slice(0, 7)));
  // Bumped after closing, so the summary is read again.
  const [saved, setSaved] = useState(0);
  const summary = useMemo(() => monthSummary(office.view, s.month, today), [office, s.month, today, saved]);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const live = useRef({ busy: false });

  const people = s.onlyFlagged ? summary.people.filter((p) => p.warning) : summary.people;
  const listRows = Math.max(3, rows - 6);

  const close = (month: string) =>
    guarded(live.current, setMessage, async () => {
      await office.transact({ operator, source: 'local', action: 'attendance.close', summary: tIn('zh', 'attendance.journalClose', { month }) }, (tx) => closeMonth(tx, month));
      setSaved((n) => n + 1);
      return t('attendance.closedQueued', { month });
    });

  const onKey = (input: string, key: Key): boolean => {
    if (live.current.busy) return true;
    const s = get();
    if (s.confirming) {
      dispatch({ type: 'answered' });
      if (input === 'y') void close(s.month);
      return true;
    }
    setMessage(null);
    const count = people.length;
    if (key.escape || input === 'q') onBack();
    else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1, count });
    else if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1, count });
    else if (key.pageUp) dispatch({ type: 'move', by: -listRows, count });
    else if (key.pageDown) dispatch({ type: 'move', by: listRows, count });
    else if (input === '[' || input === ']') dispatch({ type: 'month', month: addMonths(s.month, input === '[' ? -1 : 1) });
    else if (input === 'w') dispatch({ type: 'toggleFlagged' });
    else if (input === 'e') shell.open('exemptions');
    else if ((input === 'a' || input === 'x') && people[s.cursor]) {
      const p = people[s.cursor]!;
      shell.open(input === 'a' ? 'amend' : 'exemptionAdd', input === 'a' ? { month: s.month, idNumber: p.idNumber } : { idNumber: p.idNumber });
    }
    else if (input === 'c') {
      // Refused before asking: the clerk reads why at once (closed already, sessions to come, not all marked).
      const refusal = closeRefusal(office.view, s.month, today);
      if (refusal) setMessage({ text: refusal, bad: true });
      else dispatch({ type: 'confirm' });
    } else return false;
    return true;
  };
  useKeys(onKey, hintsOf(s.confirming));

  const { warned, recommended } = flagCounts(summary);
  const top = Math.max(0, Math.min(s.cursor - Math.floor(listRows / 2), people.length - listRows));
  const visible = people.slice(top, top + listRows);

  let bottom: React.ReactNode = <Text> </Text>;
  if (s.confirming) bottom = <Text color="yellow">{t('attendance.closeQuestion', { month: s.month })}</Text>;
  else if (message) bottom = <Text color={message.bad ? 'red' : 'green'} wrap="truncate">{message.text}</Text>;
  else if (summary.unmarkedSessions.length) bottom = <Text color="yellow" wrap="truncate">{t('attendance.notAllMarked', { dates: summary.unmarkedSessions.join(' ') })}</Text>;

  return (
    <Box flexDirection="column" width={80}>
      <Text bold wrap="truncate">
        {t('attendance.summaryHead', { month: s.month })}
        {summary.closed ? t('attendance.closedTag') : ''}  {t('attendance.summaryAsOf', { date: summary.asOf, n: summary.sessions.length })}
      </Text>
      <Text wrap="truncate">
        {t('attendance.summaryPeople', { n: summary.people.length })}<Text color="yellow">{t('attendance.summaryWarned', { n: warned })}</Text>
        <Text color="red">{t('attendance.summaryRecommended', { n: recommended })}</Text>
        {s.onlyFlagged ? `$${t('attendance.summaryOnlyFlagged')}` : ''}
      </Text>
      <Text dimColor>
        {'    '}
        {fit(t('attendance.colGroup'), 4)}
        {fit(t('attendance.colName'), 12)}
        {fit(t('attendance.colDue'), 6, 'right')} {fit(t('attendance.colAttended'), 6, 'right')} {fit(t('attendance.colExcused'), 4, 'right')} {fit(t('attendance.colAbsent'), 4, 'right')}{' '}
        {fit(t('attendance.colUnmarked'), 4, 'right')}  {t('attendance.colAdvice')}
      </Text>
      {visible.map((p, i) => {
        const at = top + i === s.cursor;
        const color = p.recommendation ? 'red' : p.warning ? 'yellow' : undefined;
        return (
          <Text key={p.idNumber} inverse={at} wrap="truncate">
            {at ? '▸ ' : '  '}
            {fit(t('attendance.groupCell', { group: p.group }), 4)}
            {fit(p.name, 12)}
            {String(p.due).padStart(6)} {String(p.attended).padStart(6)} {String(p.excused).padStart(4)}{' '}
            <Text color={color}>{String(p.absent).padStart(4)}</Text> {String(p.unmarked).padStart(4)}{'  '}
            <Text color={color}>{adviceIn(lang(), p)}</Text>
          </Text>
        );
      })}
      {people.length === 0 ? <Text>{s.onlyFlagged ? t('attendance.nobodyFlagged') : t('attendance.noRecords')}</Text> : null}
      {bottom}
    </Box>
  );
}
