// `jiuzhu --lang en` on the household, review and recipient commands: help,
// successes and errors in English; the only Chinese left is data (names,
// addresses, programmes, what a clerk wrote), which is taken out before looking.
import { describe, it, expect, beforeAll } from 'vitest';
import { jiuzhu } from '../support/cli.js';
import { handBuiltOffice, ID, TODAY } from '../support/handBuilt.js';
import { PROGRAMS } from '../../src/office/model.js';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]/;
const NOW = { JIUZHU_NOW: TODAY };
let dir: string;
/** Every string of the office's data, longest first. */
let data: string[] = [];

function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** What is left of `text` once the data is taken out: it must hold no Chinese. */
function words(text: string): string {
  // Amounts come from src/rules/money.ts's formatYuan, whose unit (元) is that
  // module's to translate; the default of --program is a programme (data).
  let s = text.replace(/\(default: "[^"]*"\)/g, '').replace(/(\d) 元/g, '$1');
  // A one-character datum (劳动能力 有) is taken out only as a word of its own,
  // so that it cannot hide a Chinese message.
  for (const d of data) s = [...d].length > 1 ? s.split(d).join('') : s.replace(new RegExp(`(^|\\s)${d}(?=\\s|$)`, 'g'), '$1');
  return s;
}

function english(text: string): void {
  expect(text.trim()).not.toBe('');
  const left = words(text);
  const bad = left.split('\n').filter((l) => CJK.test(l));
  expect(bad, text).toEqual([]);
}

beforeAll(async () => {
  const built = await handBuiltOffice();
  dir = built.dir;
  const o = built.office;
  const all = new Set<string>(PROGRAMS);
  for (const c of ['households', 'members', 'cases', 'enrolments', 'reviews', 'pending', 'sessions'] as const) strings(o.view.all(c), all);
  strings(jiuzhu(['household', 'show', ID(0), '--json', '--data', dir], NOW).json(), all);
  data = [...all].filter((s) => CJK.test(s)).sort((a, b) => b.length - a.length);
});

describe('jiuzhu --lang en: household, review, recipient', () => {
  it('--help of every command group and subcommand is English', () => {
    for (const args of [['household'], ['household', 'search'], ['household', 'show'], ['household', 'note'], ['review'], ['review', 'add'], ['review', 'list'], ['recipient'], ['recipient', 'exit'], ['recipient', 'cancel'], ['recipient', 'register'], ['recipient', 'reconcile'], ['recipient', 'resolve']]) {
      const r = jiuzhu(['--lang', 'en', ...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      english(r.stdout);
    }
    const h = jiuzhu(['--lang', 'en', 'household', '--help']).stdout;
    expect(h).toContain('Household files: find, show, add a note');
    expect(jiuzhu(['--lang', 'en', 'review', 'add', '--help']).stdout).toContain('recommendation: keep | adjust | stop');
  });

  it('a search, a household file, a review and the registers speak English around the data', () => {
    const search = jiuzhu(['--lang', 'en', 'household', 'search', '幸福里', '--data', dir], NOW);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('(address)');
    english(search.stdout);

    const show = jiuzhu(['--lang', 'en', 'household', 'show', ID(3), '--data', dir], NOW);
    expect(show.code).toBe(0);
    for (const s of ['Members:', 'Benefits:', 'Reviews:', 'Public-service labour:']) expect(show.stdout).toContain(s);
    // The history's head: "1 change:", "7 changes:".
    expect(show.stdout).toMatch(/\b(1 change|(?:[02-9]|\d{2,}) changes):/);
    english(show.stdout);

    const add = jiuzhu(['--lang', 'en', 'review', 'add', '--household', ID(5), '--findings', 'works at a property company', '--recommend', 'stop', '--income', '1500', '--data', dir, '--operator', 'Li'], NOW);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain('Review recorded (2026-11-19, stop); it is pending');
    english(add.stderr);

    for (const args of [['review', 'list'], ['review', 'list', '--due'], ['recipient', 'register'], ['recipient', 'reconcile']]) {
      const r = jiuzhu(['--lang', 'en', ...args, '--data', dir], NOW);
      expect(r.code, args.join(' ')).toBe(0);
      english(r.stdout + r.stderr);
    }
    expect(jiuzhu(['--lang', 'en', 'recipient', 'register', '--data', dir], NOW).stdout).toContain('[to enter]');
  });

  it('errors are English, with the usual exit codes', () => {
    const unknown = jiuzhu(['--lang', 'en', 'household', 'show', '110101199003071234', '--data', dir], NOW);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No household found for');
    english(unknown.stderr);

    const bad = jiuzhu(['--lang', 'en', 'review', 'add', '--household', ID(5), '--findings', 'x', '--recommend', 'maybe', '--data', dir], NOW);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--recommend "maybe" is not known');
    english(bad.stderr);

    const date = jiuzhu(['--lang', 'en', 'review', 'add', '--household', ID(5), '--findings', 'x', '--recommend', 'keep', '--date', '2026-11-32', '--data', dir], NOW);
    expect(date.code).toBe(1);
    expect(date.stderr).toContain('Review not saved: Review date: "2026-11-32" is not a date');
    english(date.stderr);

    const note = jiuzhu(['--lang', 'en', 'recipient', 'resolve', 'roster-unlisted:x', '--note', ' ', '--data', dir], NOW);
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('Resolution: say how it was resolved');
    english(note.stderr);

    const cancel = jiuzhu(['--lang', 'en', 'recipient', 'cancel', '--household', ID(6), '--month', '2026-13', '--reason', ' ', '--decided-by', 'district office', '--date', '2026-11-10', '--data', dir], NOW);
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toContain('Cancellation not saved: Stop month');
    english(cancel.stderr);
  });
});
