// The intake screen (受理): the household, its members and incomes, the
// checklist and a live eligibility panel. The draft is saved whenever the
// cursor leaves a field, so a power cut loses at most the field being typed.
// The state and the meaning of each key are in state.ts; keys come
// through the shell's keymap.
import React, { useEffect, useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { clip, pad } from '../../layout.js';
import type { Office } from '../../../store/office.js';
import { settingsOf } from '../../../office/context.js';
import { emptyForm, formToDocument, type IntakeForm } from '../../../case/intakeForm.js';
import { deleteDraft, intakeDrafts, newDraftId, saveIntakeDraft } from '../../../office/drafts.js';
import { addCase, checkIntake, idProblemWord, intakeConflicts, IntakeError, type Problem } from '../../../case/intake.js';
import { normalizeIdNumber, birthDate, sexCode, ageOn } from '../../../rules/idNumber.js';
import { problemWord, verdictWord } from '../../../rules/eligibility.js';
import { householdEligibility } from '../../../case/household.js';
import { checklist } from '../../../rules/materials.js';
import { yuanToFen, formatYuan } from '../../../rules/money.js';
import { isFocusable, type Row } from './rows.js';
import { currentRow, initialIntakeState, intakeKey, intakeReducer, persists, type IntakeAction } from './state.js';
import { useKeys, useShell, type Hint } from '../../shell.js';
import { useNavReducer } from '../navReducer.js';
import { t } from '../../../i18n/index.js';
import { RELATIONS } from '../../../office/model.js';
import { minuteStamp } from '../../../office/time.js';

/** 户主, the first of the relations. */
const HOUSEHOLDER = RELATIONS[0];

export interface IntakeScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
  /** called with the new case number once saved (e.g. to open the case screen) */
  onSaved?: (caseNo: string) => void;
  /** terminal rows; the frame stays below this */
  rows?: number;
}

const LEFT = 52;
const RIGHT = 27;


function idHint(raw: string, today: string): { ok: boolean; text: string } | null {
  if (!raw.trim()) return null;
  const r = normalizeIdNumber(raw);
  if (!r.ok) return { ok: false, text: idProblemWord(r.problem) };
  return { ok: true, text: t('case.intakeIdHint', { birth: birthDate(r.id), sex: sexCode(r.id) === 'male' ? t('case.sexMale') : t('case.sexFemale'), age: ageOn(r.id, today) }) };
}

function amountFen(s: string): number | null {
  if (!s.trim()) return 0;
  try {
    return yuanToFen(s);
  } catch {
    return null;
  }
}

/** Duplicate assistance and members of other households, from the members whose ID numbers are valid so far. */
function conflictsOf(office: Office, form: IntakeForm): Problem[] {
  const valid = form.members.flatMap((m) => {
    const r = normalizeIdNumber(m.idNumber);
    return r.ok ? [{ name: m.name, idNumber: r.id, relation: m.relation, labourAbility: m.labourAbility, disability: m.disability, incomes: [] }] : [];
  });
  return valid.some((m) => m.relation === HOUSEHOLDER) ? intakeConflicts(office.view, { input: { program: form.program }, members: valid }).problems : [];
}

/** The live panel: per-capita income, the standard, the verdict, excluded incomes, checklist and duplicate flags. */
function usePanel(office: Office, form: IntakeForm, today: string) {
  return useMemo(() => {
    const view = office.view;
    const s = settingsOf(view);
    const members = form.members.map((m) => ({
      name: m.name || t('case.intakeNoName'),
      incomes: m.incomes.flatMap((i) => {
        const fen = amountFen(i.amount);
        return fen ? [{ kind: i.kind.trim() || t('case.intakeIncome'), amountFen: fen }] : [];
      }),
    }));
    const head = form.members.find((m) => m.relation === HOUSEHOLDER);
    const id = head ? normalizeIdNumber(head.idNumber) : null;
    const known = id?.ok ? view.get('members', id.id) : undefined;
    const householdId = known && !known.leftOn ? known.householdId : id?.ok ? `h${id.id}` : '';
    const typed = form.housingArea.trim();
    const housingArea = typed === '' || !Number.isFinite(Number(typed)) ? null : Number(typed);
    const e = householdEligibility(view, { householdId, members, area: form.area, program: form.program, date: form.applicationDate, housingArea });
    const list = checklist(form.program, form.circumstances, form.materials);
    const flags = conflictsOf(office, form);
    return { e, list, flags, excluded: new Set(s.excludedIncomeKinds) };
  }, [office, form, today]);
}


