// Exemptions from labour (免于参加) in the app: every exemption with its
// person, kind, days and reason; n records one, e ends the selected one early
// (its last day typed below). The rules are src/attendance/exemptions.ts, as
// for `jiuzhu attendance exempt`.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { clip, row } from '../../layout.js';
import { useNavReducer } from '../navReducer.js';
import { initialLineEditState, lineEditReducer, listEditKey } from '../lineEditState.js';
import { endExemption, exemptionList } from '../../../attendance/exemptions.js';
import { t, tIn } from '../../../i18n/index.js';

export function exemptionsHelp(): string[] {
  return [t('attendance.exemptionsHelp')];
}

const COLS = [{ w: 6 }, { w: 10 }, { w: 10 }, { w: 23 }, { w: 6 }, { w: 20 }];

export function ExemptionsScreen() {
  const shell = useShell();
  const list = useMemo(() => exemptionList(shell.office.view, shell.today), [shell.office, shell.version, shell.today]);
  const [state, dispatch, current] = useNavReducer('exemptions', lineEditReducer, initialLineEditState);
  const listHeight = Math.max(3, shell.bodyRows - 4);
  const rows: ListRow[] = list.map((e) => ({
    key: e.id,
    text: row([e.id, e.name, e.kind, `${e.from} – ${e.to}`, e.current ? t('attendance.exemptionCurrent') : '', e.reason], COLS),
    dim: !e.current,
  }));

  const end = async (id: string, lastDay: string) => {
    const res = await shell.save({ action: 'attendance.exempt.end', summary: tIn('zh', 'attendance.journalExemptEnd', { id }) }, (tx) => endExemption(tx, id, lastDay.trim()));
    if (res.ok) {
      dispatch({ type: 'saved' });
      shell.flash(t('attendance.cliExemptEnded', { to: res.result.to }), 'ok');
    } else dispatch({ type: 'refused', error: res.error });
  };

  useKeys(
    (input, key) => {
      const now = current();
      const sel = list[now.sel];
      if (listEditKey(input, key, now, list.length, dispatch, (text) => void (sel && end(sel.id, text)))) return true;
      if (input === 'n') {
        shell.open('exemptionAdd');
        return true;
      }
      if (input === 'e' && sel) {
        dispatch({ type: 'edit', text: shell.today });
        return true;
      }
      if (key.escape) {
        shell.back();
        return true;
      }
      return false;
    },
    state.editing !== null
      ? [
          ['Enter', t('attendance.keyConfirm')],
          ['Esc', t('attendance.keyCancel')],
        ]
      : [
          ['↑↓', t('attendance.keyMove')],
          ['n', t('attendance.keyExemptionAdd')],
          ['e', t('attendance.keyExemptionEnd')],
          ['Esc', t('attendance.keyBack')],
        ],
  );
  const sel = list[state.sel];
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {row([t('attendance.colExemptionId'), t('attendance.colName'), t('attendance.colExemptionKind'), t('attendance.colExemptionDays'), '', t('attendance.colExemptionReason')], COLS)}
      </Text>
      <WindowedList rows={rows} selected={state.sel} height={listHeight} cols={shell.cols} focus={state.editing === null} empty={t('attendance.cliNoExemptions')} />
      <Text wrap="truncate" color="cyan">
        {state.editing !== null && sel ? clip(t('attendance.exemptionEndPrompt', { id: sel.id, name: sel.name, date: state.editing }), shell.cols, true) : ' '}
      </Text>
      <Text wrap="truncate" color="red">
        {state.error ? clip(state.error, shell.cols) : ' '}
      </Text>
    </Box>
  );
}
