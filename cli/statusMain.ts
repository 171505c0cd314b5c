// dist/status.mjs: a plain `jiuzhu status` (cli/argv.ts `plainStatus`), run
// without commander and bundled as one file apart from the rest of the
// program, so that its start-up reads one module and the Node built-ins it
// uses (docs/architecture.md "Start-up"). Any other command line goes through
// commander (cli/program.ts).
import { plainStatus } from './argv.js';
import { runPlain } from './start.js';
import { runStatus } from './status.js';

await runPlain(plainStatus, runStatus);
