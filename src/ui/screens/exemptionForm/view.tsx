// Recording an exemption (免于参加) in the app: the person (from the day's
// labour roster, or the one chosen on the summary), its kind, first and last
// day, and a reason. Saved through addExemption, as `attendance exempt add`.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../../shell.js';
import { FormView, formKey, type Field } from '../../widgets.js';
import { clip } from '../../layout.js';
import { useNavReducer } from '../navReducer.js';
import { addExemption, exemptionCandidates } from '../../../attendance/exemptions.js';
import { EXEMPTION_KINDS } from '../../../attendance/types.js';
import { t, tIn } from '../../../i18n/index.js';
import { exemptionFormReducer, exemptionInputOf, initialExemptionForm } from './state.js';

export function ExemptionFormScreen({ idNumber }: { idNumber?: string }) {
  const shell = useShell();
  const people = useMemo(() => {
    const list = exemptionCandidates(shell.office.view, shell.today);
    const chosen = idNumber ? shell.office.view.get('members', idNumber) : undefined;
    return chosen && !list.some((p) => p.idNumber === chosen.idNumber) ? [{ idNumber: chosen.idNumber, name: chosen.name }, ...list] : list;
  }, [shell.office, shell.today, idNumber]);
  const fields: Field[] = useMemo(
    () => [
      { key: 'idNumber', label: t('attendance.formPerson'), kind: 'choice', choices: people.map((p) => [p.idNumber, p.name] as const) },
      { key: 'kind', label: t('attendance.formKind'), kind: 'choice', choices: EXEMPTION_KINDS.map((k) => [k, k] as const) },
      { key: 'from', label: t('attendance.formFrom'), kind: 'text', placeholder: 'YYYY-MM-DD' },
      { key: 'to', label: t('attendance.formTo'), kind: 'text', placeholder: 'YYYY-MM-DD' },
      { key: 'reason', label: t('attendance.formReason'), kind: 'text', placeholder: t('attendance.formReasonPlaceholder') },
    ],
    [people],
  );
  const [state, dispatch, current] = useNavReducer('exemptionAdd', exemptionFormReducer, () =>
    initialExemptionForm({ idNumber: idNumber ?? people[0]?.idNumber ?? '', kind: EXEMPTION_KINDS[0], from: shell.today }),
  );

  const save = async () => {
    const input = exemptionInputOf(current());
    const res = await shell.save({ action: 'attendance.exempt', summary: tIn('zh', 'attendance.journalExempt', { kind: input.kind }) }, (tx) => addExemption(tx, input));
    if (res.ok) {
      shell.flash(t('attendance.cliExempted', { kind: res.result.kind, from: res.result.from, to: res.result.to }), 'ok');
      shell.back();
    } else dispatch({ type: 'refused', error: res.error });
  };

  useKeys(
    (input, key) => {
      if (key.escape) {
        shell.back();
        return true;
      }
      const ev = formKey(fields, current().form, input, key);
      dispatch({ type: 'type', fields, input, key });
      if (ev.submit) void save();
      return ev.used;
    },
    [
      ['↑↓ Tab', t('attendance.keyField')],
      ['←→', t('attendance.keyChoice')],
      ['Ctrl-S', t('attendance.keyExemptionSave')],
      ['Esc', t('attendance.keyCancel')],
    ],
  );
  return (
    <Box flexDirection="column">
      <Text bold>{t('attendance.exemptionFormHead')}</Text>
      {people.length ? null : <Text color="yellow">{t('attendance.exemptionNobody')}</Text>}
      <FormView fields={fields} state={state.form} cols={shell.cols} labelWidth={12} />
      <Text wrap="truncate" color="red">
        {state.error ? clip(state.error, shell.cols) : ' '}
      </Text>
    </Box>
  );
}
