// The case screen: where a case stands on its way, its deadline, and the
// next steps (the twin of `jiuzhu case advance` and `case correct`). A refused
// step shows why and keeps what was typed. The state and the meaning of each
// key are in state.ts; the rules (deadlines, what may happen next) in
// src/case; keys come through the shell's keymap.
import React, { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Office } from '../../../store/office.js';
import { caseDocument } from '../../../case/document.js';
import { decisionLine, eligibilityLines, historyLine, interviewLine, refusalNoticeLine, townshipLine, verificationLines } from '../../../case/documentText.js';
import { deliverRefusalNotice } from '../../../case/refusalDelivery.js';

const TONE: Record<string, string | undefined> = { good: 'green', warn: 'yellow', bad: 'red' };
import { caseHistory } from '../../../case/history.js';
import { communityDeadlineOf, investigationDueOf, noticeEndOf } from '../../../case/deadlines.js';
import { advanceCase, openObjections, possibleSteps, splitNames, stepWord, submitFrom, type Step } from '../../../case/steps.js';
import { isIsoDate } from '../../../rules/dayNumber.js';
import { checklist } from '../../../rules/materials.js';
import { correctCase } from '../../../case/correction.js';
import { UserFacingError } from '../../../office/errors.js';
import { clip, pad } from '../../layout.js';
import { formatYuan } from '../../../rules/money.js';
import { settingsOf } from '../../../office/context.js';
import { caseFormHtml, formWord, savePrintable, type Form } from '../../../print/forms.js';
import { t, word } from '../../../i18n/index.js';
import { useKeys, type Hint } from '../../shell.js';
import { useNavReducer } from '../navReducer.js';
import { caseKey, caseReducer, FIELDS, initialCaseState, menuOf, type CaseForm, type FieldName } from './state.js';

export interface CaseScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  caseNo: string;
  rows?: number;
}

const formTitle = (f: CaseForm) => (f === 'correct' ? t('case.correctWord') : f === 'deliver' ? t('case.menuDeliver') : stepWord(f));

function fieldLabel(form: CaseForm, f: FieldName): string {
  if (f === 'note') {
    const notes: Partial<Record<CaseForm, string>> = {
      investigate: t('case.noteInvestigate'),
      review: t('case.noteReview'),
      objection: t('case.noteObjection'),
      resolve: t('case.noteResolve'),
      withdraw: t('case.noteWithdraw'),
      correct: t('case.noteCorrect'),
    };
    return notes[form] ?? t('case.fieldNote');
  }
  if (f === 'by') return form === 'investigate' ? t('case.byInvestigate') : form === 'review' ? t('case.byReview') : form === 'deliver' ? t('case.byDeliver') : t('case.fieldBy');
  const labels: Record<Exclude<FieldName, 'note' | 'by'>, string> = { date: t('case.fieldDate'), result: t('case.fieldResult'), materials: t('case.fieldMaterials') };
  return labels[f];
}

function hintsOf(form: boolean, history: boolean, deliver: boolean): Hint[] {
  if (form) return [['↑↓', t('case.keyMove')], ['←→', t('case.keyChoose')], ['Enter', t('case.keyNextOrConfirm')], ['Ctrl+S', t('case.keyConfirm')], ['Esc', t('case.keyCancel')]];
  if (history) return [['h', t('case.keyHideHistory')], ['Esc', t('case.keyBack')]];
  return [['↑↓', t('case.keyChoose')], ['Enter', t('case.keyDo')], ['h', t('case.keyHistory')], ...(deliver ? ([['d', t('case.keyDeliver')]] as Hint[]) : []), ['Esc', t('case.keyBack')]];
}

