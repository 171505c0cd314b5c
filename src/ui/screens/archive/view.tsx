// The household archive (一户一档): members, cases and decisions, benefits,
// reviews, attendance, notes and every change from the journal, one tab each.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { householdArchive } from '../../../household/archive.js';
import { historyOf, type HistoryLine } from '../../../household/history.js';
import { addHouseholdNote, noteSummary } from '../../../household/notes.js';
import { resolveHousehold } from '../../../household/resolve.js';
import { coverageQuestion } from '../../../recipients/coverage.js';
import { deleteDraft } from '../../../office/drafts.js';
import { fit } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { loadDraft, useDraft } from '../../drafts.js';
import { FormView, WindowedList, type Field } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { archiveRows, tabLabel } from './rows.js';
import { ARCHIVE_TABS, archiveKey, archiveReducer, initialArchiveState, tabOf } from './state.js';

export function ArchiveScreen({ householdKey }: { householdKey: string }) {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const noteFields: Field[] = [{ key: 'text', label: t('household.screen.newNote'), kind: 'text', placeholder: t('household.screen.noteHint') }];
  const householdId = useMemo(() => resolveHousehold(office.view, householdKey), [office, householdKey, version]);
  const noteDraftId = `note:${householdId ?? householdKey}`;
  const [state, dispatch] = useNavReducer('archive', archiveReducer, {
    ...initialArchiveState,
    note: (() => {
      const d = loadDraft(office.view, noteDraftId);
      return d ? { values: { text: d.text ?? '' }, focus: 0 } : null;
    })(),
  });
  const { note } = state;
  const [historyLines, setHistoryLines] = useState<readonly HistoryLine[]>([]);
  const { saveNow } = useDraft(noteDraftId, 'note', note?.values ?? { text: '' }, { text: '' });
  const [historyLoaded, setHistoryLoaded] = useState(false);
  const onHistoryTab = tabOf(state) === 'history';
  useEffect(() => {
    // The journal is read only when the history tab is opened, after its
    // first frame is on the screen (a large journal takes a moment).
    if (!householdId || !onHistoryTab) return;
    let live = true;
    const h = historyOf(office);
    const timer = setTimeout(() => {
      void h.update(office).then(
        () => {
          if (!live) return;
          setHistoryLines([...h.of(householdId)]);
          setHistoryLoaded(true);
        },
        (err: unknown) => live && shell.flash(t('household.screen.historyFailed', { error: (err as Error).message }), 'error'),
      );
    }, 10);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [office, householdId, version, onHistoryTab]);
  const archive = useMemo(() => (householdId ? householdArchive(office.view, householdId, today) : null), [office, householdId, today, version]);
  const rows = useMemo(() => (archive ? archiveRows(archive, state.tab, historyLines, office.view) : []), [archive, state.tab, historyLines, office]);
  const height = bodyRows - 3 - (note ? 1 : 0);
  const sel = Math.min(state.selected, Math.max(0, rows.length - 1));
  const activeEnrolment = archive?.enrolments.find((e) => e.status === 'active') ?? archive?.enrolments[0];
  useKeys(
    (input, key) => {
      const k = archiveKey(state, noteFields, rows, height, input, key);
      if (!k) return false;
      if ('action' in k) dispatch(k.action);
      else if ('leaveNote' in k) {
        void saveNow();
        if (note?.values.text) shell.flash(t('household.screen.noteDraft'));
        dispatch({ type: 'note', form: null });
      } else if ('saveNote' in k) {
        dispatch({ type: 'note', form: k.form });
        if (!householdId) return true;
        void shell
          .save({ action: 'household.note', summary: noteSummary(k.saveNote) }, (tx) => {
            addHouseholdNote(tx, householdId, k.saveNote);
            deleteDraft(tx, noteDraftId);
          })
          .then((r) => {
            if (r.ok) {
              dispatch({ type: 'note', form: null });
              shell.flash(t('household.screen.noteSaved'));
            }
          });
      } else if ('writeNote' in k) {
        if (!householdId) return false;
        dispatch({ type: 'note', form: { values: { text: loadDraft(office.view, noteDraftId)?.text ?? '' }, focus: 0 } });
      } else if ('review' in k) {
        if (!activeEnrolment) return false;
        shell.open('review', { enrolmentId: activeEnrolment.id });
      } else if ('openCase' in k) shell.open('case', { caseNo: k.openCase });
      else if ('cover' in k) {
        const caseNo = k.cover ?? archive?.enrolments.find((e) => e.caseNo && coverageQuestion(office.view, e.caseNo))?.caseNo;
        if (!caseNo || !coverageQuestion(office.view, caseNo)) return false;
        shell.open('cover', { caseNo });
      }
      return true;
    },
    note
      ? [
          ['Enter', t('household.key.saveNote')],
          ['Esc', t('household.key.cancel')],
        ]
      : [
          ['←→ 1-7', t('household.key.tabs')],
          ['↑↓', t('household.key.scroll')],
          ['n', t('household.key.note')],
          ['v', t('household.key.review')],
          ['b', t('recipients.key.cover')],
          ['Enter', t('household.key.openCase')],
        ],
  );
  if (!archive) return <Text color="red">{t('household.screen.notFound', { key: householdKey })}</Text>;
  const h = archive.household;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>
        {fit(t('household.screen.header', { name: archive.householder.name, id: archive.householder.idNumber, area: h.area, phone: h.phone || '-', n: archive.members.filter((m) => !m.leftOn).length }), cols)}
      </Text>
      <Text wrap="truncate">{fit(t('household.screen.address', { address: h.address }), cols)}</Text>
      <Text wrap="truncate">
        {ARCHIVE_TABS.map((tab, i) => (
          <Text key={tab} inverse={i === state.tab}>
            {` ${i + 1}${tabLabel(tab)} `}
          </Text>
        ))}
        <Text dimColor> {onHistoryTab ? (historyLoaded ? t('household.screen.changes', { n: historyLines.length }) : t('household.screen.readingHistory')) : ''}</Text>
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={t('household.screen.emptyTab')} />
      {note ? <FormView fields={noteFields} state={note} cols={cols} labelWidth={8} /> : null}
    </Box>
  );
}
