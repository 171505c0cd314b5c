// Renders the real app (shell and screens) at 80×24 with ink-testing-library
// and waits for what the frame should show, never for a fixed delay.
import React from 'react';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { App } from '../../src/ui/app.js';
import type { Office } from '../../src/store/office.js';

import { KEY } from './ink.js';

export { KEY };

export const COLS = 80;
export const ROWS = 24;

export function renderApp(office: Office, opts: { operator?: string | null; first?: { id: string; params?: Record<string, string> } } = {}) {
  const operator = opts.operator === null ? undefined : (opts.operator ?? '王芳');
  const r = render(<App office={office} operator={operator} size={{ cols: COLS, rows: ROWS }} first={opts.first} pollMs={50} />);
  const frame = () => r.lastFrame() ?? '';
  const lines = () => frame().split('\n');
  async function until(pred: (f: string) => boolean, what: string, ms = 8000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const f = frame();
      if (pred(f)) return f;
      if (Date.now() > end) throw new Error(`the frame never showed ${what}:\n${f}`);
      await new Promise((res) => setTimeout(res, 20));
    }
  }
  async function see(text: string): Promise<string> {
    return until((f) => f.includes(text), `「${text}」`);
  }
  async function press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 15));
    }
  }
  /** The frame fits 80×24: at most rows − 1 lines, none wider than 80 columns. */
  function fits(): void {
    const ls = lines();
    if (ls.length > ROWS - 1) throw new Error(`frame has ${ls.length} lines (max ${ROWS - 1}):\n${frame()}`);
    for (const l of ls) if (stringWidth(l) > COLS) throw new Error(`line wider than ${COLS} columns (${stringWidth(l)}): ${l}`);
  }
  return { ...r, frame, lines, until, see, press, fits };
}

/** Display column where `needle` starts in `line` (-1 when absent). */
export function columnOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  return i === -1 ? -1 : stringWidth(line.slice(0, i));
}
