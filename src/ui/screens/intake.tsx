// The intake screen (受理): the household, its members and incomes, the
// checklist and a live eligibility panel. The draft is saved whenever the
// cursor leaves a field, so a power cut loses at most the field being typed.
import React, { useMemo, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import stringWidth from 'string-width';
import { clip, pad } from '../layout.js';
import type { Office } from '../../store/office.js';
import { settingsOf, standardsOf } from '../../office/context.js';
import { emptyForm, formToDocument, type IntakeForm } from '../../case/intakeForm.js';
import { deleteDraft, intakeDrafts, newDraftId, saveIntakeDraft, type IntakeDraft } from '../../office/drafts.js';
import { addCase, checkIntake, ID_PROBLEM_WORDS, intakeConflicts, IntakeError, type AddedCase, type Problem } from '../../case/intake.js';
import { normalizeIdNumber, birthDate, sex, ageOn } from '../../rules/idNumber.js';
import { assess, VERDICT_WORDS } from '../../rules/eligibility.js';
import { checklist } from '../../rules/materials.js';
import { yuanToFen, formatYuan } from '../../rules/money.js';
import { rowsOf, move, cycle, isFocusable, type Row } from './intakeRows.js';

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
  if (!r.ok) return { ok: false, text: ID_PROBLEM_WORDS[r.problem] };
  return { ok: true, text: `${birthDate(r.id)} ${sex(r.id)} ${ageOn(r.id, today)}岁` };
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
  return valid.some((m) => m.relation === '户主') ? intakeConflicts(office.view, { input: { program: form.program }, members: valid }).problems : [];
}

/** The live panel: per-capita income, the standard, the verdict, excluded incomes, checklist and duplicate flags. */
function usePanel(office: Office, form: IntakeForm, today: string) {
  return useMemo(() => {
    const view = office.view;
    const s = settingsOf(view);
    const members = form.members.map((m) => ({
      name: m.name || '（未填姓名）',
      incomes: m.incomes.flatMap((i) => {
        const fen = amountFen(i.amount);
        return fen ? [{ kind: i.kind.trim() || '月收入', amountFen: fen }] : [];
      }),
    }));
    const e = assess({ members, area: form.area, program: form.program, date: form.applicationDate, standards: standardsOf(view), excludedKinds: s.excludedIncomeKinds, nearPovertyPercent: s.nearPovertyPercent });
    const list = checklist(form.program, form.circumstances, form.materials);
    const flags = conflictsOf(office, form);
    return { e, list, flags, excluded: new Set(s.excludedIncomeKinds) };
  }, [office, form, today]);
}

