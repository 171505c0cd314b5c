// Recipients (在保对象): every enrolment with program, amount, persons,
// category and start; from here a review, a gradual exit or the archive.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { enrolmentRows } from '../../../recipients/enrolmentList.js';
import { coverageSummary } from '../../../recipients/coverage.js';
import { settingsOf } from '../../../office/context.js';
import { formatYuan } from '../../../rules/money.js';
import { row, type Column } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { t, word } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { cursorOf, initialRecipientsState, recipientsKey, recipientsReducer } from './state.js';

export const RECIPIENT_COLUMNS: Column[] = [{ w: 8 }, { w: 10 }, { w: 11, align: 'right' }, { w: 4, align: 'right' }, { w: 4 }, { w: 7 }, { w: 6 }, { w: 20 }];

export function RecipientsScreen() {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const [state, dispatch] = useNavReducer('recipients', recipientsReducer, initialRecipientsState);
  const list = useMemo(() => enrolmentRows(office.view, today), [office, today, version]);
  const shown = state.all ? list : list.filter((r) => r.status !== 'terminated');
  // The last column: a running gradual exit, else who a single-person benefit covers.
  const lastColumn = (r: (typeof list)[number]) => {
    if (r.gradualExitUntil) return t('recipients.list.gradualUntil', { month: r.gradualExitUntil });
    const c = coverageSummary(office.view, r);
    if (!c) return '';
    return c.unchosen ? t('recipients.coverage.listUnchosen') : t('recipients.coverage.listCovered', { names: c.names.join(t('recipients.coverage.nameSeparator')) });
  };
  const rows: ListRow[] = shown.map((r) => ({
    key: r.id,
    text: row(
      [
        r.householderName,
        r.program,
        formatYuan(r.monthlyAmountFen),
        t('recipients.list.persons', { n: r.persons }),
        r.category ? t('recipients.list.category', { category: r.category }) : '-',
        r.since,
        word('enrolmentStatus', r.status),
        lastColumn(r),
      ],
      RECIPIENT_COLUMNS,
    ),
    color: r.status === 'suspended' || (r.status === 'active' && coverageSummary(office.view, r)?.unchosen) ? 'yellow' : r.status === 'terminated' ? 'gray' : undefined,
  }));
  const height = bodyRows - 2;
  const sel = cursorOf(state.selected, rows);
  useKeys(
    (input, key) => {
      const k = recipientsKey(state, rows, height, input, key);
      if (!k) return false;
      if ('action' in k) return dispatch(k.action), true;
      const cur = shown[sel]!;
      if (k.open === 'archive') shell.open('archive', { key: cur.householdId });
      else if (k.open === 'cover') {
        if (!cur.caseNo || !coverageSummary(office.view, cur)) return false;
        shell.open('cover', { caseNo: cur.caseNo });
      }
      else shell.open(k.open, { enrolmentId: cur.id });
      return true;
    },
    [
      ['Enter', t('recipients.key.archive')],
      ['v', t('recipients.key.review')],
      ['e', t('recipients.key.exit')],
      ['x', t('recipients.key.cancel')],
      ['b', t('recipients.key.cover')],
      ['f', state.all ? t('recipients.key.onlyCurrent') : t('recipients.key.withEnded')],
    ],
  );
  const active = list.filter((r) => r.status === 'active');
  const rhythm = settingsOf(office.view).reviewMonths;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {t('recipients.list.summary', {
          active: active.length,
          amount: formatYuan(active.reduce((s, r) => s + r.monthlyAmountFen, 0)),
          a: rhythm.A,
          b: rhythm.B,
          c: rhythm.C,
          which: state.all ? t('recipients.list.all') : t('recipients.list.current'),
          shown: shown.length,
        })}
      </Text>
      <Text dimColor wrap="truncate">
        {' '}
        {row([t('recipients.col.householder'), t('recipients.col.program'), t('recipients.col.amount'), t('recipients.col.persons'), t('recipients.col.category'), t('recipients.col.since'), t('recipients.col.status'), ''], RECIPIENT_COLUMNS)}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={t('recipients.list.empty')} />
    </Box>
  );
}
