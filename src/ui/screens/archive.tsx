// The household archive (一户一档): members, cases and decisions, benefits,
// reviews, attendance, notes and every change from the journal, one tab each.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { householdArchive, type Archive } from '../../household/archive.js';
import { historyOf, sourceWord, type HistoryLine } from '../../household/history.js';
import { addHouseholdNote } from '../../household/notes.js';
import { resolveHousehold } from '../../household/resolve.js';

import { RECOMMENDATION_WORDS } from '../../recipients/reviews.js';

import { PENDING_KIND_WORDS } from '../../office/pending.js';
import { formatYuan } from '../../rules/money.js';
import type { View } from '../../store/office.js';
import type { PendingItem } from '../../office/model.js';
import { fit, row } from '../layout.js';
import { useKeys, useNavState, useShell } from '../shell.js';
import { loadDraft, useDraft } from '../drafts.js';
import { deleteDraft } from '../../office/drafts.js';
import { FormView, formKey, listKey, WindowedList, type Field, type FormState, type ListRow } from '../widgets.js';
import { word } from '../../i18n/index.js';

export const ARCHIVE_TABS = ['成员', '申请', '保障', '复核', '劳动', '备注', '记录'] as const;

const short = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Each tab's rows; pure, for the screen and its tests. */
export function archiveRows(a: Archive, tab: number, history: readonly HistoryLine[], view: View): ListRow[] {
  const rows: ListRow[] = [];
  const head = (key: string, text: string) => rows.push({ key, text, bold: true, selectable: true });
  const line = (key: string, text: string, dim = false) => rows.push({ key, text: `  ${text}`, dim });
  switch (ARCHIVE_TABS[tab]) {
    case '成员':
      for (const m of a.members) {
        rows.push({
          key: m.idNumber,
          text: row(
            [m.relation, m.name, m.idNumber, `${m.age}岁`, `劳动${m.labourAbility}`, m.disability ?? '', formatYuan(m.monthlyIncomeFen), m.leftOn ? `${m.leftOn}迁出` : ''],
            [{ w: 4 }, { w: 8 }, { w: 18 }, { w: 5 }, { w: 8 }, { w: 4 }, { w: 11, align: 'right' }, { w: 10 }],
          ),
          dim: Boolean(m.leftOn),
        });
      }
      break;
    case '申请':
      for (const c of a.cases) {
        head(`c${c.caseNo}`, `${c.caseNo}  ${c.program}  ${word('status', c.status)}  申请 ${c.applicationDate}${c.decision ? `  区县${c.decision.result} ${c.decision.date}${c.decision.monthlyAmountFen != null ? ` ${formatYuan(c.decision.monthlyAmountFen)}/月` : ''}` : ''}`);
        if (c.township) line(`t${c.caseNo}`, `街道${c.township.result} ${c.township.date} ${c.township.note}`);
        c.events.forEach((e, i) => line(`e${c.caseNo}:${i}`, `${short(e.at)}  ${word('event', e.event)}  ${e.by}  ${sourceWord(view, e.source)}${e.note ? `  ${e.note}` : ''}${e.stale ? '  （已过时）' : ''}`, true));
      }
      break;
    case '保障':
      for (const e of a.enrolments) {
        head(`n${e.id}`, `${e.program}  ${word('enrolmentStatus', e.status)}  ${formatYuan(e.monthlyAmountFen)}/月  ${e.persons} 人  ${e.category ? `${e.category}类` : '未分类'}  自 ${e.since}${e.caseNo ? `  ${e.caseNo}` : '  （来自花名册）'}`);
        e.history.forEach((h, i) => line(`h${e.id}:${i}`, `${h.date ?? short(h.at)}  ${word('event', h.event)}${h.month ? ` ${h.month}` : ''}${h.amountFen != null ? ` ${formatYuan(h.amountFen)}` : ''}  ${sourceWord(view, h.source)}${h.reason ? `  ${h.reason}` : ''}`, true));
      }
      for (const x of a.gradualExits) head(`x${x.id}`, `渐退期 ${x.from} 至 ${x.until}  ${x.memberName}  ${x.work}${x.wageFen != null ? `  ${formatYuan(x.wageFen)}/月` : ''}  （${x.by}）`);
      for (const c of a.cancellations) head(`k${c.id}`, `撤消 ${c.effectiveMonth} 起  ${c.reason}  ${c.decidedBy} ${c.decisionDate}  （${c.by}）`);
      break;
    case '复核':
      for (const r of [...a.reviews].reverse()) {
        head(`r${r.id}`, `${r.date}  ${r.program}  ${RECOMMENDATION_WORDS[r.recommendation]}  ${r.incomeRechecked ? '已核对收入' : '未核对收入'}${r.perCapitaIncomeFen != null ? ` 人均 ${formatYuan(r.perCapitaIncomeFen)}` : ''}  ${r.by}`);
        line(`f${r.id}`, r.findings, true);
      }
      break;
    case '劳动':
      for (const l of a.attendance) {
        rows.push({ key: `${l.month}:${l.idNumber}`, text: row([l.month, l.name, `出勤 ${l.present}`, `迟到 ${l.late}`, `请假 ${l.excused}`, `缺勤 ${l.absent}`], [{ w: 7 }, { w: 8 }, { w: 8 }, { w: 8 }, { w: 8 }, { w: 8 }]), color: l.level === 'recommend' ? 'red' : l.level === 'warn' ? 'yellow' : undefined });
      }
      break;
    case '备注':
      for (const [i, n] of [...a.notes].entries()) head(`o${i}`, `${short(n.at)}  ${n.by}：${n.text}`);
      for (const [i, p] of a.pending.entries()) {
        rows.push({ key: `p${i}`, text: `${p.resolvedOn ? `已处理 ${p.resolvedOn}` : '待处理'}  ${PENDING_KIND_WORDS[p.kind as PendingItem['kind']] ?? p.kind}（${p.since}）：${p.reason}`, dim: Boolean(p.resolvedOn) });
      }
      break;
    case '记录':
      for (const h of [...history].reverse()) {
        head(`j${h.seq}`, `${short(h.at)}  ${fit(h.operator, 6).trimEnd()}  ${sourceWord(view, h.source)}  ${h.summary || h.action}`);
        for (const [i, w] of h.what.entries()) line(`j${h.seq}:${i}`, w, true);
      }
      break;
  }
  return rows;
}

