// The cancellation register (撤消登记: who, when, why, by whose decision),
// with the stops the county made that are still to be entered.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { cancellationRegister } from '../../../recipients/cancellations.js';
import { row, type Column } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { cursorOf } from '../recipients/state.js';
import { initialRegisterState, registerKey, registerReducer } from './state.js';

const REGISTER_COLUMNS: Column[] = [{ w: 8 }, { w: 10 }, { w: 7 }, { w: 10 }, { w: 18 }, { w: 20 }];

export function CancellationsScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const [state, dispatch] = useNavReducer('register', registerReducer, initialRegisterState);
  const list = useMemo(() => cancellationRegister(office.view), [office, version]);
  const rows: ListRow[] = list.map((r) => ({
    key: `${r.enrolmentId}:${r.registered ? 'r' : 'u'}:${r.decisionDate}`,
    text: row([r.householderName, r.program, r.effectiveMonth || '-', r.decisionDate || '-', r.reason || '-', r.registered ? r.decidedBy : t('recipients.register.waitingRow')], REGISTER_COLUMNS),
    color: r.registered ? undefined : 'yellow',
  }));
  const height = bodyRows - 2;
  const sel = cursorOf(state.selected, rows);
  useKeys(
    (input, key) => {
      const k = registerKey(state, rows, (i) => list[i]!.registered, height, input, key);
      if (!k) return false;
      if ('action' in k) return dispatch(k.action), true;
      const cur = list[sel]!;
      if (k.open === 'archive') shell.open('archive', { key: cur.householdId });
      else shell.open('cancel', { enrolmentId: cur.enrolmentId, month: cur.effectiveMonth, reason: cur.reason, date: cur.decisionDate });
      return true;
    },
    [
      ['Enter', t('recipients.key.registerOrArchive')],
      ['h', t('recipients.key.archive')],
    ],
  );
  const waiting = list.filter((r) => !r.registered).length;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {t('recipients.register.summary', { n: list.length - waiting })}
        {waiting ? t('recipients.register.waiting', { n: waiting }) : ''}
      </Text>
      <Text dimColor wrap="truncate">
        {' '}
        {row([t('recipients.col.householder'), t('recipients.col.program'), t('recipients.col.stopMonth'), t('recipients.col.decisionDate'), t('recipients.col.reason'), t('recipients.col.decidedBy')], REGISTER_COLUMNS)}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={t('recipients.register.empty')} />
    </Box>
  );
}
