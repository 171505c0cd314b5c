// Who is working: asked once when the app opens on a PC where more than one
// clerk (or nobody yet) has signed changes; every change of the session is
// then recorded under that name.
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { View } from '../../store/office.js';
import { useKeys, useShell } from '../shell.js';
import { FormView, formKey, listKey, WindowedList, type Field, type FormState, type ListRow } from '../widgets.js';

/** Names that have signed here: the one named at init and those chosen in the app. */
export function knownOperators(view: View): string[] {
  const names = new Set<string>();
  const init = view.get('meta', 'operator') as { name?: string } | undefined;
  if (init?.name) names.add(init.name);
  const list = view.get('meta', 'operators') as { names?: string[] } | undefined;
  for (const n of list?.names ?? []) names.add(n);
  return [...names];
}

const FIELDS: Field[] = [{ key: 'name', label: '新经办人', kind: 'text', placeholder: '不在名单里的，输入姓名' }];

export function OperatorScreen() {
  const shell = useShell();
  const names = useMemo(() => knownOperators(shell.office.view), [shell.office, shell.version]);
  const [sel, setSel] = useState(0);
  const [form, setForm] = useState<FormState>({ values: { name: '' }, focus: 0 });
  const rows: ListRow[] = names.map((n) => ({ key: n, text: n }));
  useKeys(
    (input, key) => {
      if (key.return) {
        const typed = (form.values.name ?? '').trim();
        const name = typed || names[sel];
        if (!name) {
          shell.flash('请输入经办人姓名', 'error');
          return true;
        }
        if (!names.includes(name)) {
          void shell.save({ action: 'operator.add', summary: `新经办人 ${name}`, operator: name }, (tx) => {
            const cur = tx.get('meta', 'operators') as { names?: string[] } | undefined;
            tx.put('meta', 'operators', { id: 'operators', names: [...(cur?.names ?? []), name] });
          });
        }
        shell.chooseOperator(name);
        return true;
      }
      const moved = key.upArrow || key.downArrow ? listKey(rows, sel, 10, input, key) : null;
      if (moved !== null) {
        setSel(moved);
        return true;
      }
      if (key.escape) return true;
      const ev = formKey(FIELDS, form, input, key);
      setForm(ev.state);
      return true;
    },
    [
      ['↑↓', '选择'],
      ['输入', '新姓名'],
      ['Enter', '确定'],
      ['Ctrl-C', '退出'],
    ],
  );
  return (
    <Box flexDirection="column">
      <Text>请选择经办人（本次打开期间的每项更改都记在这个名字下）：</Text>
      <WindowedList rows={rows} selected={sel} height={Math.max(1, Math.min(rows.length, shell.bodyRows - 4))} cols={shell.cols} focus={!(form.values.name ?? '')} empty="（还没有经办人）" />
      <FormView fields={FIELDS} state={form} cols={shell.cols} labelWidth={10} />
    </Box>
  );
}
