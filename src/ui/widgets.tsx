// Widgets the screens share: a windowed list (only visible rows render) and
// a keyboard form whose key handling is a pure reducer.
import React from 'react';
import { useNavState } from './shell.js';
import { Box, Text, type Key } from 'ink';
import { fit, width } from './layout.js';
import { t } from '../i18n/index.js';
import { YES_NO } from '../office/model.js';

export interface ListRow {
  key: string;
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  /** false for headings: the cursor skips them */
  selectable?: boolean;
}

/** The first row to show so that `selected` is visible in `height` rows. */
export function windowStart(total: number, selected: number, height: number): number {
  if (total <= height) return 0;
  const start = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(start, total - height));
}

/** Moves the cursor by `delta` to the next selectable row (stays put at the ends). */
export function moveSelection(rows: readonly ListRow[], selected: number, delta: number): number {
  const ok = (i: number) => rows[i] !== undefined && rows[i]!.selectable !== false;
  let i = selected;
  const step = delta < 0 ? -1 : 1;
  let left = Math.abs(delta);
  let last = ok(selected) ? selected : -1;
  while (left > 0) {
    i += step;
    if (i < 0 || i >= rows.length) break;
    if (ok(i)) {
      last = i;
      left--;
    }
  }
  if (last === -1) return firstSelectable(rows);
  return last;
}

export function firstSelectable(rows: readonly ListRow[]): number {
  const i = rows.findIndex((r) => r.selectable !== false);
  return i === -1 ? 0 : i;
}

/** ↑↓ PgUp PgDn Home End on a list; returns the new selection or null when the key is not a move. */
export function listKey(rows: readonly ListRow[], selected: number, height: number, input: string, key: Key): number | null {
  if (key.upArrow || input === 'k') return moveSelection(rows, selected, -1);
  if (key.downArrow || input === 'j') return moveSelection(rows, selected, 1);
  if (key.pageUp) return moveSelection(rows, selected, -Math.max(1, height - 1));
  if (key.pageDown) return moveSelection(rows, selected, Math.max(1, height - 1));
  if (key.home) return firstSelectable(rows);
  if (key.end) return moveSelection(rows, selected, rows.length);
  return null;
}

/**
 * The cursor of a screen's list, kept while another screen is on top:
 * `sel` is always on a selectable row; `move` handles the list keys.
 */
export function useListCursor(rows: readonly ListRow[], height: number): { sel: number; move: (input: string, key: Key) => boolean; reset: () => void } {
  const [selected, setSelected] = useNavState('selected', -1);
  const sel = selected >= 0 && selected < rows.length && rows[selected]!.selectable !== false ? selected : firstSelectable(rows);
  return {
    sel,
    move: (input, key) => {
      const moved = listKey(rows, sel, height, input, key);
      if (moved === null) return false;
      setSelected(moved);
      return true;
    },
    reset: () => setSelected(-1),
  };
}

export function WindowedList({ rows, selected, height, cols, focus = true, empty }: { rows: readonly ListRow[]; selected: number; height: number; cols: number; focus?: boolean; empty?: string }) {
  if (!rows.length) return <Text dimColor>{empty ?? t('ui.list.empty')}</Text>;
  const over = rows.length > height;
  const room = over ? Math.max(1, height - 1) : height;
  const start = windowStart(rows.length, selected, room);
  const shown = rows.slice(start, start + room);
  return (
    <Box flexDirection="column">
      {shown.map((r, i) => {
        const at = start + i === selected && focus && r.selectable !== false;
        return (
          <Text key={r.key} color={at ? undefined : r.color} inverse={at} bold={r.bold} dimColor={r.dim && !at} wrap="truncate">
            {fit(`${at ? '›' : ' '}${r.text}`, cols)}
          </Text>
        );
      })}
      {over ? (
        <Text dimColor wrap="truncate">
          {fit(t('ui.list.position', { from: start + 1, to: start + shown.length, total: rows.length }), cols)}
        </Text>
      ) : null}
    </Box>
  );
}

// ---------------------------------------------------------------- forms

export interface Field {
  key: string;
  label: string;
  kind: 'text' | 'choice' | 'toggle';
  choices?: readonly (readonly [value: string, label: string])[];
  placeholder?: string;
}

