// The files the suite starts first are still there under those names (a
// renamed one would silently go back to the end of a fresh clone's run).
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LONG } from '../sequencer.js';
import { ROOT } from '../support/paths.js';

describe('the order of the suite', () => {
  it('names files that exist', () => {
    expect(LONG.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });
});
