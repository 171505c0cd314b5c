import { defineConfig } from 'vitest/config';
import LongFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    pool: 'forks',
    // A worker keeps its modules from one file to the next: importing the
    // office, Ink and React afresh for each of ~120 files took ~40 s of a
    // ~250 s run. What a file changes for itself (the environment, the
    // language) test/support/setup.ts puts back before the next; the files
    // that spawn processes start their children clean anyway.
    isolate: false,
    // Three workers on two cores: a good part of the suite waits (children
    // starting, files settling, tmux screens, fsyncs), and a third file
    // fills those waits. 230 → 205 s on this machine, all 820 passing.
    maxWorkers: 3,
    reporters: ['default'],
    globalSetup: ['test/globalSetup.ts'],
    sequence: { sequencer: LongFirst },
    // What the command loads before its first word and its first dashboard (test/support/setup.ts).
    setupFiles: ['test/support/setup.ts'],
    // The suite speaks Chinese, the default, whatever the machine's locale; the
    // English tests ask for it with --lang en or LANG=en_US.UTF-8 themselves.
    env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
