// What every command shares: where the data is, how to print, how to fail.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Office } from '../src/store/office.js';
import { UserFacingError } from '../src/office/errors.js';
import { maskIds } from '../src/office/privacy.js';
import { t, tIn } from '../src/i18n/index.js';

/** A failure the clerk can act on: one clear line, exit 1. */
export class UserError extends UserFacingError {}
/** Wrong usage: exit 2. */
export class UsageError extends Error {}


export interface Globals {
  data?: string;
  shared?: string;
  json?: boolean;
  operator?: string;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'jiuzhu');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'jiuzhu');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'jiuzhu');
}

export function globals(cmd: Command): Globals {
  return cmd.optsWithGlobals() as Globals;
}

export function dataDir(g: Globals, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(g.data ?? env.JIUZHU_DATA ?? defaultDataDir(env));
}

export function operatorOf(g: Globals, office?: Office): string {
  if (g.operator) return g.operator;
  if (process.env.JIUZHU_OPERATOR) return process.env.JIUZHU_OPERATOR;
  const fromSettings = office?.view.get('meta', 'operator') as { name?: string } | undefined;
  return fromSettings?.name ?? process.env.USER ?? process.env.USERNAME ?? tIn('zh', 'cli.operator.unsigned');
}

export async function openOffice(g: Globals): Promise<Office> {
  return Office.open(dataDir(g));
}

/** Opens without taking the lock, for commands that only read. */
export async function openForReading(g: Globals): Promise<Office> {
  return Office.open(dataDir(g), { repair: false });
}

export function printJson(v: unknown): void {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
}

/** Messages go to stderr, with ID numbers masked (they may end up in logs). */
export function say(text: string): void {
  process.stderr.write(`${maskIds(text)}\n`);
}

export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** An intake file (cli.md) as JSON; a UTF-8 BOM (Notepad) is allowed. */
export async function readIntakeFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(t('cli.intakeFile.unreadable', { file }));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UserError(t('cli.intakeFile.notJson', { file, reason: (err as Error).message }));
  }
}

/**
 * A reader that stops early (`jiuzhu case list | head -1`) closes the pipe:
 * the command has nothing more to say to anyone, so it ends quietly.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/**
 * Rows laid out in display columns (a Chinese character is two columns wide),
 * two spaces between columns, the last column unpadded. Every CLI table uses it.
 */
export async function table(rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): Promise<string[]> {
  const { width, fit } = await import('../src/ui/layout.js');
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 && align[i] !== 'right' ? cell : fit(cell, widths[i]!, align[i] ?? 'left'))).join('  ').trimEnd());
}
