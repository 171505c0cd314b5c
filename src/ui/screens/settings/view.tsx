// The office's settings in the app: each setting with its value (and its
// default when changed); Enter edits the selected one, and the allowed range
// stays in view. Saving goes through the same checked, journaled change as
// `jiuzhu settings set`.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { clip, row } from '../../layout.js';
import { useNavReducer } from '../navReducer.js';
import { setSetting, settingJournalSummary, settingRows, valueText } from '../../../office/settingKeys.js';
import { t } from '../../../i18n/index.js';
import { editText, initialSettingsState, settingsReducer } from './state.js';
import { listEditKey } from '../lineEditState.js';

export function settingsHelp(): string[] {
  return [t('settings.screenHelp')];
}

export function SettingsScreen() {
  const shell = useShell();
  const settings = useMemo(() => settingRows(shell.office.view), [shell.office, shell.version]);
  const [state, dispatch, current] = useNavReducer('settings', settingsReducer, initialSettingsState);
  const cur = settings[state.sel];
  const listHeight = Math.max(3, shell.bodyRows - 5);
  const keyW = 30;
  const rows: ListRow[] = settings.map((r) => {
    const changed = JSON.stringify(r.value) !== JSON.stringify(r.default);
    return { key: r.key, text: row([r.key, valueText(r.value) + (changed ? t('settings.showChanged', { value: valueText(r.default) }) : '')], [{ w: keyW }, { w: shell.cols - keyW - 4 }]), color: changed ? 'cyan' : undefined };
  });

  const save = async (key: string, text: string) => {
    const res = await shell.save({ action: 'settings.set', summary: settingJournalSummary(key, text.trim()) }, (tx) => setSetting(tx, key, text));
    if (res.ok) {
      dispatch({ type: 'saved' });
      shell.flash(t('settings.setDone', { key, was: valueText(res.result.was), now: valueText(res.result.now) }), 'ok');
    } else dispatch({ type: 'refused', error: res.error });
  };

  useKeys(
    (input, key) => {
      const now = current();
      const sel = settings[now.sel];
      if (!sel) return false;
      if (listEditKey(input, key, now, settings.length, dispatch, (text) => void save(sel.key, text))) return true;
      if (key.pageUp || key.pageDown) {
        dispatch({ type: 'move', by: (key.pageUp ? -1 : 1) * listHeight, count: settings.length });
        return true;
      }
      if (key.return) {
        dispatch({ type: 'edit', text: editText(sel.value, t('settings.yes'), t('settings.no')) });
        return true;
      }
      if (input === 't') {
        shell.open('standards');
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
          ['Enter', t('settings.key.save')],
          ['Esc', t('settings.key.cancel')],
        ]
      : [
          ['↑↓', t('settings.key.choose')],
          ['Enter', t('settings.key.edit')],
          ['t', t('settings.key.standards')],
          ['Esc', t('settings.key.back')],
        ],
  );

  return (
    <Box flexDirection="column">
      <WindowedList rows={rows} selected={state.sel} height={listHeight} cols={shell.cols} focus={state.editing === null} />
      <Text wrap="truncate">{cur ? clip(cur.description, shell.cols) : ''}</Text>
      <Text wrap="truncate" dimColor>
        {cur ? clip(t('settings.screenRange', { range: cur.range }), shell.cols) : ''}
      </Text>
      <Text wrap="truncate" color="cyan">
        {state.editing !== null && cur ? clip(t('settings.screenEditing', { key: cur.key, value: state.editing }), shell.cols, true) : ''}
      </Text>
      <Text wrap="truncate" color="red">
        {state.error ? clip(state.error, shell.cols) : ''}
      </Text>
    </Box>
  );
}