function hintsOf(mode: 'resume' | 'form' | 'saved'): Hint[] {
  if (mode === 'resume') return [['Enter', t('case.intakeKeyResume')], ['n', t('case.intakeKeyNewKeep')], ['d', t('case.intakeKeyDelete')], ['Esc', t('case.keyBack')]];
  if (mode === 'saved') return [['Enter', t('case.intakeKeyOpen')], ['n', t('case.intakeKeyNext')], ['Esc', t('case.keyBack')]];
  return [['↑↓', t('case.keyMove')], ['←→', t('case.keyChoose')], [t('case.keySpace'), t('case.keyTick')], ['Ctrl+S', t('case.keySave')], ['Esc', t('case.keyBack')]];
}

export function IntakeScreen({ office, operator, onBack, onSaved, rows = 24 }: IntakeScreenProps) {
  const shell = useShell();
  const today = office.now().date;
  const [s, dispatch] = useNavReducer('intake', intakeReducer, () =>
    initialIntakeState(intakeDrafts(office.view), emptyForm(today, settingsOf(office.view).office.area), newDraftId(office.now().ms)),
  );
  const { mode, drafts, pick, form, problems, status, saved } = s;
  // What the draft was last saved as, and the save queue: one transaction at a time.
  const savedText = useRef<string>(JSON.stringify(form));
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const busy = useRef(false);
  const latest = useRef(s);
  latest.current = s;

  const { rows: list, index, row } = useMemo(() => currentRow(s), [s]);
  const panel = usePanel(office, form, today);

  const meta = (action: string, summary: string) => ({ operator, source: 'local' as const, action, summary });

  /** Saves the draft if it changed; one transaction, queued behind the previous one. */
  const saveDraft = (f: typeof form, id: string): Promise<unknown> => {
    const text = JSON.stringify(f);
    if (text === savedText.current) return chain.current;
    savedText.current = text;
    chain.current = chain.current
      .then(() => office.transact(meta('draft.save', t('case.intakeDraftSummary')), (tx) => saveIntakeDraft(tx, id, f)))
      .then(() => dispatch({ type: 'status', text: t('case.intakeDraftSaved', { time: office.now().iso.slice(11, 19) }) }))
      .catch((err: Error) => {
        savedText.current = ''; // the next change tries again
        dispatch({ type: 'status', text: t('case.intakeDraftNotSaved', { reason: err.message }) });
      });
    return chain.current;
  };

  // Ctrl-C and a signal close the app through the shell: the form is saved as a draft first.
  useEffect(
    () =>
      shell.onExit(async () => {
        if (latest.current.mode === 'form') await saveDraft(latest.current.form, latest.current.draftId);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const saveCase = async (f: typeof form, draftId: string) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await saveDraft(f, draftId);
      const checked = checkIntake(formToDocument(f), office.now().date);
      if (!checked.ok) {
        // the duplicate checks too, so the clerk sees every problem at once
        const all = [...checked.problems, ...conflictsOf(office, f)];
        dispatch({ type: 'refused', problems: all, status: t('case.intakeProblemsKept', { count: all.length }) });
        return;
      }
      const { result } = await office.transact(meta('case.add', t('case.intakeSummary')), (tx) => {
        const added = addCase(tx, checked.value);
        deleteDraft(tx, draftId);
        return added;
      });
      dispatch({ type: 'saved', added: result });
    } catch (err) {
      if (err instanceof IntakeError) dispatch({ type: 'refused', problems: err.problems, status: t('case.intakeProblems', { count: err.problems.length }) });
      else dispatch({ type: 'status', text: t('case.notSaved', { reason: (err as Error).message }) });
    } finally {
      busy.current = false;
    }
  };

  useKeys((input, key) => {
    const cmd = intakeKey(s, input, key);
    if (!cmd) return false;
    switch (cmd.type) {
      case 'ignore':
        break;
      case 'back':
        onBack();
        break;
      case 'leave':
        void saveDraft(s.form, s.draftId).then(onBack);
        break;
      case 'save':
        void saveCase(s.form, s.draftId);
        break;
      case 'open':
        if (onSaved && s.saved) onSaved(s.saved.caseNo);
        else onBack();
        break;
      case 'new': {
        const f = emptyForm(today, settingsOf(office.view).office.area);
        savedText.current = JSON.stringify(f);
        dispatch({ type: 'fresh', form: f, draftId: newDraftId(office.now().ms) });
        break;
      }
      case 'deleteDraft': {
        // a draft the clerk no longer needs (the applicant gave up, or it was entered twice)
        const gone = s.drafts[s.pick]!;
        void office.transact(meta('draft.delete', t('case.intakeDraftDeleteSummary')), (tx) => deleteDraft(tx, gone.id)).then(() => dispatch({ type: 'drafts', drafts: intakeDrafts(office.view) }));
        break;
      }
      default: {
        const a: IntakeAction = cmd;
        if (a.type === 'resume' && s.drafts[s.pick]) savedText.current = JSON.stringify(s.drafts[s.pick]!.form);
        dispatch(a);
        if (persists(a)) {
          const next = intakeReducer(s, a);
          void saveDraft(next.form, next.draftId);
        }
      }
    }
    return true;
  }, hintsOf(mode));

  if (mode === 'resume') {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>{t('case.intakeResumeTitle')}</Text>
        {drafts.slice(0, rows - 5).map((d, i) => {
          const head = d.form.members.find((m) => m.relation === HOUSEHOLDER)?.name || t('case.intakeNoHead');
          return (
            <Text key={d.id} inverse={i === pick}>
              {pad(`${head} ${d.form.program}`, 30)} {t('case.intakeSavedAt', { at: minuteStamp(d.savedAt), by: d.operator })}
            </Text>
          );
        })}
      </Box>
    );
  }

  if (mode === 'saved' && saved) {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>{t('case.intakeSaved', { caseNo: saved.caseNo })}</Text>
        <Text>{saved.status === 'accepted' ? t('case.intakeAccepted', { date: form.applicationDate }) : t('case.intakeNotAccepted', { missing: saved.missing.join(t('case.nameSep')) })}</Text>
      </Box>
    );
  }

  const room = Math.max(5, rows - 4 - Math.min(problems.length, 4));
  const first = Math.min(Math.max(0, index - Math.floor(room / 2)), Math.max(0, list.length - room));
  const shown = list.slice(first, first + room);

  const renderRow = (r: Row, focused: boolean) => {
    const mark = focused ? '›' : ' ';
    if (r.kind === 'heading') return <Text key={r.key} bold color="cyan">{clip(r.label, LEFT - 1)}</Text>;
    if (r.kind === 'tick') return <Text key={r.key} inverse={focused}>{clip(`${mark} [${r.checked ? '✓' : ' '}] ${r.label}`, LEFT - 1)}</Text>;
    if (r.kind === 'action') return <Text key={r.key} inverse={focused} color={r.key === 'save' ? 'green' : undefined}>{clip(`${mark} ${r.label}`, LEFT - 1)}</Text>;
    if (r.kind === 'choice') return <Text key={r.key} inverse={focused}>{clip(`${mark} ${pad(r.label, 11)}‹${r.value}›`, LEFT - 1)}</Text>;
    let hint: { text: string; color: string } | null = null;
    if (r.id) {
      const h = idHint(r.value, today);
      if (h) hint = { text: h.ok ? ` ${h.text}` : ` ✗${h.text}`, color: h.ok ? 'green' : 'red' };
    } else if (r.key.endsWith('-kind') && panel.excluded.has(r.value.trim())) {
      hint = { text: ` ${t('case.intakeExcluded')}`, color: 'yellow' };
    } else if (r.income && amountFen(r.value) === null) {
      hint = { text: ` ✗${t('case.intakeBadAmount')}`, color: 'red' };
    }
    const head = `${mark} ${pad(r.label, 11)}`;
    const hintText = hint ? clip(hint.text, 24) : '';
    // the typed text keeps its end in view, as an input box does
    const value = clip(`${r.value}${focused ? '▏' : ''}`, Math.max(4, LEFT - 1 - stringWidth(head) - stringWidth(hintText)), true);
    return (
      <Text key={r.key}>
        <Text inverse={focused}>{head}{value}</Text>
        {hint ? <Text color={hint.color}>{hintText}</Text> : null}
      </Text>
    );
  };

  const e = panel.e;
  const verdictColor = e.verdict === 'eligible' ? 'green' : e.verdict === 'not-eligible' ? 'red' : 'yellow';
  const excludedLines = e.lines.filter((l) => !l.counted);
  return (
    <Box flexDirection="column" width={80} height={Math.min(rows - 1, 23)}>
      <Text bold>{t('case.intakeTitle', { program: form.program, head: form.members.find((m) => m.relation === HOUSEHOLDER)?.name || t('case.intakeNew') })}</Text>
      <Box flexDirection="row">
        <Box flexDirection="column" width={LEFT} height={room}>
          {shown.map((r) => renderRow(r, r.key === row.key && isFocusable(r)))}
        </Box>
        <Box flexDirection="column" width={RIGHT} marginLeft={1} height={room} overflow="hidden">
          <Text bold>{t('case.intakePanel')}</Text>
          <Text>{t('case.intakePersons', { count: e.persons })}</Text>
          <Text>{t('case.intakeCounted', { amount: formatYuan(e.countedFen) })}</Text>
          <Text>{t('case.intakePerCapita', { amount: formatYuan(e.perCapitaFen) })}</Text>
          <Text>{t('case.intakeStandard', { amount: e.standard ? formatYuan(e.standard.monthlyFen) : t('case.intakeNoStandard') })}</Text>
          <Text color={verdictColor}>{t('case.intakeVerdict', { verdict: verdictWord(e.verdict) })}</Text>
          {e.verdict === 'eligible' ? <Text>{t('case.intakeEstimate', { amount: formatYuan(e.estimatedMonthlyFen) })}</Text> : null}
          {e.verdict === 'near-poverty' || e.verdict === 'not-eligible' ? <Text>{t('case.intakeNearLine', { amount: formatYuan(e.nearPovertyLineFen ?? 0) })}</Text> : null}
          {e.problems.slice(0, 2).map((p, i) => (
            <Text key={`c${i}`} color="red">{clip(t('case.intakeConditionFails', { condition: problemWord(p) }), RIGHT)}</Text>
          ))}
          {excludedLines.slice(0, 2).map((l, i) => (
            <Text key={`x${i}`} color="yellow">{clip(t('case.intakeExcludedLine', { kind: l.kind, amount: formatYuan(l.amountFen) }), RIGHT)}</Text>
          ))}
          <Text bold>{t('case.intakeMaterials', { have: panel.list.items.length - panel.list.missing.length, of: panel.list.items.length })}</Text>
          <Text color={panel.list.complete ? 'green' : 'yellow'}>{clip(panel.list.complete ? t('case.intakeComplete') : t('case.intakeMissing', { missing: panel.list.missing.join(t('case.nameSep')) }), RIGHT)}</Text>
          {panel.flags.slice(0, 3).map((p, i) => (
            <Text key={`f${i}`} color="red" wrap="wrap">{t('case.intakeFlag', { message: p.message.split(/[\uff1a:]/)[0]! })}</Text>
          ))}
        </Box>
      </Box>
      {problems.slice(0, problems.length > 4 ? 3 : 4).map((p, i) => (
        <Text key={`p${i}`} color="red">{clip(t('case.intakeProblem', { label: p.label, message: p.message }), 79)}</Text>
      ))}
      {problems.length > 4 ? <Text color="red">{t('case.intakeMoreProblems', { count: problems.length - 3 })}</Text> : null}
      <Text dimColor>{clip(status || ' ', 79)}</Text>
    </Box>
  );
}
