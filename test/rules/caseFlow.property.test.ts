// Whatever order the clerk tries the steps in, on whatever dates, a case
// never reaches a state the way forbids: refused steps change nothing, and a
// submitted case always had its investigation, review and a finished notice
// with every objection re-verified.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';
import { addCase, checkIntake } from '../../src/case/intake.js';
import { advanceCase, StepRefused, STEPS, type Step } from '../../src/case/steps.js';
import { addDays } from '../../src/rules/dayNumber.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';

const fixture = JSON.parse(readFileSync(join(PUBLIC_FIXTURES, 'intake', '01-liu-jianguo.json'), 'utf8'));
const checked = checkIntake(fixture);
if (!checked.ok) throw new Error('fixture 01 must be valid');

const attempt = fc.record({
  step: fc.constantFrom(...STEPS),
  days: fc.integer({ min: 0, max: 3 }),
  by: fc.constantFrom<string[]>([], ['王芳'], ['王芳', '李强'], ['张伟', '李华', '陈红']),
  result: fc.constantFrom(undefined, '通过', '不通过', '未评议'),
  note: fc.constantFrom('', '已核实'),
});
type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never;

/** The way done right, step by step (each may be left out), with random attempts before every step. */
const RIGHT: Attempt[] = [
  { step: 'investigate', days: 1, by: ['王芳', '李强'], result: undefined, note: '已核实' },
  { step: 'review', days: 1, by: ['张伟', '李华', '陈红'], result: '通过', note: '' },
  { step: 'notice', days: 1, by: [], result: undefined, note: '' },
  { step: 'submit', days: 7, by: [], result: undefined, note: '' },
];
const sequence = fc
  .tuple(fc.array(fc.array(attempt, { maxLength: 2 }), { minLength: 4, maxLength: 4 }), fc.array(fc.constantFrom(true, true, true, true, false), { minLength: 4, maxLength: 4 }))
  .map(([noise, keep]) => RIGHT.flatMap((r, i) => [...noise[i]!, ...(keep[i] ? [r] : [])]))
  .filter((xs) => xs.length > 0);

describe('the case way under any sequence of attempts', () => {
  it('refuses without a trace, and never submits what has not been through the way', async () => {
    let submitted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(sequence, async (attempts) => {
        const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-prop-')), 'office');
        const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOW: '2026-11-02T09:00:00+08:00' };
        const office = await Office.create(dir, env);
        await office.transact({ operator: '王芳', source: 'local', action: 'init' }, (tx) => tx.put('settings', 'office', defaultSettings({ code: '430105003001', name: '东风社区' })));
        const o = await Office.open(dir, { env });
        const { result: added } = await o.transact({ operator: '王芳', source: 'local', action: 'case.add' }, (tx) => addCase(tx, checked.value));
        let today = '2026-11-02';
        for (const a of attempts) {
          today = addDays(today, a.days);
          env.JIUZHU_NOW = `${today}T10:00:00+08:00`;
          const before = o.journalHead.seq;
          const was = o.view.get('cases', added.caseNo)!;
          try {
            await o.transact({ operator: '王芳', source: 'local', action: `case.${a.step}` }, (tx) =>
              advanceCase(tx, added.caseNo, a.step as Step, { by: a.by, result: a.result, note: a.note }),
            );
          } catch (err) {
            refused++;
            expect(err).toBeInstanceOf(StepRefused);
            expect(o.journalHead.seq).toBe(before);
            expect(o.view.get('cases', added.caseNo)).toEqual(was);
          }
          const c = o.view.get('cases', added.caseNo)!;
          const at = c.history.map((h) => h.at);
          expect([...at].sort()).toEqual(at);
          if (c.submittedOn) {
            submitted++;
            expect(c.investigation?.by.length).toBeGreaterThanOrEqual(2);
            expect(c.review && c.review.result !== '不通过').toBeTruthy();
            expect(c.notice && c.submittedOn > c.notice.end).toBeTruthy();
            expect(c.notice!.objections.every((x) => x.resolvedOn)).toBe(true);
          }
          if (c.status === 'withdrawn') expect(c.history.at(-1)!.event).toBe('withdrawn');
        }
      }),
      { numRuns: 40 },
    );
    // the invariants were exercised, not vacuously true
    expect(submitted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
