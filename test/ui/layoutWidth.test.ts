// The layout's own count of columns (src/ui/layout.ts) agrees with
// string-width on every code point it counts itself, and on mixed text.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { fit, width } from '../../src/ui/layout.js';
import { simpleWidth } from '../../src/ui/textWidth.js';

const RANGES: [number, number][] = [[0x20, 0x7e], [0xb7, 0xb7], [0xd7, 0xd7], [0x2013, 0x2014], [0x2018, 0x2019], [0x201c, 0x201d], [0x2026, 0x2026], [0x2039, 0x2039], [0x203a, 0x203a], [0x2190, 0x2193], [0x258f, 0x258f], [0x2713, 0x2713], [0x2717, 0x2717], [0x25b8, 0x25b8], [0x3000, 0x3002], [0x300a, 0x3011], [0x3014, 0x3015], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xff01, 0xff5e]];

describe('layout width', () => {
  it('counts each code point of its fast path as string-width does', () => {
    const wrong: string[] = [];
    for (const [lo, hi] of RANGES) for (let c = lo; c <= hi; c++) {
      const ch = String.fromCodePoint(c);
      if (width(ch) !== stringWidth(ch) || simpleWidth(ch) !== stringWidth(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('agrees on mixed text, and leaves the rest to string-width', () => {
    for (const s of ['2026-0048 王芳 低保 待调查 3天后', '东风社区（430105003001）', '！还没有备份过数据：请运行', 'emoji 👍🏽 and é', '\u00e9\u0301', '']) {
      expect(width(s)).toBe(stringWidth(s));
    }
    expect(simpleWidth('emoji 👍🏽')).toBe(-1);
    expect(simpleWidth('\x1b[1m粗\x1b[22m')).toBe(-1);
    expect(fit('王芳王芳王芳', 7)).toBe('王芳王…');
    expect(width(fit('王芳王芳王芳', 7))).toBe(7);
  });
});
