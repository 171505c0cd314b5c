// Correcting a past mark (更正签到) in the app: one person's marks in the
// sessions of a closed month; choose the session, the new mark (1–4) and type
// the reason. Saved through amendMark, as `attendance amend`: journaled with
// its reason and the month's file sent again. A change to 请假 takes the
// reason as the leave's note (one line to type, not two).
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { clip, row } from '../../layout.js';
import { useNavReducer } from '../navReducer.js';
import { amendMark, personMarks } from '../../../attendance/marking.js';
import { t, tIn, word } from '../../../i18n/index.js';
import { amendReducer, initialAmendState, statusOfKey } from './state.js';

export function amendHelp(): string[] {
  return [t('attendance.amendHelp')];
}

export function AmendScreen({ month, idNumber }: { month: string; idNumber: string }) {
  const shell = useShell();
  const view = shell.office.view;
  const name = view.get('members', idNumber)?.name ?? '';
  const closed = Boolean(view.get('attendanceMonths', month));
  const marks = useMemo(() => personMarks(shell.office.view, month, idNumber), [shell.office, shell.version, month, idNumber]);
  const [state, dispatch, current] = useNavReducer('amend', amendReducer, initialAmendState);
  const listHeight = Math.max(3, shell.bodyRows - 5);
  const rows: ListRow[] = marks.map((m) => ({
    key: m.date,
    text: row([m.date, m.mark ? word('mark', m.mark.status) : t('attendance.cliUnmarked'), m.mark?.note ?? ''], [{ w: 12 }, { w: 10 }, { w: 40 }]),
  }));

  const save = async () => {
    const s = current();
    const at = marks[s.sel];
    if (!at || !s.status) return;
    const status = s.status;
    const res = await shell.save({ action: 'attendance.amend', summary: tIn('zh', 'attendance.journalAmend', { date: at.date, reason: s.reason.trim() }) }, (tx) => amendMark(tx, at.date, { idNumber, status, ...(status === 'excused' ? { note: s.reason } : {}) }, s.reason));
    if (res.ok) {
      dispatch({ type: 'saved' });
      shell.flash(t('attendance.cliAmended', { date: at.date, from: res.result.from ? word('mark', res.result.from.status) : t('attendance.cliUnmarked'), to: word('mark', res.result.to.status) }), 'ok');
    } else dispatch({ type: 'refused', error: res.error });
  };

  useKeys(
    (input, key) => {
      const s = current();
      if (s.status) {
        if (key.escape) dispatch({ type: 'cancel' });
        else if (key.return) void save();
        else if (key.backspace || key.delete) dispatch({ type: 'erase' });
        else if (input && !key.ctrl && !key.meta && !key.tab) dispatch({ type: 'type', input });
        return true;
      }
      if (key.upArrow || key.downArrow) {
        dispatch({ type: 'move', by: key.upArrow ? -1 : 1, count: marks.length });
        return true;
      }
      const status = statusOfKey(input);
      if (status && marks.length) {
        dispatch({ type: 'choose', status });
        return true;
      }
      if (key.escape) {
        shell.back();
        return true;
      }
      return false;
    },
    state.status
      ? [
          ['Enter', t('attendance.keyConfirm')],
          ['Esc', t('attendance.keyCancel')],
        ]
      : [
          ['↑↓', t('attendance.keyMove')],
          ['1–4', t('attendance.keyAmendTo')],
          ['Esc', t('attendance.keyBack')],
        ],
  );
  const at = marks[state.sel];
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {clip(t('attendance.amendHead', { name, month }), shell.cols)}
      </Text>
      {closed ? null : <Text color="yellow">{clip(t('attendance.amendNotClosed', { month }), shell.cols)}</Text>}
      <WindowedList rows={rows} selected={state.sel} height={listHeight} cols={shell.cols} focus={!state.status} empty={t('attendance.amendNoSessions')} />
      <Text wrap="truncate" color="cyan">
        {state.status && at ? clip(t('attendance.amendPrompt', { date: at.date, to: word('mark', state.status), reason: state.reason }), shell.cols, true) : ' '}
      </Text>
      <Text wrap="truncate" color="red">
        {state.error ? clip(state.error, shell.cols) : ' '}
      </Text>
    </Box>
  );
}
