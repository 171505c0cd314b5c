// Renders one screen inside the real shell (its one keymap, footer and `?`
// help) at 80×24, with the props the test gives it; the screen is told the
// rows the shell leaves it, as the registry does.
import React from 'react';
import { render } from 'ink-testing-library';
import { ShellView, type ScreenEntry } from '../../src/ui/shell.js';
import type { Office } from '../../src/store/office.js';

export function renderScreen(office: Office, screen: React.ReactElement<{ rows?: number }>, operator = '王芳') {
  const registry: Record<string, ScreenEntry> = { screen: { title: () => '', render: (p) => React.cloneElement(screen, { rows: p.rows }) } };
  return render(<ShellView office={office} operator={operator} registry={registry} first={{ id: 'screen' }} size={{ cols: 80, rows: 24 }} pollMs={50} globalHelp={[]} />);
}
