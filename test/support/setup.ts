// Every test process does what the command does before its first word and
// its first dashboard: both catalogues loaded (tests switch with setLang; see
// src/i18n/index.ts), the built-in report forms read once (src/dashboard/forms.ts).
//
// The suite runs without isolation (vitest.config.ts): a worker's modules
// stay loaded from one test file to the next, and this file runs again
// before each. So it also puts back what a file may have changed for itself:
// the environment (several set JIUZHU_NOW at their top) as the worker had it
// before its first file, and the language.
import { loadLang, setLang } from '../../src/i18n/index.js';
import { prepareBuiltinForms } from '../../src/dashboard/forms.js';

const state = globalThis as { jiuzhuTestEnv?: Record<string, string | undefined> };
state.jiuzhuTestEnv ??= { ...process.env };
const env = state.jiuzhuTestEnv;
for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
Object.assign(process.env, env);

await loadLang('en');
setLang('zh');
await prepareBuiltinForms();
