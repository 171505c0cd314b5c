// What every run does before its command, in both entries (cli/program.ts,
// cli/statusMain.ts): the language, chosen once before any word is looked up
// (--lang, then LC_ALL/LC_MESSAGES/LANG), and a quiet end on a closed pipe.
import { loadLang, setLang, langFrom } from '../src/i18n/index.js';
import { quietOnClosedPipe } from './common.js';

export async function startRun(argv: readonly string[]): Promise<void> {
  const chosen = langFrom(argv, process.env);
  await loadLang(chosen);
  setLang(chosen);
  process.noDeprecation = true;
  quietOnClosedPipe();
}
