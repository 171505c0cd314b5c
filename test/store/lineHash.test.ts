// A journal line's hash covers the line as written (src/store/journal.ts,
// verifyLine): a line this program wrote is checked on its own text, without
// serialising its body again; a line laid out otherwise (an older writer's,
// one edited by hand without changing what it says) is checked on its body
// serialised again, as before; any change to what a line says is damage.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { serializeEntry, verifyLine, GENESIS_HASH, sha256Hex, type EntryBody } from '../../src/store/journal.js';

const body: EntryBody = {
  seq: 1,
  at: '2026-12-03T10:00:00+08:00',
  operator: '王芳',
  source: 'local',
  action: 'case.add',
  summary: '受理 "刘建国" 的申请',
  changes: [{ c: 'cases', id: '430105003001-2026-0001', op: 'create', set: { caseNo: '430105003001-2026-0001', program: '低保', persons: 2, amountFen: 65000 } }],
  prev: GENESIS_HASH,
};
const written = serializeEntry(body);
const line = written.line.slice(0, -1); // as readJournal hands it over, without its newline
const check = (text: string) => verifyLine(text).ok;

describe("a journal line's hash", () => {
  it('accepts a line as this program writes it', () => {
    expect(check(line)).toBe(true);
    const v = verifyLine(line);
    expect(v.ok && v.entry.hash).toBe(written.hash);
    expect(v.ok && v.entry.changes).toEqual(body.changes);
  });

  it('refuses a line any one of whose characters was changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: line.length - 1 }), fc.constantFrom('0', '9', 'a', '"', '中', ' '), (at, ch) => {
        const edited = line.slice(0, at) + ch + line.slice(at + 1);
        // The line has no spaces outside its strings, so any character put
        // in another's place changes what it says, or breaks it.
        fc.pre(edited !== line);
        expect(check(edited)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('checks a line laid out otherwise on its body, as it checked every line before: spaced out, or its hash first', () => {
    const spaced = JSON.stringify(JSON.parse(line), null, 1).replace(/\n/g, '');
    expect(spaced).not.toBe(line);
    expect(check(spaced)).toBe(true);
    const { hash, ...rest } = JSON.parse(line) as { hash: string };
    const hashFirst = JSON.stringify({ hash, ...rest });
    expect(check(hashFirst)).toBe(true);
    // Spaced out and with a value changed, it is damage all the same.
    expect(check(spaced.replace('65000', '65001'))).toBe(false);
  });

  it('covers the line as written: a line whose own text gives its hash is whole, however JSON would write its body again', () => {
    // `2.50` reads as 2.5: serialised again the body says `2.5` and hashes otherwise.
    const text = JSON.stringify(body).replace('"persons":2', '"persons":2.50');
    const own = `${text.slice(0, -1)},"hash":"${sha256Hex(text)}"}`;
    expect(check(own)).toBe(true);
    expect(check(own.replace('2.50', '2.51'))).toBe(false);
  });
});
