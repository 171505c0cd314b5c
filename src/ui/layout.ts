// Text laid out in display columns: a Chinese character is two columns wide,
// so tables are padded and cut with string-width, never with .length.
import stringWidth from 'string-width';

/**
 * Printable ASCII (one column) and the common Chinese characters and
 * punctuation (two): the text of almost every row. string-width segments
 * graphemes and tests emoji for each string, which made laying out a
 * 2,000-household dashboard's rows cost tens of milliseconds; these are
 * counted directly (test/ui/layoutWidth.test.ts holds each code point to string-width).
 */
const SIMPLE = /^[\x20-\x7e\u3001\u3002\u300a-\u3011\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

export const width = (s: string): number => {
  if (!SIMPLE.test(s)) return stringWidth(s);
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x7f ? 1 : 2;
  return w;
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
