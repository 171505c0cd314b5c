// dist/app.mjs: a plain `jiuzhu` with none but the program's own options
// (cli/argv.ts `plainApp`), which opens the app. Run without commander and
// bundled apart from the rest of the program, so the first frame waits for
// Node, Ink and the dashboard's own modules only (docs/architecture.md
// "Start-up"). Any other command line goes through commander (cli/program.ts).
import { plainApp } from './argv.js';
import { runPlain } from './start.js';
import { openApp } from './openApp.js';

await runPlain(plainApp, openApp);
