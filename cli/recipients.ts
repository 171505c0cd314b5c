// `jiuzhu household …`, `review …`, `recipient …`: the command-line twins of
// the app's household archive, review screen, gradual exit, cancellation
// register and roster reconciliation.
import type { Command } from 'commander';
import { addReview, RECOMMENDATIONS, recommendationWord, reviewInputOf, reviewSaved, reviewSummary } from '../src/recipients/reviews.js';
import { reviewsDue } from '../src/recipients/reviewsDue.js';
import { PROGRAMS } from '../src/office/model.js';
import { formatYuan, MoneyError, yuanToFen } from '../src/rules/money.js';
import type { View } from '../src/store/office.js';
import { cancellationRegister, cancelSaved, cancelSummary, registerCancellation } from '../src/recipients/cancellations.js';
import { exitSaved, exitSummary, recordGradualExit } from '../src/recipients/gradualExit.js';
import { pendingKindWord } from '../src/office/pending.js';
import { resolutionProblems, resolvePendingItem, resolveSummary, rosterReconciliation } from '../src/recipients/reconciliation.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError, UserError } from './common.js';
import { t, word } from '../src/i18n/index.js';
import { resolveHousehold } from '../src/household/resolve.js';
import { addHouseholdNote, noteSummary } from '../src/household/notes.js';
import { coverageText } from '../src/recipients/coverage.js';
import { refusalNoticeLine } from '../src/case/documentText.js';
import { minuteStamp } from '../src/office/time.js';

// The archive, history and search modules load only in the commands that use
// them, so that `status` and `sync once` do not pay for them at start-up.
const archiveModule = () => import('../src/household/archive.js');

function householdOrFail(view: View, key: string): string {
  const id = resolveHousehold(view, key);
  if (!id) throw new UserError(t('household.cli.notFound', { key }));
  return id;
}

function enrolmentOf(view: View, key: string, program: string): string {
  if (!(PROGRAMS as readonly string[]).includes(program)) throw new UsageError(t('recipients.cli.badProgram', { program, programs: PROGRAMS.join(t('household.listSeparator')) }));
  const id = `${householdOrFail(view, key)}:${program}`;
  if (!view.get('enrolments', id)) throw new UserError(t('recipients.cli.noEnrolment', { program, key }));
  return id;
}

function fen(v: string | undefined, what: string): number | null {
  if (v === undefined) return null;
  try {
    return yuanToFen(v);
  } catch (err) {
    if (err instanceof MoneyError) throw new UsageError(`${what}: ${err.message}`);
    throw err;
  }
}

const categoryWord = (c: string | null) => (c ? t('recipients.cli.category', { category: c }) : t('recipients.cli.uncategorised'));

/** The options that name one benefit: the household and the programme. */
function forEnrolment(c: Command): Command {
  return c.requiredOption('--household <key>', t('recipients.opt.household')).option('--program <program>', t('recipients.opt.program'), PROGRAMS[0]);
}