const NOTE_FIELDS: Field[] = [{ key: 'text', label: '新备注', kind: 'text', placeholder: '备注只增不删' }];

export function ArchiveScreen({ householdKey }: { householdKey: string }) {
  const shell = useShell();
  const { office, today, version, bodyRows, cols } = shell;
  const householdId = useMemo(() => resolveHousehold(office.view, householdKey), [office, householdKey, version]);
  const [tab, setTab] = useNavState('tab', 0);
  const [selected, setSelected] = useNavState('selected', 0);
  const [historyLines, setHistoryLines] = useState<readonly HistoryLine[]>([]);
  const noteDraftId = `note:${householdId ?? householdKey}`;
  const [note, setNote] = useState<FormState | null>(() => {
    const d = loadDraft(office.view, noteDraftId);
    return d ? { values: { text: d.text ?? '' }, focus: 0 } : null;
  });
  const { saveNow } = useDraft(noteDraftId, 'note', note?.values ?? { text: '' }, { text: '' });
  const [historyLoaded, setHistoryLoaded] = useState(false);
  const onHistoryTab = ARCHIVE_TABS[tab] === '记录';
  useEffect(() => {
    // The journal is read only when the history tab is opened, after its
    // first frame is on the screen (a large journal takes a moment).
    if (!householdId || !onHistoryTab) return;
    let live = true;
    const h = historyOf(office);
    const t = setTimeout(() => {
      void h.update(office).then(
        () => {
          if (!live) return;
          setHistoryLines([...h.of(householdId)]);
          setHistoryLoaded(true);
        },
        (err: unknown) => live && shell.flash(`读取变更记录失败：${(err as Error).message}`, 'error'),
      );
    }, 10);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [office, householdId, version, onHistoryTab]);
  const archive = useMemo(() => (householdId ? householdArchive(office.view, householdId, today) : null), [office, householdId, today, version]);
  const rows = useMemo(() => (archive ? archiveRows(archive, tab, historyLines, office.view) : []), [archive, tab, historyLines, office]);
  const height = bodyRows - 3 - (note ? 1 : 0);
  const sel = Math.min(selected, Math.max(0, rows.length - 1));
  const activeEnrolment = archive?.enrolments.find((e) => e.status === 'active') ?? archive?.enrolments[0];
  useKeys(
    (input, key) => {
      if (note) {
        if (key.escape) {
          void saveNow();
          if (note.values.text) shell.flash('备注没有保存，已存为草稿；再按 n 继续');
          setNote(null);
          return true;
        }
        const ev = formKey(NOTE_FIELDS, note, input, key);
        setNote(ev.state);
        if (ev.submit && householdId) {
          const text = ev.state.values.text ?? '';
          void shell
            .save({ action: 'household.note', summary: `备注：${text.slice(0, 40)}` }, (tx) => {
              addHouseholdNote(tx, householdId, text);
              deleteDraft(tx, noteDraftId);
            })
            .then((r) => {
              if (r.ok) {
                setNote(null);
                shell.flash('备注已保存');
              }
            });
        }
        return true;
      }
      const switchTo = (t: number) => {
        setTab((t + ARCHIVE_TABS.length) % ARCHIVE_TABS.length);
        setSelected(0);
      };
      if (key.rightArrow || (key.tab && !key.shift)) return switchTo(tab + 1), true;
      if (key.leftArrow || (key.tab && key.shift)) return switchTo(tab - 1), true;
      if (/^[1-7]$/.test(input)) return switchTo(Number(input) - 1), true;
      const moved = listKey(rows, sel, height, input, key);
      if (moved !== null) {
        setSelected(moved);
        return true;
      }
      if (input === 'n' && householdId) {
        setNote({ values: { text: loadDraft(office.view, noteDraftId)?.text ?? '' }, focus: 0 });
        return true;
      }
      if (input === 'v' && activeEnrolment) {
        shell.open('review', { enrolmentId: activeEnrolment.id });
        return true;
      }
      if (key.return) {
        const k = rows[sel]?.key ?? '';
        if (k.startsWith('c')) shell.open('case', { caseNo: k.slice(1) });
        return true;
      }
      return false;
    },
    note
      ? [['Enter', '保存备注'], ['Esc', '取消']]
      : [
          ['←→ 1-7', '分页'],
          ['↑↓', '滚动'],
          ['n', '备注'],
          ['v', '复核'],
          ['Enter', '打开申请'],
        ],
  );
  if (!archive) return <Text color="red">找不到「{householdKey}」对应的户。</Text>;
  const h = archive.household;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>
        {fit(`${archive.householder.name}  户主 ${archive.householder.idNumber}  ${h.area}  电话 ${h.phone || '-'}  ${archive.members.filter((m) => !m.leftOn).length} 口人`, cols)}
      </Text>
      <Text wrap="truncate">{fit(`住址 ${h.address}`, cols)}</Text>
      <Text wrap="truncate">
        {ARCHIVE_TABS.map((t, i) => (
          <Text key={t} inverse={i === tab}>
            {` ${i + 1}${t} `}
          </Text>
        ))}
        <Text dimColor> {onHistoryTab ? (historyLoaded ? `共 ${historyLines.length} 次变更` : '正在读取变更记录……') : ''}</Text>
      </Text>
      <WindowedList rows={rows} selected={sel} height={height} cols={cols} empty="（这一页没有记录）" />
      {note ? <FormView fields={NOTE_FIELDS} state={note} cols={cols} labelWidth={8} /> : null}
    </Box>
  );
}