/** The values a toggle field holds: the records' yes/no words (data), shown in the process's language. */
export const [TOGGLE_OFF, TOGGLE_ON] = YES_NO;

/** Whether a toggle field's value is on. */
export function toggleOn(v: string | undefined): boolean {
  return v === TOGGLE_ON;
}

function toggleChoices(): readonly (readonly [value: string, label: string])[] {
  return [
    [TOGGLE_OFF, t('ui.form.no')],
    [TOGGLE_ON, t('ui.form.yes')],
  ];
}

export interface FormState {
  values: Record<string, string>;
  focus: number;
}

export type FormEvent = { state: FormState; submit?: true; used: boolean };

/**
 * One key on a form. Text fields take what is typed (an IME or a paste
 * sends several characters at once); ←→ change a choice, space flips a
 * toggle; ↑↓ Tab move; Enter moves on, and on the last field submits;
 * Ctrl-S submits from anywhere.
 */
export function formKey(fields: readonly Field[], s: FormState, input: string, key: Key): FormEvent {
  const f = fields[s.focus];
  const set = (v: string): FormEvent => ({ state: { ...s, values: { ...s.values, [f!.key]: v } }, used: true });
  const move = (d: number): FormEvent => ({ state: { ...s, focus: Math.max(0, Math.min(fields.length - 1, s.focus + d)) }, used: true });
  if (key.ctrl && input === 's') return { state: s, submit: true, used: true };
  if (key.return) return s.focus === fields.length - 1 ? { state: s, submit: true, used: true } : move(1);
  if (key.upArrow || (key.tab && key.shift)) return move(-1);
  if (key.downArrow || key.tab) return move(1);
  if (!f) return { state: s, used: false };
  const cur = s.values[f.key] ?? '';
  if (f.kind === 'text') {
    if (key.backspace || key.delete) return set([...cur].slice(0, -1).join(''));
    // `?` in an empty field is the help key (no value starts with it); in a text being typed it is typed.
    if (input === '?' && !cur) return { state: s, used: false };
    if (input && !key.ctrl && !key.meta && !key.escape) return set(cur + input.replace(/[\r\n]/g, ''));
    return { state: s, used: false };
  }
  const choices = f.kind === 'toggle' ? toggleChoices() : (f.choices ?? []);
  const i = Math.max(0, choices.findIndex(([v]) => v === cur));
  if (key.leftArrow || key.rightArrow || input === ' ') {
    const next = choices[(i + (key.leftArrow ? choices.length - 1 : 1)) % Math.max(1, choices.length)];
    return next ? set(next[0]) : { state: s, used: true };
  }
  // A printable key on a choice is swallowed: it must not reach the global keys (but `?`, the help, does).
  return { state: s, used: Boolean(input) && input !== '?' && !key.escape && !key.ctrl };
}

export function FormView({ fields, state, cols, labelWidth = 14 }: { fields: readonly Field[]; state: FormState; cols: number; labelWidth?: number }) {
  const valueWidth = Math.max(10, cols - labelWidth - 3);
  return (
    <Box flexDirection="column">
      {fields.map((f, i) => {
        const focused = i === state.focus;
        const v = state.values[f.key] ?? '';
        let shown: string;
        if (f.kind === 'text') {
          // Show the end of a long text while typing, so the cursor stays visible.
          const t = v || (focused ? '' : (f.placeholder ?? ''));
          const w = width(t);
          shown = focused && w > valueWidth - 1 ? `…${[...t].slice(-(valueWidth - 3)).join('')}` : t;
          if (focused) shown += '▏';
        } else {
          const label = f.kind === 'toggle' ? (toggleOn(v) ? t('ui.form.yes') : t('ui.form.no')) : (f.choices?.find(([c]) => c === v)?.[1] ?? v);
          shown = focused ? `‹ ${label} ›` : label;
        }
        return (
          <Text key={f.key} wrap="truncate">
            <Text color={focused ? 'cyan' : undefined} bold={focused}>
              {fit(`${focused ? '›' : ' '}${f.label}`, labelWidth)}
            </Text>{' '}
            <Text dimColor={!v && !focused}>{fit(shown, valueWidth)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
