import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { groupsFor } from '../../src/attendance/groups.js';

describe('labour groups', () => {
  it('puts everybody in a group 1…n, keeps stored ones, and spreads newcomers so no two groups differ by more than one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 60 }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 }), (n, people, storedGroups) => {
        const roster = Array.from({ length: people }, (_, i) => ({ idNumber: `p${i}` }));
        const stored = new Map<string, number>();
        storedGroups.forEach((g, i) => g > 0 && stored.set(`p${i}`, g));
        const out = groupsFor(roster, stored, n);
        expect(out.size).toBe(people);
        for (const [id, g] of out) {
          expect(g).toBeGreaterThanOrEqual(1);
          expect(g).toBeLessThanOrEqual(n);
          const was = stored.get(id);
          if (was !== undefined && was <= n) expect(g).toBe(was);
        }
        if (stored.size === 0) {
          const sizes = Array.from({ length: n }, (_, g) => [...out.values()].filter((x) => x === g + 1).length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