export function CaseScreen({ office, operator, onBack, caseNo, rows = 24 }: CaseScreenProps) {
  const [, refresh] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [s, dispatch] = useNavReducer('case', caseReducer, initialCaseState);
  const busy = useRef(false);
  useEffect(() => office.onChange(() => refresh((v) => v + 1)), [office]);

  const view = office.view;
  const today = office.now().date;
  const c = view.get('cases', caseNo);
  const menu = c ? menuOf(c) : [];
  const { pick, form, field, values } = s;
  const fields = form ? FIELDS[form] : [];

  const print = async (f: Form) => {
    try {
      const cur = office.view.get('cases', caseNo)!;
      const file = await savePrintable(office.dir, `${caseNo}-${f}`, caseFormHtml(office.view, cur, f, office.now().date, operator));
      setMessage({ ok: true, text: t('case.printSaved', { form: formWord(f), file }) });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof UserFacingError ? err.message : t('case.notSaved', { reason: (err as Error).message }) });
    }
  };

  const run = async () => {
    if (!form || busy.current) return;
    busy.current = true;
    try {
      if (form === 'deliver') {
        const { result } = await office.transact({ operator, source: 'local', action: 'case.deliver', summary: t('case.deliverSummary', { caseNo }) }, (tx) =>
          deliverRefusalNotice(tx, caseNo, { date: values.date, by: values.by, note: values.note }),
        );
        setMessage({ ok: true, text: t('case.delivered', result) });
        dispatch({ type: 'done' });
        return;
      }
      const meta = { operator, source: 'local' as const, action: form === 'correct' ? 'case.correct' : `case.${form}`, summary: `${caseNo} ${formTitle(form)}` };
      const { result } = await office.transact(meta, (tx) =>
        form === 'correct'
          ? { warnings: [] as string[], ...correctCase(tx, caseNo, { note: values.note, materials: splitNames(values.materials) }) }
          : advanceCase(tx, caseNo, form, {
              date: values.date.trim() || undefined,
              by: fields.includes('by') ? splitNames(values.by) : undefined,
              result: fields.includes('result') ? values.result : undefined,
              note: values.note,
              materials: splitNames(values.materials),
            }),
      );
      const warnings = result.warnings.length ? t('case.screenWarnings', { warnings: result.warnings.join(t('case.warningSep')) }) : '';
      setMessage({ ok: true, text: t('case.screenDone', { step: formTitle(form), status: word('status', result.status) }) + warnings });
      dispatch({ type: 'done' });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof UserFacingError ? err.message.replace(/\n\s*/g, ' ') : t('case.screenError', { reason: (err as Error).message }) });
    } finally {
      busy.current = false;
    }
  };

  useKeys((input, key) => {
    if (busy.current) return true;
    const cmd = caseKey(s, input, key, menu, office.now().date);
    if (!cmd) return false;
    if (cmd.type === 'back') onBack();
    else if (cmd.type === 'run') void run();
    else if (cmd.type === 'print') void print(cmd.form);
    else if (cmd.type !== 'ignore') {
      if (cmd.type === 'open' || cmd.type === 'close') setMessage(null);
      dispatch(cmd);
    }
    return true;
  }, hintsOf(!!form, s.history, menu.includes('deliver')));

  if (!c) {
    return (
      <Box flexDirection="column" width={80}>
        <Text color="red">{t('case.notFound', { caseNo })}</Text>
      </Box>
    );
  }

  const doc = caseDocument(view, c, today);
  const dl = communityDeadlineOf(c, view, today);
  const inv = investigationDueOf(c, view, today);
  const sep = t('case.nameSep');
  const lines: { text: string; color?: string }[] = [];
  const add = (text: string, color?: string) => lines.push({ text, ...(color ? { color } : {}) });
  add(t('case.screenHead', { name: doc.householder.name, persons: doc.members.length, income: formatYuan(doc.perCapitaIncomeFen), area: doc.area }));
  // the one eligibility result: its verdict line and any failed condition first, excluded incomes after the way
  const eligibility = eligibilityLines(doc.eligibility);
  for (const l of eligibility.filter((x, i) => i === 0 || x.tone === 'bad')) add(l.text, TONE[l.tone ?? '']);
  if (dl) {
    const left = dl.overdue ? t('case.overdueWorkingDays', { days: -dl.daysLeft }) : t('case.leftWorkingDays', { days: dl.daysLeft });
    add(t('case.screenDeadline', { date: dl.date, left }), dl.overdue ? 'red' : dl.near ? 'yellow' : undefined);
  }
  if (inv) add(t('case.screenInvestigationDue', { date: inv.date }) + (inv.overdue ? t('case.overdueMark') : ''), inv.overdue ? 'red' : undefined);
  add(c.acceptedOn ? t('case.screenAccepted', { date: c.acceptedOn }) : t('case.screenNotAccepted', { date: c.applicationDate }));
  add(c.investigation ? t('case.screenInvestigated', { date: c.investigation.date, by: c.investigation.by.join(sep) }) : t('case.screenNotInvestigated'));
  add(
    c.review
      ? t('case.screenReviewed', { date: c.review.date, result: c.review.result, detail: c.review.panel.length ? c.review.panel.join(sep) : c.review.note })
      : t('case.screenNotReviewed'),
  );
  if (c.notice) {
    const openCount = openObjections(c).length;
    const open = openCount ? t('case.screenOpenObjections', { count: openCount }) : '';
    add(t('case.screenNoticed', { start: c.notice.start, end: c.notice.end, count: c.notice.objections.length }) + open, openCount ? 'yellow' : undefined);
  } else add(t('case.screenNotNoticed'));
  add(c.submittedOn ? t('case.screenSubmitted', { date: c.submittedOn }) : t('case.screenNotSubmitted'));
  for (const l of [townshipLine(doc.township), decisionLine(doc.decision)]) if (l) add(l.text, TONE[l.tone ?? '']);
  for (const l of verificationLines(doc.verifications)) add(l.text, TONE[l.tone ?? '']);
  for (const l of eligibility.slice(1).filter((x) => x.tone !== 'bad')) add(l.text, TONE[l.tone ?? '']);
  const confirmed = interviewLine(doc);
  if (confirmed.tone) add(confirmed.text, TONE[confirmed.tone]);
  const refusal = refusalNoticeLine(caseNo, doc.refusalNotice);
  if (refusal) add(refusal.text, TONE[refusal.tone ?? '']);
  // The office's own steps and the township's and county's results, in time order.
  const history = caseHistory(view, c);
  const eventLine = (h: (typeof history)[number]) => historyLine(h).text;
  const last = history.at(-1);
  if (last) add(t('case.screenLatest', { event: eventLine(last) }), 'gray');
  if (s.history) {
    // the whole history instead of the summary, newest last, as much as fits
    lines.length = 0;
    add(t('case.screenHistory', { count: history.length }));
    for (const h of history) add(eventLine(h), h.source === 'local' ? undefined : 'cyan');
  }

  // what the clerk should know before confirming
  let hint = '';
  if (form === 'notice' && isIsoDate(values.date)) hint = t('case.hintNotice', { days: settingsOf(view).deadlines.noticeCalendarDays, end: noticeEndOf(view, values.date) });
  else if (form === 'submit' && c.notice) hint = t('case.hintSubmit', { end: c.notice.end, from: submitFrom(c) ?? '', count: openObjections(c).length });
  else if (form === 'accept') hint = t('case.hintAccept', { missing: checklist(c.program, c.circumstances, c.materials).missing.join(sep) || t('case.none') });
  else if (form === 'correct' && c.township) hint = t('case.hintCorrect', { note: c.township.note });
  else if (form === 'deliver' && c.decision && doc.refusalNotice?.due) hint = t('case.hintDeliver', { refused: c.decision.date, due: doc.refusalNotice.due });
  const nothingToDo = possibleSteps(c).length === 0 && !menu.includes('deliver');
  const body = form ? (
    <Box flexDirection="column">
      <Text bold>
        {formTitle(form)}
        {hint ? <Text color="cyan">  {clip(hint, 66)}</Text> : null}
      </Text>
      {fields.map((f, i) => {
        const value = f === 'result' ? `‹${values.result}›` : `${values[f]}${i === field ? '▏' : ''}`;
        const head = `${i === field ? '›' : ' '} ${pad(fieldLabel(form, f), 20)}`;
        return (
          <Text key={f} inverse={i === field}>
            {head}
            {clip(value, 79 - stringWidth(head), true)}
          </Text>
        );
      })}
      <Text inverse={field === fields.length} color="green">{field === fields.length ? '›' : ' '} {t('case.confirm')}</Text>
    </Box>
  ) : (
    <Box flexDirection="column">
      <Text bold>{t('case.nextSteps')}</Text>
      {nothingToDo ? <Text dimColor>  {t('case.nothingToDo')}</Text> : null}
      {menu.map((a, i) => (
        <Text key={a} inverse={i === pick}>
          {i === pick ? '›' : ' '} {a === 'correct' ? t('case.menuCorrect') : a === 'deliver' ? t('case.menuDeliver') : a.startsWith('print:') ? t('case.menuPrint', { form: formWord(a.slice(6) as Form) }) : stepWord(a as Step)}
        </Text>
      ))}
    </Box>
  );

  const showHistory = s.history && !form;
  const bodyRows = showHistory ? 0 : form ? fields.length + 2 : menu.length + 1 + (nothingToDo ? 1 : 0);
  const room = Math.max(3, rows - 4 - bodyRows - (message ? 2 : 0));
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>
        {t('case.screenTitle', { caseNo, program: c.program, status: word('status', c.status) })}
      </Text>
      {(showHistory ? [lines[0]!, ...lines.slice(1).slice(-(room - 1))] : lines.slice(0, room)).map((l, i) => (
        <Text key={i} color={l.color}>{clip(l.text, 79)}</Text>
      ))}
      {showHistory ? null : body}
      {message ? (
        <Box width={79}>
          <Text color={message.ok ? 'green' : 'red'} wrap="wrap">{clip(message.text, 150)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
