// Who is working: asked once when the app opens on a PC where more than one
// clerk (or nobody yet) has signed changes; every change of the session is
// then recorded under that name.
import React, { useMemo, useReducer } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../../shell.js';
import { FormView, formKey, WindowedList, type Field, type ListRow } from '../../widgets.js';
import { t, tIn } from '../../../i18n/index.js';
import { addOperator, knownOperators } from '../../../office/operators.js';
import { chosenOperator, initialOperatorState, operatorReducer } from './state.js';

function fields(): Field[] {
  return [{ key: 'name', label: t('ui.operator.newLabel'), kind: 'text', placeholder: t('ui.operator.placeholder') }];
}

export function OperatorScreen() {
  const shell = useShell();
  const names = useMemo(() => knownOperators(shell.office.view), [shell.office, shell.version]);
  const FIELDS = useMemo(fields, []);
  const [state, dispatch] = useReducer(operatorReducer, initialOperatorState);
  const rows: ListRow[] = names.map((n) => ({ key: n, text: n }));
  useKeys(
    (input, key) => {
      if (key.return) {
        const name = chosenOperator(state, names);
        if (!name) {
          shell.flash(t('ui.operator.nameNeeded'), 'error');
          return true;
        }
        if (!names.includes(name)) void shell.save({ action: 'operator.add', summary: tIn('zh', 'ui.operator.added', { name }), operator: name }, (tx) => addOperator(tx, name));
        shell.chooseOperator(name);
        return true;
      }
      if (key.upArrow || key.downArrow) {
        dispatch({ type: 'move', by: key.upArrow ? -1 : 1, count: names.length });
        return true;
      }
      if (key.escape) return true;
      const used = formKey(FIELDS, state.form, input, key).used;
      dispatch({ type: 'type', fields: FIELDS, input, key });
      // `?` on an empty name opens the help; everything else stays here.
      return used || input !== '?';
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
      <WindowedList rows={rows} selected={state.selected} height={Math.max(1, Math.min(rows.length, shell.bodyRows - 4))} cols={shell.cols} focus={!(state.form.values.name ?? '')} empty={t('ui.operator.none')} />
      <FormView fields={FIELDS} state={state.form} cols={shell.cols} labelWidth={10} />
    </Box>
  );
}
