// Who is working: asked once when the app opens on a PC where more than one
// clerk (or nobody yet) has signed changes; every change of the session is
// then recorded under that name.
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { View } from '../../store/office.js';
import { useKeys, useShell } from '../shell.js';
import { t, tIn } from '../../i18n/index.js';
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

function fields(): Field[] {
  return [{ key: 'name', label: t('ui.operator.newLabel'), kind: 'text', placeholder: t('ui.operator.placeholder') }];
}

export function OperatorScreen() {
  const shell = useShell();
  const names = useMemo(() => knownOperators(shell.office.view), [shell.office, shell.version]);
  const [sel, setSel] = useState(0);
  const [form, setForm] = useState<FormState>({ values: { name: '' }, focus: 0 });
  const rows: ListRow[] = names.map((n) => ({ key: n, text: n }));
  const FIELDS = useMemo(fields, []);
  useKeys(
    (input, key) => {
      if (key.return) {
        const typed = (form.values.name ?? '').trim();
        const name = typed || names[sel];
        if (!name) {
          shell.flash(t('ui.operator.nameNeeded'), 'error');
          return true;
        }
        if (!names.includes(name)) {
          void shell.save({ action: 'operator.add', summary: tIn('zh', 'ui.operator.added', { name }), operator: name }, (tx) => {
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
      // `?` on an empty name opens the help; everything else stays here.
      return ev.used || input !== '?';
    },
    [
      ['↑↓', t('ui.operator.key.choose')],
      [t('ui.operator.key.type'), t('ui.operator.key.newName')],
      ['Enter', t('ui.operator.key.confirm')],
      ['Ctrl-C', t('ui.operator.key.quit')],
    ],
  );
  return (
    <Box flexDirection="column">
      <Text>{t('ui.operator.prompt')}</Text>
      <WindowedList rows={rows} selected={sel} height={Math.max(1, Math.min(rows.length, shell.bodyRows - 4))} cols={shell.cols} focus={!(form.values.name ?? '')} empty={t('ui.operator.none')} />
      <FormView fields={FIELDS} state={form} cols={shell.cols} labelWidth={10} />
    </Box>
  );
}
