// The roster reconciliation list (名单核对): where the county's roster and the
// community's records differ; d resolves an item with a note.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { pendingKindWord } from '../../../office/pending.js';
import { resolutionProblems, resolvePendingItem, resolveSummary, rosterReconciliation } from '../../../recipients/reconciliation.js';
import { useKeys, useShell } from '../../shell.js';
import { FormView, WindowedList, type Field, type ListRow } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { cursorOf } from '../recipients/state.js';
import { initialReconcileState, reconcileKey, reconcileReducer } from './state.js';

export function ReconcileScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const noteFields: Field[] = [{ key: 'note', label: t('recipients.reconcile.note'), kind: 'text', placeholder: t('recipients.reconcile.noteHint') }];
  const [state, dispatch] = useNavReducer('reconcile', reconcileReducer, initialReconcileState);
  const items = useMemo(() => rosterReconciliation(office.view), [office, version]);
  const rows: ListRow[] = items.map((p) => ({ key: p.id, text: t('recipients.reconcile.row', { kind: pendingKindWord(p.kind), name: p.householderName, since: p.since, reason: p.reason }) }));
  const height = bodyRows - (state.resolving ? 3 : 1);
  const sel = cursorOf(state.selected, rows);
  const cur = items[sel];
  useKeys(
    (input, key) => {
      const k = reconcileKey(state, noteFields, rows, height, input, key);
      if (!k) return false;
      if ('action' in k) dispatch(k.action);
      else if ('open' in k) {
        if (!cur?.householderId) return false;
        shell.open('archive', { key: cur.householderId });
      } else if (cur) {
        const problems = resolutionProblems(k.resolve);
        if (problems.length) {
          shell.flash(problems.join(t('recipients.separator')), 'error');
          return true;
        }
        void shell.save({ action: 'pending.resolve', summary: resolveSummary(cur.id, k.resolve) }, (tx) => resolvePendingItem(tx, cur.id, k.resolve)).then((r) => {
          if (r.ok) {
            dispatch({ type: 'resolving', form: null });
            shell.flash(t('recipients.reconcile.done'));
          }
        });
      }
      return true;
    },
    state.resolving
      ? [
          ['Enter', t('recipients.key.confirm')],
          ['Esc', t('recipients.key.cancelEsc')],
        ]
      : [
          ['Enter', t('recipients.key.archive')],
          ['d', t('recipients.key.resolve')],
        ],
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">{t('recipients.reconcile.summary', { n: items.length })}</Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={t('recipients.reconcile.empty')} />
      {state.resolving && cur ? (
        <Box flexDirection="column">
          <Text wrap="truncate">{t('recipients.reconcile.resolving', { name: cur.householderName })}</Text>
          <FormView fields={noteFields} state={state.resolving} cols={cols} />
        </Box>
      ) : null}
    </Box>
  );
}
