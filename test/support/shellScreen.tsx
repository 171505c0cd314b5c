// Renders one screen of the app inside the real shell (its one keymap, its
// footer and `?` overlay) at 80×24, opened from a start screen so that going
// back is seen: `backs()` counts the returns to the start screen.
import React, { useEffect } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import type { Office } from '../../src/store/office.js';
import { ShellView, useShell, type ScreenEntry } from '../../src/ui/shell.js';
import { GLOBAL_HELP, REGISTRY } from '../../src/ui/registry.js';

export const START = '（起点）';

export function renderScreen(
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
  const registry: Record<string, ScreenEntry> = { ...REGISTRY, ...opts.entries, start: { title: 'start', render: () => <Start /> } };
  const r = render(
    <ShellView office={office} operator={opts.operator ?? '王芳'} registry={registry} first={{ id: 'start' }} size={{ cols: 80, rows: 24 }} pollMs={50} globalHelp={GLOBAL_HELP} />,
  );
  return { ...r, backs: () => Math.max(0, mounts - 1) };
}
