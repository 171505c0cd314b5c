// Renders one screen inside the real shell (its one keymap, footer and `?`
// help) at 80×24: renderScreen with the element the test gives it (told the
// rows the shell leaves it, as the registry does); renderEntry by its registry
// id, opened from a start screen so that going back is seen (`backs()` counts
// the returns to the start screen).
import React, { useEffect } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { ShellView, useShell, type ScreenEntry } from '../../src/ui/shell.js';
import { globalHelp, REGISTRY } from '../../src/ui/registry.js';
import type { Office } from '../../src/store/office.js';

export function renderScreen(office: Office, screen: React.ReactElement<{ rows?: number }>, operator = '王芳') {
  const registry: Record<string, ScreenEntry> = { screen: { title: () => '', render: (p) => React.cloneElement(screen, { rows: p.rows }) } };
  return render(<ShellView office={office} operator={operator} registry={registry} first={{ id: 'screen' }} size={{ cols: 80, rows: 24 }} pollMs={50} globalHelp={[]} />);
}

export const START = '（起点）';

export function renderEntry(
  office: Office,
  id: string,
  opts: { params?: Record<string, string>; operator?: string; entries?: Record<string, ScreenEntry> } = {},
) {
  let mounts = 0;
  function Start() {
    const shell = useShell();
    useEffect(() => {
      mounts++;
      if (mounts === 1) shell.open(id, opts.params ?? {});
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
    return <Text>{START}</Text>;
  }
  const registry: Record<string, ScreenEntry> = { ...REGISTRY, ...opts.entries, start: { title: () => 'start', render: () => <Start /> } };
  const r = render(
    <ShellView office={office} operator={opts.operator ?? '王芳'} registry={registry} first={{ id: 'start' }} size={{ cols: 80, rows: 24 }} pollMs={50} globalHelp={globalHelp()} />,
  );
  return { ...r, backs: () => Math.max(0, mounts - 1) };
}
