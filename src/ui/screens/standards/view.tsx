// Standards kept by hand in the app (t on the settings screen): the form of
// `jiuzhu standard set` above the list of standards with their source and the
// one in force. Saved through setStandard; a county file of the same or a
// later date wins.
import React, { useMemo } from 'react';
import { useShell } from '../../shell.js';
import type { Field, ListRow } from '../../widgets.js';
import { row } from '../../layout.js';
import { AREAS, PROGRAMS } from '../../../office/model.js';
import { setStandard, sourceText, standardJournalSummary, standardList, type StandardInput } from '../../../office/standards.js';
import { fenToYuan } from '../../../rules/money.js';
import { t } from '../../../i18n/index.js';
import { EnrolmentForm } from '../enrolmentForm.js';

export function standardsHelp(): string[] {
  return [t('settings.standardsHelp')];
}

export function StandardsScreen() {
  const shell = useShell();
  const list = useMemo(() => standardList(shell.office.view, shell.today), [shell.office, shell.version, shell.today]);
  const fields: Field[] = useMemo(
    () => [
      { key: 'area', label: t('settings.formArea'), kind: 'choice', choices: AREAS.map((a) => [a, a] as const) },
      { key: 'program', label: t('settings.formProgram'), kind: 'choice', choices: PROGRAMS.map((p) => [p, p] as const) },
      { key: 'amount', label: t('settings.formAmount'), kind: 'text', placeholder: '850' },
      { key: 'from', label: t('settings.formFrom'), kind: 'text', placeholder: 'YYYY-MM-DD' },
    ],
    [],
  );
  const inForce = t('settings.standardInForce');
  const below: ListRow[] = list.map((r) => ({
    key: `${r.area}:${r.program}:${r.from}`,
    text: row([r.inForce ? inForce : '', r.area, r.program, r.amount, r.from, sourceText(r)], [{ w: 8 }, { w: 4 }, { w: 10 }, { w: 9, align: 'right' }, { w: 10 }, { w: 33 }]),
    dim: !r.inForce,
  }));
  return (
    <EnrolmentForm
      draftId="standard"
      draftKind="standard"
      fields={fields}
      pristine={{ area: shell.office.view.get('settings', 'office')?.office.area ?? AREAS[0], program: PROGRAMS[0], amount: '', from: '' }}
      header={[t('settings.standardsHead')]}
      belowTitle={list.length ? t('settings.standardsBelow') : t('settings.standardNone', { area: AREAS[0], program: PROGRAMS[0] })}
      below={below}
      save={(v) => {
        const input: StandardInput = { area: v.area ?? '', program: v.program ?? '', amount: (v.amount ?? '').trim(), from: (v.from ?? '').trim() };
        return { action: 'standard.set', summary: standardJournalSummary(input), record: (tx) => setStandard(tx, input) };
      }}
      saved={(r) => t('settings.standardSet', { area: r.area, program: r.program, amount: fenToYuan(r.monthlyFen), from: r.from })}
    />
  );
}
