// The receipts (回执): every inbound file read, with its kind, outcome and
// counts; Enter shows its receipt row by row, with the reasons of rejected
// rows. Below, the inbox's files not read yet: Enter previews one (the
// receipt it would get; nothing applied, kept or written).
import React, { useEffect, useMemo } from 'react';
import { Box, Text } from 'ink';
import { readFileSync } from 'node:fs';
import { inboxFiles, outcomeWord, receiptFiles, receiptRows, receiptRowTone, type InboxFile, type ReceiptFile } from '../../../dashboard/receipts.js';
import { RECEIPTS_SEEN, rejectedFiles } from '../../../dashboard/reminders.js';
import { KIND_SPECS } from '../../../exchange/inbound/index.js';
import { settingsOf } from '../../../office/context.js';
import { previewBytes } from '../../../sync/preview.js';
import { row, type Column } from '../../layout.js';
import { useKeys, useShell } from '../../shell.js';
import { WindowedList, type ListRow } from '../../widgets.js';
import { t } from '../../../i18n/index.js';
import { useNavReducer } from '../navReducer.js';
import { cursorOf } from '../recipients/state.js';
import { initialReceiptsState, receiptsKey, receiptsReducer, type ReceiptDetail } from './state.js';

const FILE_COLUMNS: Column[] = [{ w: 11 }, { w: 28 }, { w: 10 }, { w: 8 }, { w: 20 }];
// The reason is not cut: a rejected row's reason says how to fix it, so it wraps.
const ROW_COLUMNS: Column[] = [{ w: 5 }, { w: 6 }];

const TONE_COLOURS: Record<string, string | undefined> = { rejected: 'red', pending: 'yellow', none: undefined };
const kindWord = (k: ReceiptFile['kind']) => (k ? KIND_SPECS[k].title : t('sync.preview.unknownKind'));

/** The screen's list: the files read, then the inbox's files not read yet. */
export function receiptsList(files: readonly ReceiptFile[], inbox: readonly InboxFile[]): { rows: ListRow[]; open: (ReceiptFile | InboxFile | null)[] } {
  const rows: ListRow[] = [];
  const open: (ReceiptFile | InboxFile | null)[] = [];
  for (const f of files) {
    const bad = f.outcome === 'rejected' || f.counts.rejected > 0;
    rows.push({
      key: `f${f.sha256}`,
      text: row([f.processedAt.slice(5, 16).replace('T', ' '), f.name, kindWord(f.kind), outcomeWord(f.outcome), t('sync.receipts.counts', { applied: f.counts.applied, rejected: f.counts.rejected, pending: f.counts.pending })], FILE_COLUMNS),
      color: f.outcome === 'rejected' ? 'red' : bad ? 'yellow' : undefined,
    });
    open.push(f);
  }
  const read = new Set(files.map((f) => f.name));
  const unread = inbox.filter((f) => !read.has(f.name));
  if (unread.length) {
    rows.push({ key: 'inboxHead', text: t('sync.receipts.inboxHead', { n: unread.length }), bold: true, selectable: false });
    open.push(null);
    for (const f of unread) {
      rows.push({ key: `i${f.name}`, text: `  ${f.name}`, dim: true });
      open.push(f);
    }
  }
  return { rows, open };
}

function detailOf(dataDir: string, f: ReceiptFile): ReceiptDetail {
  return { title: t('sync.receipts.detailTitle', { name: f.name, kind: kindWord(f.kind), outcome: outcomeWord(f.outcome) }), rows: receiptRows(dataDir, f.sha256), preview: false };
}

export function ReceiptsScreen({ sha256 }: { sha256?: string }) {
  const shell = useShell();
  const { office, version, bodyRows, cols } = shell;
  const [state, dispatch] = useNavReducer('receipts', receiptsReducer, initialReceiptsState);
  const files = useMemo(() => receiptFiles(office.view), [office, version]);
  const inbox = useMemo(() => inboxFiles(settingsOf(office.view).office.shared), [office, version]);
  const { rows, open } = useMemo(() => receiptsList(files, inbox), [files, inbox]);
  const height = bodyRows - 2;
  const sel = cursorOf(state.selected, rows);

  useEffect(() => {
    // Opening the receipts is the clerk's look: the dashboard stops reminding of the files shown.
    if (rejectedFiles(office.view).length) void shell.save({ action: 'receipts.seen' }, (tx) => tx.put('meta', RECEIPTS_SEEN, { id: RECEIPTS_SEEN, at: tx.now.iso }));
    const f = sha256 ? files.find((x) => x.sha256 === sha256) : undefined;
    if (f && !state.detail) dispatch({ type: 'show', detail: detailOf(office.dir, f) });
  }, []);

  useKeys(
    (input, key) => {
      const k = receiptsKey(state, rows, height, input, key);
      if (!k) return false;
      if ('action' in k) return dispatch(k.action), true;
      const target = open[k.open];
      if (!target) return true;
      if ('sha256' in target) dispatch({ type: 'show', detail: detailOf(office.dir, target) });
      else {
        try {
          const p = previewBytes(office, readFileSync(target.abs), target.name);
          dispatch({ type: 'show', detail: { title: t('sync.receipts.previewTitle', { name: target.name, kind: kindWord(p.kind), outcome: outcomeWord(p.outcome) }), rows: p.rows, preview: true } });
        } catch (err) {
          shell.flash(t('sync.receipts.unreadable', { name: target.name, reason: (err as Error).message }), 'error');
        }
      }
      return true;
    },
    state.detail
      ? [
          ['↑↓', t('sync.receipts.keyScroll')],
          ['Esc', t('sync.receipts.keyClose')],
        ]
      : [['↑↓ Enter', t('sync.receipts.keyOpen')]],
  );

  if (state.detail) {
    const d = state.detail;
    const lines: ListRow[] = (d.rows ?? []).map((r, i) => ({
      key: `r${i}`,
      text: `${row([String(r.row), r.result], ROW_COLUMNS)} ${[r.caseNo, r.idNumber, r.reason].filter(Boolean).join('  ')}`,
      color: TONE_COLOURS[receiptRowTone(r.result) ?? 'none'],
    }));
    const shown = lines.slice(state.top, state.top + height);
    return (
      <Box flexDirection="column">
        <Text wrap="truncate" bold>
          {d.title}
        </Text>
        <Text wrap="truncate" dimColor={!d.preview} color={d.preview ? 'yellow' : undefined}>
          {d.preview ? t('sync.receipts.previewNote') : `${row([t('sync.receipts.colRow'), t('sync.receipts.colResult')], ROW_COLUMNS)} ${t('sync.receipts.colReason')}`}
        </Text>
        {d.rows === null ? <Text color="red">{t('sync.receipts.missing')}</Text> : null}
        {shown.map((l) => (
          <Text key={l.key} wrap="wrap" color={l.color}>
            {l.text}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">{t('sync.receipts.summary', { n: files.length, bad: files.filter((f) => f.outcome === 'rejected' || f.counts.rejected > 0).length })}</Text>
      <Text dimColor wrap="truncate">
        {' '}
        {row([t('sync.receipts.colAt'), t('sync.receipts.colFile'), t('sync.receipts.colKind'), t('sync.receipts.colOutcome'), t('sync.receipts.colCounts')], FILE_COLUMNS)}
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty={t('sync.receipts.empty')} />
    </Box>
  );
}
