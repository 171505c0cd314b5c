// The coverage form (单人保): the county approved fewer persons than the
// household has; the clerk ticks who is covered. The members the county's
// 原因 names come ticked; Enter keeps the choice (src/recipients/coverage.ts).
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { coverageProblems, coverageQuestion, coverMembers } from '../../../recipients/coverage.js';
import { row, type Column } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { t, tIn } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { coverKey, coverReducer, initialCoverState, tickedOf } from './state.js';

const COLUMNS: Column[] = [{ w: 4 }, { w: 6 }, { w: 8 }, { w: 18 }, { w: 30 }];

export function CoverScreen({ caseNo }: { caseNo: string }) {
  const shell = useShell();
  const { office, version } = shell;
  const [state, dispatch] = useNavReducer('cover', coverReducer, initialCoverState);
  const q = useMemo(() => coverageQuestion(office.view, caseNo), [office, caseNo, version]);
  useKeys(
    (input, key) => {
      if (!q) return false;
      const k = coverKey(state, q, input, key);
      if (!k) return false;
      if ('action' in k) return dispatch(k.action), true;
      const problems = coverageProblems(q, k.save);
      if (problems.length) {
        shell.flash(problems.join(t('recipients.separator')), 'error');
        return true;
      }
      void shell.save({ action: 'enrolment.cover', summary: tIn('zh', 'recipients.coverage.summary', { caseNo, names: k.save.join(',') }) }, (tx) => coverMembers(tx, caseNo, k.save, shell.operator)).then((r) => {
        if (r.ok) {
          shell.flash(t('recipients.coverage.saved', { caseNo, names: q.members.filter((m) => r.result.includes(m.idNumber)).map((m) => m.name).join(t('recipients.coverage.nameSeparator')) }));
          shell.back();
        }
      });
      return true;
    },
    [
      ['↑↓', t('recipients.coverage.keyMove')],
      ['Space', t('recipients.coverage.keyTick')],
      ['Enter', t('recipients.coverage.keySave')],
    ],
  );
  if (!q) return <Text color="red">{t('recipients.coverage.notPartial', { caseNo })}</Text>;
  const ticked = tickedOf(state, q);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>
        {t('recipients.coverage.screenHead', { caseNo, persons: q.persons, size: q.members.length })}
      </Text>
      <Text wrap="truncate" dimColor>
        {q.reason ? t('recipients.coverage.screenReason', { reason: q.reason }) : t('recipients.coverage.screenNoReason')}
      </Text>
      {q.members.map((m, i) => (
        <Text key={m.idNumber} wrap="truncate" inverse={i === state.selected}>
          {row([ticked.includes(m.idNumber) ? '[x]' : '[ ]', m.relation, m.name, m.idNumber, m.suggested ? t('recipients.coverage.named') : ''], COLUMNS)}
        </Text>
      ))}
      <Text wrap="truncate" color={ticked.length === q.persons ? undefined : 'yellow'}>
        {t('recipients.coverage.screenCount', { n: ticked.length, persons: q.persons })}
      </Text>
    </Box>
  );
}
