// The catalogue of words: both languages hold the same keys with the same
// placeholders, no text is empty, English holds no Chinese, and every key the
// code names exists (and every key exists because some code names it).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { entriesOf, fill, LANGS, setLang, t, tIn, word, langFrom } from '../../src/i18n/index.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]/;
// `{s:name}` (English's plural ending) reads the same parameter as `{name}`.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(?:s:)?([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return p.endsWith('i18n') ? [] : sources(p);
    return /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('the catalogue of words', () => {
  const zh = new Map(entriesOf('zh'));
  const en = new Map(entriesOf('en'));

  it('has every key in both languages, with the same placeholders and no empty text', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, z] of zh) {
      expect(z.trim(), k).not.toBe('');
      expect(en.get(k)!.trim(), k).not.toBe('');
      expect(placeholders(en.get(k)!), k).toEqual(placeholders(z));
    }
  });

  it('holds no Chinese in English texts (data comes in through placeholders)', () => {
    const bad = [...en].filter(([, v]) => CJK.test(v)).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('walks every key in both languages, each filled with every placeholder', () => {
    for (const l of LANGS) {
      for (const [k, v] of entriesOf(l)) {
        const params = Object.fromEntries(placeholders(v).map((p) => [p, `<${p}>`]));
        const out = fill(v, params);
        expect(out, `${l} ${k}`).not.toMatch(/\{(s:)?[A-Za-z0-9_]+\}/);
      }
    }
  });

  it("gives English its plural ending by the count: 1 working day, 0 or 2 working days", () => {
    expect(fill('{days} working day{s:days} overdue', { days: 1 })).toBe('1 working day overdue');
    expect(fill('{days} working day{s:days} overdue', { days: 0 })).toBe('0 working days overdue');
    expect(fill('{days} working day{s:days} overdue', { days: 2 })).toBe('2 working days overdue');
    expect(fill('{days} working day{s:days} left', {})).toBe('{days} working day{s:days} left');
    expect(tIn('en', 'case.overdueWorkingDays', { days: 1 })).toBe('1 working day overdue');
    expect(tIn('en', 'dashboard.screen.daysLeft', { days: 3, deadline: '2026-11-26' })).toBe('3 working days left (2026-11-26)');
    expect(tIn('zh', 'case.overdueWorkingDays', { days: 1 })).not.toContain('{');
  });

  it('names in code only keys that exist, and every key is named somewhere', () => {
    const code = ['src', 'cli', 'daemon'].flatMap((d) => sources(join(process.cwd(), d))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const named = new Set([...code.matchAll(/\b(?:t|tIn\([^,]+,)\(\s*'([a-zA-Z]+\.[A-Za-z0-9_.-]+)'/g)].map((m) => m[1]!));
    for (const k of named) expect(zh.has(k), `unknown key ${k}`).toBe(true);
    // Tables of codes are looked up with word(area, code) and count as used whole.
    const tables = new Set([...code.matchAll(/\bword\(\s*'([a-zA-Z]+)'/g)].map((m) => m[1]!));
    const literal = new Set([...code.matchAll(/'([a-zA-Z]+\.[A-Za-z0-9_.-]+)'/g)].map((m) => m[1]!));
    const unused = [...zh.keys()].filter((k) => !tables.has(k.split('.')[0]!) && !literal.has(k));
    expect(unused).toEqual([]);
  });

  it('speaks the process language, Chinese by default, and a given one on request', () => {
    expect(word('status', 'approved')).toBe('已批准');
    setLang('en');
    try {
      expect(word('status', 'approved')).toBe('approved');
      expect(word('event', 'some-new-event')).toBe('some-new-event');
      expect(tIn('zh', 'event.notice' as never)).toBe('公示');
    } finally {
      setLang('zh');
    }
    expect(typeof t).toBe('function');
  });

  it('takes the language from --lang first, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(langFrom([], {})).toBe('zh');
    expect(langFrom(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFrom(['--lang=zh'], { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFrom([], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFrom([], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFrom([], { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFrom([], { LANG: 'C.UTF-8' })).toBe('zh');
  });
});
