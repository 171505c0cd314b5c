// Text laid out in display columns: a Chinese character is two columns wide,
// so tables are padded and cut with string-width, never with .length.
import stringWidth from 'string-width';
import { simpleWidth } from './textWidth.js';

/** Display columns of `s` (the common case counted directly: ./textWidth.ts). */
export const width = (s: string): number => {
  const w = simpleWidth(s);
  return w === -1 ? stringWidth(s) : w;
};

/** Cuts `s` to at most `w` columns (ending in … when cut) and pads it to exactly `w`. */
export function fit(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  if (w <= 0) return '';
  let text = s.replace(/[\r\n\t]+/g, ' ');
  if (width(text) > w) {
    let out = '';
    let used = 0;
    for (const ch of text) {
      const cw = width(ch);
      if (used + cw > w - 1) break;
      out += ch;
      used += cw;
    }
    text = `${out}…`;
  }
  const pad = ' '.repeat(Math.max(0, w - width(text)));
  return align === 'right' ? pad + text : text + pad;
}

/** Cuts `s` to at most `w` columns without padding (ending in … when cut); keeps the end instead when `keepEnd`. */
export function clip(s: string, w: number, keepEnd = false): string {
  if (width(s) <= w) return s;
  if (!keepEnd) return fit(s, w).trimEnd();
  const chars = [...s].reverse();
  let out = '';
  let used = 1;
  for (const ch of chars) {
    const cw = width(ch);
    if (used + cw > w) break;
    out = ch + out;
    used += cw;
  }
  return `…${out}`;
}

/** Pads `s` to `w` columns, never cutting. */
export function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export interface Column {
  w: number;
  align?: 'left' | 'right';
}

/** One table row: each cell fitted to its column, one space between columns. */
export function row(cells: readonly string[], columns: readonly Column[]): string {
  return columns.map((c, i) => fit(cells[i] ?? '', c.w, c.align)).join(' ');
}
