// Opening the app: the office module's default action and `ui`, `demo`
// (cli/office.ts), and a plain `jiuzhu [--data DIR] [--operator NAME]`
// without commander (cli/appMain.ts).
import { setFlagsFromString } from 'node:v8';
import { dataDir, say, type Globals } from './common.js';
import { t } from '../src/i18n/index.js';

export async function openApp(g: Globals): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    say(t('cli.app.noTerminal'));
    process.exitCode = 1;
    return;
  }
  // The app's heap is grown as V8 grows it for small devices: an office's PC
  // has 4 GB and a browser open, and V8's usual headroom kept ~25 MB more for
  // 2,000 households (peak 147 → 123 MB; docs/architecture.md "Start-up").
  // Set before Ink and the stores are read: set later, the heap has grown already.
  setFlagsFromString('--optimize-for-size');
  const { runApp } = await import('../src/ui/run.js');
  await runApp({ dataDir: dataDir(g), operator: g.operator });
}
