// The terminal app: the shell (frame, keymap, navigation) with the screens
// of src/ui/registry.tsx, opened on the dashboard.
import React from 'react';
import { render } from 'ink';
import { Office } from '../store/office.js';
import { ShellView } from './shell.js';
import { globalHelp, REGISTRY } from './registry.js';
import { knownOperators } from '../office/operators.js';
import { prepareBuiltinForms } from '../dashboard/forms.js';

export interface AppOptions {
  dataDir: string;
  operator?: string;
}

export interface AppProps {
  office: Office;
  /** --operator / JIUZHU_OPERATOR; otherwise the only clerk known here, or ask. */
  operator?: string;
  size?: { cols: number; rows: number };
  first?: { id: string; params?: Record<string, string> };
  pollMs?: number;
}

export function App({ office, operator, size, first, pollMs }: AppProps) {
  const known = knownOperators(office.view);
  const who = operator ?? (known.length === 1 ? known[0]! : null);
  return <ShellView office={office} operator={who} registry={REGISTRY} size={size} first={first} pollMs={pollMs} globalHelp={globalHelp()} />;
}

export async function runApp(opts: AppOptions): Promise<void> {
  const [office] = await Promise.all([Office.open(opts.dataDir), prepareBuiltinForms()]);
  const operator = opts.operator ?? process.env.JIUZHU_OPERATOR ?? undefined;
  // Ctrl-C is the shell's: it saves open drafts and waits for a save in flight first.
  const app = render(<App office={office} operator={operator} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  // Everything is saved by now (the shell waited for saves and drafts). Ink
  // only unmounts (pitfalls 11): let go of the terminal, and should anything
  // still hold the event loop, end the process rather than hang on screen.
  process.stdin.pause();
  process.stdin.unref?.();
  setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
}
