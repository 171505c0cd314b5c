// Opens the app in the terminal. The first frame (the dashboard) is drawn
// from the office's summary with the dashboard's module alone; the other
// screens' modules and the stores are read after it, and keys wait for them
// (docs/architecture.md "Start-up").
import React from 'react';
import { render } from 'ink';
import { Office } from '../store/office.js';
import { ShellView } from './shell.js';
import { dashboardEntry } from './screens/dashboard/entry.js';
import { prepareBuiltinForms } from '../dashboard/forms.js';
import { firstFrameOffice, operatorFor } from './firstFrame.js';
import { keepYoungGenerationSmall } from './youngGeneration.js';

export interface AppOptions {
  dataDir: string;
  operator?: string;
}

export async function runApp(opts: AppOptions): Promise<void> {
  keepYoungGenerationSmall();
  const operator = opts.operator ?? process.env.JIUZHU_OPERATOR ?? undefined;
  const [standIn] = await Promise.all([firstFrameOffice(opts.dataDir), prepareBuiltinForms()]);
  // Only when the first screen is the dashboard: a clerk still to be chosen needs the whole app.
  const who = standIn ? operatorFor(standIn.view, operator) : null;
  // Ctrl-C is the shell's: it saves open drafts and waits for a save in flight first.
  const app = standIn && who !== null
    ? render(<ShellView office={standIn} operator={who} registry={{ dashboard: dashboardEntry }} globalHelp={[]} ready={false} />, { exitOnCtrlC: false })
    : null;
  let whole: React.ReactElement;
  try {
    // The frame is on the terminal before the stores are parsed.
    if (app) await new Promise((r) => setImmediate(r));
    const [office, { shellOptions }] = await Promise.all([Office.open(opts.dataDir), import('./app.js')]);
    whole = <ShellView {...shellOptions({ office, operator })} />;
  } catch (err) {
    app?.unmount();
    throw err;
  }
  // The same element type: the shell keeps its state and takes the keys that waited.
  if (app) app.rerender(whole);
  const running = app ?? render(whole, { exitOnCtrlC: false });
  await running.waitUntilExit();
  // Everything is saved by now (the shell waited for saves and drafts). Ink
  // only unmounts (pitfalls 11): let go of the terminal, and should anything
  // still hold the event loop, end the process rather than hang on screen.
  process.stdin.pause();
  process.stdin.unref?.();
  setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
}
