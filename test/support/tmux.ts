// The app in a real terminal: a detached tmux session of a fixed size, keys
// sent to it, and its screen read back until it shows what is awaited.
import { execFileSync } from 'node:child_process';
import { afterEach } from 'vitest';

export interface Terminal {
  session: string;
  run(args: string[]): string;
  /** Starts `command` in an 80×24 session. */
  start(command: string): void;
  keys(...k: string[]): void;
  capture(): string;
  until(pred: (s: string) => boolean, what: string): Promise<string>;
}

/** A terminal per test file, its session killed after each test. */
export function useTerminal(name: string): Terminal {
  const session = `jiuzhu-${name}-${process.pid}`;
  // A server of its own (-L): test files run side by side, and the last
  // session killed in one must not take down the server another is using.
  const run = (args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
  afterEach(() => {
    try {
      // Quietly: a test may have ended its session (and so its server) itself.
      execFileSync('tmux', ['-L', session, 'kill-session', '-t', session], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  });
  const capture = () => run(['capture-pane', '-p', '-t', session]);
  return {
    session,
    run,
    start: (command) => void run(['new-session', '-d', '-s', session, '-x', '80', '-y', '24', command]),
    keys: (...k) => void run(['send-keys', '-t', session, ...k]),
    capture,
    async until(pred, what) {
      let last = '';
      for (let i = 0; i < 100; i++) {
        last = capture();
        if (pred(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the screen never showed ${what}:\n${last}`);
    },
  };
}
