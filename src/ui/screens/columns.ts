// Fixed-width columns for screens where Chinese characters take two cells.
import stringWidth from 'string-width';

/** Pads to a display width, cutting what is too long. */
export function fit(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = stringWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(width - w);
}
