// The terminal app: the shell (frame, keymap, navigation) with the screens
// of src/ui/registry.tsx, opened on the dashboard. Started by ./run.tsx.
import React from 'react';
import type { Office } from '../store/office.js';
import { ShellView, type ShellOptions } from './shell.js';
import { globalHelp, REGISTRY } from './registry.js';
import { operatorFor } from './firstFrame.js';

export interface AppProps {
  office: Office;
  /** --operator / JIUZHU_OPERATOR; otherwise the only clerk known here, or ask. */
  operator?: string;
  size?: { cols: number; rows: number };
  first?: { id: string; params?: Record<string, string> };
  pollMs?: number;
}

/** The shell of the whole app over `office`. */
export function shellOptions({ office, operator, size, first, pollMs }: AppProps): ShellOptions {
  return { office, operator: operatorFor(office.view, operator), registry: REGISTRY, size, first, pollMs, globalHelp: globalHelp() };
}

export function App(props: AppProps) {
  return <ShellView {...shellOptions(props)} />;
}
