// Global search (/): name, pinyin initials, ID number or part, case number,
// address; Enter opens the household's archive in place of the search.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { searchHouseholds } from '../../../household/search.js';
import { row } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { FormView, WindowedList, type Field, type ListRow } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { initialSearchState, queryOf, searchKey, searchReducer } from './state.js';

/** Hits shown at most; more means the query should be longer. */
const LIMIT = 200;

export function SearchScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const fields: Field[] = [{ key: 'q', label: t('household.screen.searchLabel'), kind: 'text', placeholder: t('household.screen.searchHint') }];
  const [state, dispatch] = useNavReducer('search', searchReducer, initialSearchState);
  const q = queryOf(state);
  const hits = useMemo(() => searchHouseholds(office.view, q, LIMIT), [office, q, version]);
  const rows: ListRow[] = hits.map((h) => ({ key: h.householdId, text: row([h.householderName, h.matched, h.address], [{ w: 8 }, { w: 30 }, { w: 38 }]) }));
  const sel = Math.min(state.selected, Math.max(0, rows.length - 1));
  const height = bodyRows - 2;
  useKeys(
    (input, key) => {
      const k = searchKey(state, fields, rows, height, input, key);
      if (!k) return false;
      if ('open' in k) {
        const hit = hits[k.open];
        if (hit) shell.replace('archive', { key: hit.householdId });
      } else dispatch(k.action);
      return true;
    },
    [
      [t('household.key.type'), t('household.key.search')],
      ['↑↓', t('household.key.choose')],
      ['Enter', t('household.key.openArchive')],
    ],
  );
  const count = !q.trim() ? t('household.screen.searchExample') : hits.length === LIMIT ? t('household.screen.foundTooMany', { n: hits.length }) : t('household.screen.found', { n: hits.length });
  return (
    <Box flexDirection="column">
      <FormView fields={fields} state={state.form} cols={cols} labelWidth={6} />
      <Text dimColor wrap="truncate">
        {count}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={q.trim() ? t('household.screen.nothingFound') : ' '} />
    </Box>
  );
}
