// Each tab of the household archive as list rows; pure, for the screen and its tests.
import type { Archive } from '../../../household/archive.js';
import { sourceWord, type HistoryLine } from '../../../household/history.js';
import { recommendationWord } from '../../../recipients/reviews.js';
import { pendingKindWord } from '../../../office/pending.js';
import { coverageSummary } from '../../../recipients/coverage.js';
import { refusalNoticeLine } from '../../../case/documentText.js';
import { formatYuan } from '../../../rules/money.js';
import type { View } from '../../../store/office.js';
import { fit, row } from '../../layout.js';
import type { ListRow } from '../../widgets.js';
import { t, word } from '../../../i18n/index.js';
import { ARCHIVE_TABS, type ArchiveTab } from './state.js';
import { minuteStamp } from '../../../office/time.js';


const TAB_KEYS = {
  members: 'household.tab.members',
  cases: 'household.tab.cases',
  benefits: 'household.tab.benefits',
  reviews: 'household.tab.reviews',
  labour: 'household.tab.labour',
  notes: 'household.tab.notes',
  history: 'household.tab.history',
} as const satisfies Record<ArchiveTab, string>;

/** The tab's name on the tab bar. */
export function tabLabel(tab: ArchiveTab): string {
  return t(TAB_KEYS[tab]);
}

