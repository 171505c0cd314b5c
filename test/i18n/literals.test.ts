// No Chinese text in cli/, daemon/ or src/ui/ outside comments: every word
// they show comes from the catalogue (src/i18n), so --lang en reaches them all.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f))
    .map((f) => join(dir, f));
}

/** The code without its comments (block comments, then line comments not inside a string's `//`). */
function withoutComments(s: string): string {
  return s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('words come from the catalogue', () => {
  it('no Chinese literal in cli/, daemon/ or src/ui/', () => {
    const offenders: string[] = [];
    for (const f of ['cli', 'daemon', join('src', 'ui')].flatMap(sources)) {
      withoutComments(readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (CJK.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the check sees Chinese where there is some', () => {
    expect(CJK.test(withoutComments("const a = '受理'; // 注释"))).toBe(true);
    expect(CJK.test(withoutComments("const a = 'accept'; // 注释\n/* 块 */"))).toBe(false);
  });
});
