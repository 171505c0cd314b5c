// Every test process does what the command does before its first word and
// its first dashboard: both catalogues loaded (tests switch with setLang; see
// src/i18n/index.ts), the built-in report forms read once (src/dashboard/forms.ts).
import { loadLang } from '../../src/i18n/index.js';
import { prepareBuiltinForms } from '../../src/dashboard/forms.js';

await loadLang('en');
await prepareBuiltinForms();
