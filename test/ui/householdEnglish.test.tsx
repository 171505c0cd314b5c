// The household and recipients screens in English: below the title line and
// above the footer, no Chinese is left once the office's data is taken out.
// (The title comes from the registry and the global keys from the shell.)
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { handBuiltOffice, H, ID, TODAY } from '../support/handBuilt.js';
import { renderApp } from '../support/ui.js';
import type { Office } from '../../src/store/office.js';
import { PROGRAMS } from '../../src/office/model.js';
import { setLang } from '../../src/i18n/index.js';
import { readHouseholdHistory } from '../../src/household/history.js';

process.env.JIUZHU_NOW = TODAY;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]/;

let office: Office;
let data: string[] = [];
let app: ReturnType<typeof renderApp> | null = null;

function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

beforeAll(async () => {
  ({ office } = await handBuiltOffice());
  const all = new Set<string>([...PROGRAMS, '幸福里']); // and what the test types
  for (const c of ['households', 'members', 'cases', 'enrolments', 'reviews', 'pending', 'sessions', 'settings'] as const) strings(office.view.all(c), all);
  // The journal's summaries are records (Chinese whatever the language).
  for (const h of H) strings((await readHouseholdHistory(office)).of(h), all);
  data = [...all].filter((s) => CJK.test(s)).sort((a, b) => b.length - a.length);
  setLang('en');
});
afterAll(() => setLang('zh'));
afterEach(() => {
  app?.unmount();
  app = null;
});

/** The body of the frame (between the title line and the message and footer lines), data taken out. */
function body(frame: string): string[] {
  const lines = frame.split('\n').slice(1, -2);
  return lines.map((l) => {
    let s = l.replace(/(\d) 元/g, '$1'); // the amount's unit is src/rules/money.ts's
    // Data cut to a column (…): the longest start of a datum, each time.
    for (;;) {
      const heads = data.flatMap((d) => [...Array(Math.max(0, d.length - 2)).keys()].map((i) => d.slice(0, d.length - 1 - i))).filter((h) => s.includes(`${h}…`));
      const longest = heads.sort((a, b) => b.length - a.length)[0];
      if (!longest) break;
      s = s.split(`${longest}…`).join('');
    }
    for (const d of data) s = [...d].length > 1 ? s.split(d).join('') : s.replace(new RegExp(`(^|\\s)${d}(?=\\s|$)`, 'g'), '$1');
    for (const d of data) {
      const cut = [...Array(Math.max(0, d.length - 2)).keys()].map((i) => d.slice(0, d.length - 1 - i)).find((head) => s.endsWith(head));
      if (cut) s = s.slice(0, s.length - cut.length);
    }
    // The empty list of a form is src/ui/screens/formScreen.tsx's (the ui slice's) to translate.
    return s.replace('（还没有记录）', '');
  });
}

function english(frame: string): void {
  expect(body(frame).filter((l) => CJK.test(l)), frame).toEqual([]);
}

describe('the household and recipients screens in English', () => {
  it('search and every tab of the archive', async () => {
    app = renderApp(office, { first: { id: 'search' } });
    await app.see('for example');
    await app.press('幸福里');
    english(await app.see('2 households found'));
    app.unmount();
    app = renderApp(office, { first: { id: 'archive', params: { key: ID(3) } } });
    await app.see('householder');
    for (const n of ['1', '2', '3', '4', '5', '6', '7']) {
      await app.press(n);
      await new Promise((r) => setTimeout(r, 60));
      english(app.frame());
    }
    expect(app.frame()).toContain('history');
  });

  it('the recipients list, the register and the roster check, and their keys in the footer', async () => {
    for (const [id, ready, key] of [
      ['recipients', 'households receiving', 'v review'],
      ['cancellations', 'stopped by the county', 'h file'],
      ['reconcile', 'Roster check', 'd mark resolved'],
    ] as const) {
      app = renderApp(office, { first: { id } });
      await app.see(ready);
      english(await app.see(key));
      app.unmount();
      app = null;
    }
  });

  it('the review, gradual-exit and cancellation forms', async () => {
    for (const [id, ready] of [
      ['review', 'Recommend'],
      ['exit', 'Work from'],
      ['cancel', 'Decision date'],
    ] as const) {
      app = renderApp(office, { first: { id, params: { enrolmentId: `${H[id === 'cancel' ? 6 : 5]}:低保` } } });
      english(await app.see(ready));
      app.unmount();
      app = null;
    }
  });
});
