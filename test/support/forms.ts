// Every test process reads the built-in report forms once, as `status` and
// the app do before their first dashboard (src/dashboard/forms.ts).
import { prepareBuiltinForms } from '../../src/dashboard/forms.js';

await prepareBuiltinForms();
