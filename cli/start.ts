// What every run does before its command, in every entry (cli/program.ts,
// cli/statusMain.ts, cli/appMain.ts): the language, chosen once before any
// word is looked up (--lang, then LC_ALL/LC_MESSAGES/LANG), and a quiet end
// on a closed pipe.
import { loadLang, setLang, langFrom } from '../src/i18n/index.js';
import { quietOnClosedPipe, type Globals } from './common.js';
import { reportFailure } from './failure.js';

export async function startRun(argv: readonly string[]): Promise<void> {
  const chosen = langFrom(argv, process.env);
  await loadLang(chosen);
  setLang(chosen);
  process.noDeprecation = true;
  quietOnClosedPipe();
}

/** A run answered without commander (dist/status.mjs, dist/app.mjs): the options `plain` reads from argv, then `run` with them. */
export async function runPlain(plain: (argv: readonly string[]) => Globals | null, run: (g: Globals) => Promise<void>): Promise<void> {
  const argv = process.argv.slice(2);
  await startRun(argv);
  try {
    await run(plain(argv) ?? {});
  } catch (err) {
    reportFailure(err);
  }
}