export function archiveRows(a: Archive, tab: number, history: readonly HistoryLine[], view: View): ListRow[] {
  const rows: ListRow[] = [];
  const head = (key: string, text: string) => rows.push({ key, text, bold: true, selectable: true });
  const line = (key: string, text: string, dim = false) => rows.push({ key, text: `  ${text}`, dim });
  /** ` 650.00元/月` with the given lead, or nothing */
  const perMonth = (fen: number | null | undefined, lead = ' ') => (fen != null ? `${lead}${t('household.archive.perMonth', { amount: formatYuan(fen) })}` : '');
  switch (ARCHIVE_TABS[tab]) {
    case 'members':
      for (const m of a.members) {
        rows.push({
          key: m.idNumber,
          text: row(
            [m.relation, m.name, m.idNumber, t('household.archive.age', { age: m.age }), t('household.archive.labourAbility', { ability: m.labourAbility }), m.disability ?? '', formatYuan(m.monthlyIncomeFen), m.leftOn ? t('household.archive.leftOn', { date: m.leftOn }) : ''],
            [{ w: 4 }, { w: 8 }, { w: 18 }, { w: 5 }, { w: 8 }, { w: 4 }, { w: 11, align: 'right' }, { w: 10 }],
          ),
          dim: Boolean(m.leftOn),
        });
      }
      break;
    case 'cases':
      for (const c of a.cases) {
        const decision = c.decision ? t('household.archive.decision', { result: c.decision.result, date: c.decision.date, amount: perMonth(c.decision.monthlyAmountFen) }) : '';
        head(`c${c.caseNo}`, t('household.archive.caseLine', { caseNo: c.caseNo, program: c.program, status: word('status', c.status), date: c.applicationDate, decision }));
        if (c.township) line(`t${c.caseNo}`, t('household.archive.township', { result: c.township.result, date: c.township.date, note: c.township.note }));
        const refusal = refusalNoticeLine(c.caseNo, c.refusalNotice);
        if (refusal) rows.push({ key: `d${c.caseNo}`, text: `  ${refusal.text}`, color: refusal.tone === 'bad' ? 'red' : refusal.tone === 'warn' ? 'yellow' : undefined });
        c.events.forEach((e, i) =>
          line(`e${c.caseNo}:${i}`, `${minuteStamp(e.at)}  ${word('event', e.event)}  ${e.by}  ${sourceWord(view, e.source)}${e.note ? `  ${e.note}` : ''}${e.stale ? t('household.archive.stale') : ''}`, true),
        );
      }
      break;
    case 'benefits':
      for (const e of a.enrolments) {
        const category = e.category ? t('household.archive.category', { category: e.category }) : t('household.archive.uncategorised');
        head(
          `n${e.id}`,
          t('household.archive.benefitLine', { program: e.program, status: word('enrolmentStatus', e.status), amount: formatYuan(e.monthlyAmountFen), persons: e.persons, category, since: e.since, origin: e.caseNo ? `  ${e.caseNo}` : t('household.archive.fromRoster') }),
        );
        const cover = coverageSummary(view, e);
        if (cover) {
          rows.push({
            key: `b${e.caseNo ?? e.id}`,
            text: `  ${t('recipients.coverage.archiveLine', { names: cover.names.join(t('recipients.coverage.nameSeparator')), unchosen: cover.unchosen ? t('recipients.coverage.unchosen') : '' })}`,
            color: cover.unchosen ? 'yellow' : undefined,
          });
        }
        e.history.forEach((h, i) => line(`h${e.id}:${i}`, `${h.date ?? minuteStamp(h.at)}  ${word('event', h.event)}${h.month ? ` ${h.month}` : ''}${h.amountFen != null ? ` ${formatYuan(h.amountFen)}` : ''}  ${sourceWord(view, h.source)}${h.reason ? `  ${h.reason}` : ''}`, true));
      }
      for (const x of a.gradualExits) head(`x${x.id}`, t('household.archive.exitLine', { from: x.from, until: x.until, name: x.memberName, work: x.work, wage: perMonth(x.wageFen, '  '), by: x.by }));
      for (const c of a.cancellations) head(`k${c.id}`, t('household.archive.cancelLine', { month: c.effectiveMonth, reason: c.reason, decidedBy: c.decidedBy, date: c.decisionDate, by: c.by }));
      break;
    case 'reviews':
      for (const r of [...a.reviews].reverse()) {
        head(
          `r${r.id}`,
          t('household.archive.reviewLine', {
            date: r.date,
            program: r.program,
            recommendation: recommendationWord(r.recommendation),
            rechecked: r.incomeRechecked ? t('household.archive.rechecked') : t('household.archive.notRechecked'),
            income: r.perCapitaIncomeFen != null ? t('household.archive.perCapita', { amount: formatYuan(r.perCapitaIncomeFen) }) : '',
            by: r.by,
          }),
        );
        line(`f${r.id}`, r.findings, true);
      }
      break;
    case 'labour':
      for (const l of a.attendance) {
        rows.push({
          key: `${l.month}:${l.idNumber}`,
          text: row(
            [l.month, l.name, t('household.archive.present', { n: l.present }), t('household.archive.late', { n: l.late }), t('household.archive.excused', { n: l.excused }), t('household.archive.absent', { n: l.absent })],
            [{ w: 7 }, { w: 8 }, { w: 8 }, { w: 8 }, { w: 8 }, { w: 8 }],
          ),
          color: l.level === 'recommend' ? 'red' : l.level === 'warn' ? 'yellow' : undefined,
        });
      }
      break;
    case 'notes':
      for (const [i, n] of [...a.notes].entries()) head(`o${i}`, t('household.archive.noteLine', { at: minuteStamp(n.at), by: n.by, text: n.text }));
      for (const [i, p] of a.pending.entries()) {
        const state = p.resolvedOn ? t('household.archive.pendingResolved', { date: p.resolvedOn }) : t('household.archive.pendingOpen');
        rows.push({ key: `p${i}`, text: t('household.archive.pendingLine', { state, kind: pendingKindWord(p.kind), since: p.since, reason: p.reason }), dim: Boolean(p.resolvedOn) });
      }
      break;
    case 'history':
      for (const h of [...history].reverse()) {
        head(`j${h.seq}`, `${minuteStamp(h.at)}  ${fit(h.operator, 6).trimEnd()}  ${sourceWord(view, h.source)}  ${h.summary || h.action}`);
        for (const [i, w] of h.what.entries()) line(`j${h.seq}:${i}`, w, true);
      }
      break;
  }
  return rows;
}