export function registerRecipients(program: Command): void {
  const h = program.command('household').description(t('household.cli.description'));

  h.command('search')
    .description(t('household.cli.searchDescription'))
    .argument('<query>', t('household.cli.queryArg'))
    .action(async (query: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { searchHouseholds } = await import('../src/household/search.js');
      const hits = searchHouseholds(office.view, query);
      if (g.json) return printJson(hits.map(({ rank: _rank, ...hit }) => hit));
      if (!hits.length) return say(t('household.cli.nothingFound', { query }));
      for (const x of hits) out(t('household.cli.hit', { id: x.householdId, name: x.householderName, address: x.address, matched: x.matched }));
    });

  h.command('show')
    .description(t('household.cli.showDescription'))
    .argument('<key>', t('household.cli.keyArg'))
    .action(async (key: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const id = householdOrFail(office.view, key);
      const [{ householdArchive }, { readHouseholdHistory, sourceWord }] = await Promise.all([archiveModule(), import('../src/household/history.js')]);
      const a = householdArchive(office.view, id, office.now().date);
      const history = (await readHouseholdHistory(office)).of(id);
      if (g.json) return printJson({ householdId: id, ...a, history });
      out(`${a.householder.name}  ${a.household.address}  ${a.household.phone}  ${a.household.area}`);
      out(t('household.cli.members'));
      for (const m of a.members) {
        const extra = `${m.disability ? t('household.cli.disability', { disability: m.disability }) : ''}${m.leftOn ? t('household.cli.leftOn', { date: m.leftOn }) : ''}`;
        out(t('household.cli.member', { relation: m.relation, name: m.name, id: m.idNumber, age: m.age, ability: m.labourAbility, income: formatYuan(m.monthlyIncomeFen), extra }));
      }
      if (a.cases.length) out(t('household.cli.cases'));
      for (const c of a.cases) {
        const decision = c.decision ? t('household.cli.decision', { result: c.decision.result, date: c.decision.date }) : '';
        out(t('household.cli.case', { caseNo: c.caseNo, program: c.program, status: word('status', c.status), date: c.applicationDate, decision }));
        const refusal = refusalNoticeLine(c.caseNo, c.refusalNotice);
        if (refusal) out(`  ${refusal.text}`);
      }
      if (a.enrolments.length) out(t('household.cli.benefits'));
      for (const e of a.enrolments) {
        out(t('household.cli.benefit', { program: e.program, status: word('enrolmentStatus', e.status), amount: formatYuan(e.monthlyAmountFen), persons: e.persons, category: categoryWord(e.category), since: e.since }));
        const cover = coverageText(office.view, e);
        if (cover) out(`  ${cover}`);
      }
      if (a.reviews.length) out(t('household.cli.reviews'));
      for (const r of a.reviews) out(t('household.cli.review', { date: r.date, recommendation: recommendationWord(r.recommendation), findings: r.findings, by: r.by }));
      if (a.attendance.length) out(t('household.cli.attendance'));
      for (const l of a.attendance) {
        const level = l.level === 'recommend' ? t('household.cli.absenceRecommend') : l.level === 'warn' ? t('household.cli.absenceWarn') : '';
        out(t('household.cli.attendanceLine', { month: l.month, name: l.name, present: l.present, late: l.late, excused: l.excused, absent: l.absent, level }));
      }
      for (const x of a.gradualExits) out(t('household.cli.exit', { from: x.from, until: x.until, name: x.memberName, work: x.work }));
      for (const c of a.cancellations) out(t('household.cli.cancellation', { month: c.effectiveMonth, reason: c.reason, decidedBy: c.decidedBy, date: c.decisionDate }));
      if (a.notes.length) out(t('household.cli.notes'));
      for (const n of a.notes) out(t('household.cli.note', { at: minuteStamp(n.at), by: n.by, text: n.text }));
      out(t('household.cli.history', { n: history.length }));
      for (const l of history) out(`  ${minuteStamp(l.at)}  ${l.operator}  ${sourceWord(office.view, l.source)}  ${l.summary || l.action}`);
    });

  h.command('note')
    .description(t('household.cli.noteDescription'))
    .argument('<key>', t('household.cli.keyArg'))
    .argument('<text>', t('household.cli.textArg'))
    .action(async (key: string, text: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const id = householdOrFail(office.view, key);
      await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'household.note', summary: noteSummary(text) }, (tx) => addHouseholdNote(tx, id, text));
      if (g.json) printJson({ householdId: id });
      else say(t('household.cli.noteSaved'));
    });

  const r = program.command('review').description(t('recipients.cli.reviewDescription'));

  forEnrolment(r.command('add').description(t('recipients.cli.reviewAddDescription')))
    .option('--date <date>', t('recipients.opt.reviewDate'))
    .requiredOption('--findings <text>', t('recipients.opt.findings'))
    .option('--income-rechecked', t('recipients.opt.incomeRechecked'))
    .option('--income <yuan>', t('recipients.opt.income'))
    .requiredOption('--recommend <r>', t('recipients.opt.recommend', { codes: RECOMMENDATIONS.join(' | '), words: RECOMMENDATIONS.map((x) => recommendationWord(x)).join(' / ') }))
    .action(async (opts: { household: string; program: string; date?: string; findings: string; incomeRechecked?: boolean; income?: string; recommend: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(RECOMMENDATIONS as readonly string[]).includes(opts.recommend)) throw new UsageError(t('recipients.cli.badRecommend', { value: opts.recommend, codes: RECOMMENDATIONS.join(', ') }));
      const income = fen(opts.income, '--income');
      const office = await openOffice(g);
      const enrolmentId = enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'review.add', summary: reviewSummary(enrolmentId, opts.recommend) }, (tx) =>
        addReview(tx, reviewInputOf({ enrolmentId, date: opts.date ?? tx.now.date, findings: opts.findings, rechecked: Boolean(opts.incomeRechecked), perCapitaIncomeFen: income, recommendation: opts.recommend })),
      );
      if (g.json) printJson(result);
      else say(reviewSaved(result));
    });

  r.command('list')
    .description(t('recipients.cli.reviewListDescription'))
    .option('--due', t('recipients.opt.due'))
    .option('--household <key>', t('recipients.opt.onlyHousehold'))
    .action(async (opts: { due?: boolean; household?: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const view = office.view;
      const only = opts.household ? householdOrFail(view, opts.household) : null;
      if (opts.due) {
        const due = reviewsDue(view, office.now().date).filter((d) => !only || d.householdId === only);
        if (g.json) return printJson(due);
        if (!due.length) return say(t('recipients.cli.noneDue'));
        for (const d of due) {
          const late = d.overdue ? t('recipients.cli.overdue', { days: -d.daysLeft }) : '';
          out(t('recipients.cli.dueLine', { name: d.householderName, program: d.program, category: categoryWord(d.category), last: d.lastReview ?? t('recipients.none'), due: d.due, late }));
        }
        return;
      }
      const list = view
        .all('reviews')
        .filter((x) => !only || x.householdId === only)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
      if (g.json) return printJson(list);
      if (!list.length) return say(t('recipients.cli.noReviews'));
      for (const x of list) out(t('recipients.cli.reviewLine', { date: x.date, enrolmentId: x.enrolmentId, recommendation: recommendationWord(x.recommendation), findings: x.findings, by: x.by }));
    });

  const p = program.command('recipient').description(t('recipients.cli.recipientDescription'));

  forEnrolment(p.command('exit').description(t('recipients.cli.exitDescription')))
    .requiredOption('--member <id>', t('recipients.opt.member'))
    .requiredOption('--work <text>', t('recipients.opt.work'))
    .requiredOption('--from <month>', t('recipients.opt.from'))
    .option('--wage <yuan>', t('recipients.opt.wage'))
    .option('--note <text>', t('recipients.opt.exitNote'))
    .action(async (opts: { household: string; program: string; member: string; work: string; from: string; wage?: string; note?: string }, cmd: Command) => {
      const g = globals(cmd);
      const wage = fen(opts.wage, '--wage');
      const office = await openOffice(g);
      const enrolmentId = enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'recipient.exit', summary: exitSummary(enrolmentId, opts.from) }, (tx) =>
        recordGradualExit(tx, { enrolmentId, memberId: opts.member.trim().toUpperCase(), work: opts.work, wageFen: wage, from: opts.from, note: opts.note }),
      );
      if (g.json) printJson(result);
      else say(exitSaved(result));
    });

  forEnrolment(p.command('cancel').description(t('recipients.cli.cancelDescription')))
    .requiredOption('--month <month>', t('recipients.opt.month'))
    .requiredOption('--reason <text>', t('recipients.opt.reason'))
    .requiredOption('--decided-by <text>', t('recipients.opt.decidedBy'))
    .requiredOption('--date <date>', t('recipients.opt.decisionDate'))
    .action(async (opts: { household: string; program: string; month: string; reason: string; decidedBy: string; date: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const enrolmentId = enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'recipient.cancel', summary: cancelSummary(enrolmentId) }, (tx) =>
        registerCancellation(tx, { enrolmentId, effectiveMonth: opts.month, reason: opts.reason, decidedBy: opts.decidedBy, decisionDate: opts.date }),
      );
      if (g.json) printJson(result);
      else say(cancelSaved(result));
    });

  p.command('register')
    .description(t('recipients.cli.registerDescription'))
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = cancellationRegister(office.view);
      if (g.json) return printJson(rows);
      if (!rows.length) return say(t('recipients.register.empty'));
      for (const x of rows) {
        const line = [x.householderName, x.program, x.effectiveMonth || '-', x.reason || '-', x.decidedBy || '-', x.decisionDate || '-'].join('  ');
        out(x.registered ? line : t('recipients.cli.unregistered', { line }));
      }
    });

  p.command('reconcile')
    .description(t('recipients.cli.reconcileDescription'))
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const items = rosterReconciliation(office.view);
      if (g.json) return printJson(items);
      if (!items.length) return say(t('recipients.cli.rosterAgrees'));
      for (const x of items) out(t('recipients.cli.reconcileLine', { id: x.id, kind: pendingKindWord(x.kind), name: x.householderName, reason: x.reason, since: x.since }));
    });

  p.command('resolve')
    .description(t('recipients.cli.resolveDescription'))
    .argument('<id>', t('recipients.opt.pendingId'))
    .requiredOption('--note <text>', t('recipients.opt.resolution'))
    .action(async (id: string, opts: { note: string }, cmd: Command) => {
      const g = globals(cmd);
      const problems = resolutionProblems(opts.note);
      if (problems.length) throw new UsageError(`--note: ${problems.join(t('recipients.separator'))}`);
      const office = await openOffice(g);
      await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'pending.resolve', summary: resolveSummary(id, opts.note) }, (tx) => resolvePendingItem(tx, id, opts.note));
      if (g.json) printJson({ id });
      else say(t('recipients.cli.resolved'));
    });
}
