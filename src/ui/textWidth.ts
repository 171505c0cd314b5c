// Display columns of the text almost every line holds, counted directly:
// printable ASCII and the marks the screens use (· × – — ‘ ’ “ ” … ‹ › ← ↑ →
// ↓ ▏ ✓ ✗ ▸, which string-width counts narrow) are one column, the common
// Chinese characters and punctuation (from U+3000) two. A single call of the
// real string-width costs ~20 ms the first time (its emoji pattern). string-width segments graphemes and tests emoji on every
// call, which made drawing a screen of Chinese rows cost tens of ms (the
// layout's own widths, and through the build, Ink's: scripts/esbuildOptions.mjs).
// test/ui/layoutWidth.test.ts holds every code point counted here to string-width.
const SIMPLE = /^[\x20-\x7e\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2039\u203a\u2190-\u2193\u258f\u2713\u2717\u25b8\u3000-\u3002\u300a-\u3011\u3014\u3015\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

/** The width of `s` when it holds only those characters; -1 otherwise (ask string-width). */
export function simpleWidth(s: string): number {
  if (!SIMPLE.test(s)) return -1;
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x3000 ? 1 : 2;
  return w;
}
