// Driving an Ink screen in tests: keys as a terminal sends them, and waiting
// for a frame to show something (never a fixed sleep before asserting).
import type { render } from 'ink-testing-library';
import stringWidth from 'string-width';

export type Rendered = ReturnType<typeof render>;

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  esc: '\u001B',
  ctrlC: '\u0003',
  tab: '\t',
  backspace: '\u007F',
  ctrlS: '\u0013',
  space: ' ',
} as const;

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Sends keys one at a time, letting the screen take each one. */
export async function press(r: Rendered, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    r.stdin.write(k);
    await tick(k === KEY.escape ? 30 : 8);
  }
}

export async function until(r: Rendered, pred: (frame: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let frame = r.lastFrame() ?? '';
  while (Date.now() < end) {
    frame = r.lastFrame() ?? '';
    if (pred(frame)) return frame;
    await tick(20);
  }
  throw new Error(`the screen never showed ${what}:\n${frame}`);
}

/** Lines wider than `cols` display columns, or more lines than `rows − 1`. */
export function overflow(frame: string, cols = 80, rows = 24): string[] {
  const lines = frame.split('\n');
  const out = lines.filter((l) => stringWidth(l) > cols).map((l) => `too wide (${stringWidth(l)}): ${l}`);
  if (lines.length > rows - 1) out.push(`too tall: ${lines.length} lines`);
  return out;
}
