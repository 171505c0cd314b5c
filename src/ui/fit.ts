// Cutting text to a display width ourselves: Ink's truncation goes one column
// too wide on Chinese text (pitfalls 13), which would wrap an 80-column row.
import stringWidth from 'string-width';

/** `s` cut to at most `width` columns (CJK = 2), ending in `…` when cut; from the start when `keepEnd`. */
export function fit(s: string, width: number, keepEnd = false): string {
  if (stringWidth(s) <= width) return s;
  const chars = [...s];
  if (keepEnd) chars.reverse();
  let out = '';
  let w = 1;
  for (const ch of chars) {
    const cw = stringWidth(ch);
    if (w + cw > width) break;
    out = keepEnd ? ch + out : out + ch;
    w += cw;
  }
  return keepEnd ? `…${out}` : `${out}…`;
}

/** Pads to a display width. */
export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}
