// Global search (/): name, pinyin initials, ID number or part, case number,
// address; Enter opens the household's archive in place of the search.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { searchHouseholds } from '../../household/search.js';
import { row } from '../layout.js';
import { useKeys, useNavState, useShell } from '../shell.js';
import { FormView, formKey, listKey, WindowedList, type Field, type FormState, type ListRow } from '../widgets.js';

const FIELDS: Field[] = [{ key: 'q', label: '查找', kind: 'text', placeholder: '姓名、拼音首字母(zs)、身份证号或其中一段、申请编号' }];

export function SearchScreen() {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const [form, setForm] = useNavState<FormState>('form', { values: { q: '' }, focus: 0 });
  const [selected, setSelected] = useNavState('selected', 0);
  const q = form.values.q ?? '';
  const hits = useMemo(() => searchHouseholds(office.view, q, 200), [office, q, version]);
  const rows: ListRow[] = hits.map((h) => ({ key: h.householdId, text: row([h.householderName, h.matched, h.address], [{ w: 8 }, { w: 30 }, { w: 38 }]) }));
  const sel = Math.min(selected, Math.max(0, rows.length - 1));
  const height = bodyRows - 2;
  useKeys(
    (input, key) => {
      if (key.escape) return false;
      if (key.return) {
        const hit = hits[sel];
        if (hit) shell.replace('archive', { key: hit.householdId });
        return true;
      }
      const moved = key.upArrow || key.downArrow || key.pageUp || key.pageDown ? listKey(rows, sel, height, input, key) : null;
      if (moved !== null) {
        setSelected(moved);
        return true;
      }
      const ev = formKey(FIELDS, form, input, key);
      if (ev.used) {
        setForm(ev.state);
        setSelected(0);
      }
      return ev.used;
    },
    [
      ['输入', '查找'],
      ['↑↓', '选择'],
      ['Enter', '打开档案'],
    ],
  );
  return (
    <Box flexDirection="column">
      <FormView fields={FIELDS} state={form} cols={cols} labelWidth={6} />
      <Text dimColor wrap="truncate">
        {q.trim() ? `找到 ${hits.length} 户${hits.length === 200 ? '（只列前 200 户，请再多输入几个字）' : ''}` : '例如：张三、zs、2315、2026-0007、东风路'}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={q.trim() ? '（没有找到）' : ' '} />
    </Box>
  );
}
