// The app keeps V8's young generation at its first size (src/ui/youngGeneration.ts):
// measured in a child process of its own, since the setting holds for the
// whole process it is made in.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { child } from '../support/paths.js';

function youngBytes(arg: 'keep' | 'default'): number {
  const out = execFileSync(process.execPath, [child('youngGeneration'), arg], { encoding: 'utf8' });
  return (JSON.parse(out) as { youngBytes: number }).youngBytes;
}

describe("the app's young generation", () => {
  it('stays at its first size through bursts of allocation, where V8 alone lets it grow', () => {
    const MB = 1 << 20;
    // V8's own growth: the bursts double it up to its maximum (2 × 16 MB on 64-bit Node 20).
    expect(youngBytes('default')).toBeGreaterThan(8 * MB);
    // The app's: two semi-spaces of 1 MB, as it started.
    expect(youngBytes('keep')).toBeLessThanOrEqual(4 * MB);
  });
});