export function IntakeScreen({ office, operator, onBack, onSaved, rows = 24 }: IntakeScreenProps) {
  const today = office.now().date;
  const [drafts, setDrafts] = useState<IntakeDraft[]>(() => intakeDrafts(office.view));
  const [mode, setModeState] = useState<'resume' | 'form' | 'saved'>(drafts.length ? 'resume' : 'form');
  const [pick, setPickState] = useState(0);
  // the input handler reads these refs: its closure may lag a render behind
  const modeRef = useRef(mode);
  const pickRef = useRef(pick);
  const savedRef = useRef<AddedCase | null>(null);
  const draftsRef = useRef(drafts);
  const setMode = (m: typeof mode) => {
    modeRef.current = m;
    setModeState(m);
  };
  const setPick = (p: number) => {
    pickRef.current = p;
    setPickState(p);
  };
  const [form, setForm] = useState<IntakeForm>(() => emptyForm(today, settingsOf(office.view).office.area));
  const draftRef = useRef(newDraftId(office.now().ms));
  const [cursorKey, setCursorKey] = useState('program');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [saved, setSaved] = useState<AddedCase | null>(null);
  const savedForm = useRef<string>(JSON.stringify(form));
  // Keys can arrive faster than React renders (a paste, a fast typist): the
  // handlers read and write these refs, the render reads the state.
  const formRef = useRef(form);
  const cursorRef = useRef(cursorKey);
  const putForm = (f: IntakeForm) => {
    formRef.current = f;
    setForm(f);
  };
  const putCursor = (k: string) => {
    cursorRef.current = k;
    setCursorKey(k);
  };
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const busy = useRef(false);

  const list = useMemo(() => rowsOf(form), [form]);
  const index = Math.max(0, list.findIndex((r) => r.key === cursorKey));
  const row = list[index]!;
  const panel = usePanel(office, form, today);

  const meta = (action: string, summary: string) => ({ operator, source: 'local' as const, action, summary });

  /** Saves the draft if it changed; one transaction, queued behind the previous one. */
  const saveDraft = (f: IntakeForm): Promise<unknown> => {
    const id = draftRef.current;
    const text = JSON.stringify(f);
    if (text === savedForm.current) return chain.current;
    savedForm.current = text;
    chain.current = chain.current
      .then(() => office.transact(meta('draft.save', '受理草稿'), (tx) => saveIntakeDraft(tx, id, f)))
      .then(() => setStatus(`草稿已保存 ${office.now().iso.slice(11, 19)}`))
      .catch((err: Error) => {
        savedForm.current = ''; // the next change tries again
        setStatus(`草稿没有保存：${err.message}`);
      });
    return chain.current;
  };

  const update = (fn: (d: IntakeForm) => void, persist: boolean): IntakeForm => {
    const next = structuredClone(formRef.current);
    fn(next);
    putForm(next);
    if (persist) void saveDraft(next);
    return next;
  };

  const goTo = (i: number) => {
    putCursor(rowsOf(formRef.current)[i]!.key);
    void saveDraft(formRef.current);
  };

  const saveCase = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const form = formRef.current;
      await saveDraft(form);
      const checked = checkIntake(formToDocument(form));
      if (!checked.ok) {
        // the duplicate checks too, so the clerk sees every problem at once
        const all = [...checked.problems, ...conflictsOf(office, form)];
        setProblems(all);
        setStatus(`有 ${all.length} 处问题，没有保存，已填的都在`);
        return;
      }
      const { result } = await office.transact(meta('case.add', '受理申请（终端）'), (tx) => {
        const added = addCase(tx, checked.value);
        deleteDraft(tx, draftRef.current);
        return added;
      });
      savedRef.current = result;
      setSaved(result);
      setProblems([]);
      setMode('saved');
    } catch (err) {
      if (err instanceof IntakeError) {
        setProblems(err.problems);
        setStatus(`有 ${err.problems.length} 处问题，没有保存`);
      } else setStatus(`没有保存：${(err as Error).message}`);
    } finally {
      busy.current = false;
    }
  };

  useInput((input, key) => {
    const mode = modeRef.current;
    const pick = pickRef.current;
    const drafts = draftsRef.current;
    if (mode === 'resume') {
      if (key.upArrow) setPick(Math.max(0, pick - 1));
      else if (key.downArrow) setPick(Math.min(drafts.length - 1, pick + 1));
      else if (key.return) {
        const d = drafts[pick]!;
        putForm(d.form);
        savedForm.current = JSON.stringify(d.form);
        draftRef.current = d.id;
        setMode('form');
      } else if (input === 'n') setMode('form');
      else if (input === 'd' && drafts[pick]) {
        // a draft the clerk no longer needs (the applicant gave up, or it was entered twice)
        const gone = drafts[pick]!;
        void office.transact(meta('draft.delete', '删除受理草稿'), (tx) => deleteDraft(tx, gone.id)).then(() => {
          const rest = intakeDrafts(office.view);
          draftsRef.current = rest;
          setDrafts(rest);
          setPick(0);
          if (!rest.length) setMode('form');
        });
      } else if (key.escape) onBack();
      return;
    }
    if (mode === 'saved') {
      if (key.return) (onSaved && savedRef.current ? onSaved(savedRef.current.caseNo) : onBack());
      else if (input === 'n') {
        const f = emptyForm(today, settingsOf(office.view).office.area);
        putForm(f);
        savedForm.current = JSON.stringify(f);
        draftRef.current = newDraftId(office.now().ms);
        putCursor('program');
        setMode('form');
      } else if (key.escape) onBack();
      return;
    }
    const form = formRef.current;
    const list = rowsOf(form);
    const index = Math.max(0, list.findIndex((r) => r.key === cursorRef.current));
    const row = list[index]!;
    if (key.escape) {
      void saveDraft(form).then(onBack);
      return;
    }
    if (key.ctrl && input === 's') {
      void saveCase();
      return;
    }
    if (key.upArrow || (key.tab && key.shift)) return goTo(move(list, index, -1));
    if (key.downArrow || key.tab) return goTo(move(list, index, 1));
    if (key.pageDown || key.pageUp) {
      let i = index;
      for (let n = 0; n < 10; n++) i = move(list, i, key.pageUp ? -1 : 1);
      return goTo(i);
    }
    if (row.kind === 'choice' && (key.leftArrow || key.rightArrow || input === ' ')) {
      update((d) => row.set(d, cycle(row.options, row.value, key.leftArrow ? -1 : 1)), true);
      return;
    }
    if (row.kind === 'tick' && (input === ' ' || key.return)) {
      update((d) => row.toggle(d), true);
      return;
    }
    if (row.kind === 'action' && key.return) {
      if (row.key === 'save') void saveCase();
      else {
        const next = update((d) => void row.run(d), true);
        // land on what was just added: the new member's name, the new income's amount
        const rowsNext = rowsOf(next);
        if (row.key === 'addMember') putCursor(`m${next.members.length - 1}-name`);
        else if (row.key.endsWith('-addinc')) {
          const i = Number(row.key.slice(1, row.key.indexOf('-')));
          putCursor(`m${i}-inc${next.members[i]!.incomes.length - 1}-amt`);
        } else if (!rowsNext.some((r) => r.key === row.key)) putCursor(rowsNext[Math.min(index, rowsNext.length - 1)]!.key);
      }
      return;
    }
    if (row.kind === 'text') {
      if (key.return) return goTo(move(list, index, 1));
      if (key.backspace || key.delete) {
        update((d) => row.set(d, [...row.value].slice(0, -1).join('')), false);
        return;
      }
      if (input && !key.ctrl && !key.meta) update((d) => row.set(d, row.value + input.replace(/[\r\n]/g, '')), false);
    }
  });

  if (mode === 'resume') {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>受理申请 · 有未完成的草稿</Text>
        {drafts.slice(0, rows - 5).map((d, i) => {
          const head = d.form.members.find((m) => m.relation === '户主')?.name || '（未填户主）';
          return (
            <Text key={d.id} inverse={i === pick}>
              {pad(`${head} ${d.form.program}`, 30)} 保存于 {d.savedAt.slice(0, 16).replace('T', ' ')} {d.operator}
            </Text>
          );
        })}
        <Text dimColor>Enter 继续这份草稿 · n 新建（草稿保留） · d 删除这份草稿 · Esc 返回</Text>
      </Box>
    );
  }

  if (mode === 'saved' && saved) {
    return (
      <Box flexDirection="column" width={80}>
        <Text bold>已保存：{saved.caseNo}</Text>
        <Text>{saved.status === 'accepted' ? `材料齐全，已于 ${form.applicationDate} 受理，期限从今天起算` : `材料不全，暂未受理：缺 ${saved.missing.join('、')}`}</Text>
        <Text dimColor>Enter 打开这件申请 · n 受理下一件 · Esc 返回</Text>
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
      hint = { text: ' 按规定不计入', color: 'yellow' };
    } else if (r.income && amountFen(r.value) === null) {
      hint = { text: ' ✗金额', color: 'red' };
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
      <Text bold>受理申请 · {form.program} · {form.members.find((m) => m.relation === '户主')?.name || '新申请'}</Text>
      <Box flexDirection="row">
        <Box flexDirection="column" width={LEFT} height={room}>
          {shown.map((r) => renderRow(r, r.key === row.key && isFocusable(r)))}
        </Box>
        <Box flexDirection="column" width={RIGHT} marginLeft={1} height={room} overflow="hidden">
          <Text bold>资格测算</Text>
          <Text>家庭人口 {e.persons} 人</Text>
          <Text>计入收入 {formatYuan(e.countedFen)}</Text>
          <Text>人均月收入 {formatYuan(e.perCapitaFen)}</Text>
          <Text>保障标准 {e.standard ? formatYuan(e.standard.monthlyFen) : '（无）'}</Text>
          <Text color={verdictColor}>结论：{VERDICT_WORDS[e.verdict]}</Text>
          {e.verdict === 'eligible' ? <Text>估算 {formatYuan(e.estimatedMonthlyFen)}/月</Text> : null}
          {e.verdict === 'near-poverty' || e.verdict === 'not-eligible' ? <Text>边缘线 {formatYuan(e.nearPovertyLineFen ?? 0)}</Text> : null}
          {excludedLines.slice(0, 2).map((l, i) => (
            <Text key={`x${i}`} color="yellow">{clip(`不计入：${l.kind} ${formatYuan(l.amountFen)}`, RIGHT)}</Text>
          ))}
          <Text bold>材料 {panel.list.items.length - panel.list.missing.length}/{panel.list.items.length}</Text>
          <Text color={panel.list.complete ? 'green' : 'yellow'}>{clip(panel.list.complete ? '齐全，保存即受理' : `缺 ${panel.list.missing.join('、')}`, RIGHT)}</Text>
          {panel.flags.slice(0, 3).map((p, i) => (
            <Text key={`f${i}`} color="red" wrap="wrap">！{p.message.split('：')[0]}</Text>
          ))}
        </Box>
      </Box>
      {problems.slice(0, problems.length > 4 ? 3 : 4).map((p, i) => (
        <Text key={`p${i}`} color="red">{clip(`${p.label}：${p.message}`, 79)}</Text>
      ))}
      {problems.length > 4 ? <Text color="red">……另有 {problems.length - 3} 处问题</Text> : null}
      <Text dimColor>{clip(`↑↓移动 ←→选择 空格勾选 Ctrl+S保存 Esc返回${status ? ` · ${status}` : ''}`, 79)}</Text>
    </Box>
  );
}
