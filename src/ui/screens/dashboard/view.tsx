// The first screen: what is due, overdue and waiting, each line leading to
// its screen. The same content as `jiuzhu status`.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { dashboard, suspendedNote } from '../../../dashboard/dashboard.js';
import { readDaemonStatus, type DaemonStatus } from '../../../sync/daemonStatus.js';
import { useKeys, useShell } from '../../shell.js';
import { useListCursor, WindowedList } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { DASHBOARD_MENU, dashboardRows } from './rows.js';

/** The overlay's lines above the keys (a function: the language is chosen at start). */
export function dashboardHelp(): string[] {
  return [t('dashboard.screen.help'), t('dashboard.screen.helpReceipts')];
}

export function DashboardScreen() {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const [daemon, setDaemon] = useState<DaemonStatus>(() => readDaemonStatus(office.dir));
  useEffect(() => {
    // The daemon's status file changes without a journal entry (a run that found nothing).
    const t = setInterval(() => {
      const next = readDaemonStatus(office.dir);
      setDaemon((cur) => (JSON.stringify(cur) === JSON.stringify(next) ? cur : next));
    }, 3000);
    return () => clearInterval(t);
  }, [office]);
  // The daemon's status file changes every minute: only its line is redone then.
  const base = useMemo(() => dashboard(office.view, today), [office, today, version]);
  const d = useMemo(() => ({ ...base, daemon }), [base, daemon]);
  const { rows, targets } = useMemo(() => dashboardRows(d), [d]);
  const listHeight = bodyRows - 1;
  const { sel, move } = useListCursor(rows, listHeight);
  useKeys(
    (input, key) => {
      if (move(input, key)) return true;
      if (key.return) {
        const t = targets.get(rows[sel]?.key ?? '');
        if (t) shell.open(t.id, t.params);
        return true;
      }
      const to = DASHBOARD_MENU[input];
      if (to) {
        shell.open(to);
        return true;
      }
      if (key.escape) return true; // the first screen: nothing to go back to
      return false;
    },
    [
      ['↑↓ Enter', t('dashboard.key.open')],
      ['r', t('dashboard.key.recipients')],
      ['i', t('dashboard.key.intake')],
      ['l', t('dashboard.key.cases')],
      ['a', t('dashboard.key.attendance')],
      ['p', t('dashboard.key.report')],
      ['c', t('dashboard.key.cancellations')],
      ['n', t('dashboard.key.reconcile')],
      ['s', t('settings.key.open')],
      ['v', t('dashboard.key.receipts')],
    ],
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {t('dashboard.screen.counts', { households: d.counts.households, active: d.counts.activeEnrolments, suspended: suspendedNote(d.counts.suspendedEnrolments), open: d.counts.openCases, pending: d.counts.pending })}
      </Text>
      <WindowedList rows={rows} selected={sel} height={listHeight} cols={cols} />
    </Box>
  );
}

