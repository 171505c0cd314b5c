// The command line as the entry reads it before commander: the program's own
// options, the command word, and whether a run is a plain `status` or a plain
// app (which the entry runs without commander; docs/architecture.md "Start-up").
import type { Globals } from './common.js';

/** The program's own options that take a value: their value is not the command word. */
export const VALUED = new Set(['--data', '--shared', '--operator', '--lang']);

/**
 * The command word of argv (after the program's own options); '' when there
 * is none (the app opens); null when it cannot be told (an option of no
 * command before it).
 */
export function commandWord(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.has(a)) i++;
    else if (a === '--json' || VALUED.has(a.slice(0, a.indexOf('=')))) continue;
    else if (a.startsWith('-')) return null;
    else return a;
  }
  return '';
}

/**
 * The program options of a run that is the word `word` (or no word, for
 * null) and the program's own options (before or after it, `--opt value` or
 * `--opt=value`, the last one winning), as commander would hand them to the
 * action; null for anything else (help, another word, an unknown option, a
 * missing value, a value that looks like an option), which commander then
 * reads as before.
 */
function plainRun(argv: readonly string[], word: string | null): Globals | null {
  const g: Globals = {};
  let seen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (word !== null && a === word && !seen) seen = true;
    else if (a === '--json') g.json = true;
    else {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!VALUED.has(name)) return null;
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-'))) return null;
      if (name === '--data') g.data = value;
      else if (name === '--shared') g.shared = value;
      else if (name === '--operator') g.operator = value;
    }
  }
  return word === null || seen ? g : null;
}

/** A plain `status` (dist/status.mjs answers it without commander). */
export function plainStatus(argv: readonly string[]): Globals | null {
  return plainRun(argv, 'status');
}

/** No command word, only the program's own options: the app opens (dist/app.mjs, without commander). */
export function plainApp(argv: readonly string[]): Globals | null {
  return plainRun(argv, null);
}
