import { defineConfig } from 'vitest/config';
import LongFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    pool: 'forks',
    maxWorkers: 2,
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
