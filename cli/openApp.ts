// Opening the app: the office module's default action and `ui`, `demo`
// (cli/office.ts), and a plain `jiuzhu [--data DIR] [--operator NAME]`
// without commander (cli/appMain.ts).
import { dataDir, say, type Globals } from './common.js';
import { t } from '../src/i18n/index.js';

export async function openApp(g: Globals): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    say(t('cli.app.noTerminal'));
    process.exitCode = 1;
    return;
  }
  const { runApp } = await import('../src/ui/run.js');
  await runApp({ dataDir: dataDir(g), operator: g.operator });
}
