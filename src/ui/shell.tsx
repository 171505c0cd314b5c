// The app's frame and the services every screen shares: one keymap (the
// shell's single useInput routes each key to the screen on top first, then to
// the global keys), the footer of keys, navigation with Esc back, serialised
// saves signed by the operator, refresh when another process writes, and the
// frame height kept below the terminal's (Ink 6 clears the screen otherwise).
import React, { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { watch, type FSWatcher } from 'node:fs';
import { Box, Text, useApp, useInput, type Key } from 'ink';
import type { Office, Tx } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { settingsOf } from '../office/context.js';
import { fit, width } from './layout.js';
import { t } from '../i18n/index.js';

/** What every screen receives; screens of other modules need only these three. */
export interface ScreenProps {
  office: Office;
  operator: string;
  onBack: () => void;
}

export interface ShellScreenProps extends ScreenProps {
  params: Readonly<Record<string, string>>;
  /**
   * For screens that size themselves to a terminal of `rows` lines and keep
   * their frame below it: the shell's body area plus one.
   */
  rows: number;
}

export interface ScreenEntry {
  /** The title in the header (a function: words are looked up at use time). */
  title: () => string;
  /** Longer help for the overlay, one line per item. */
  help?: () => string[];
  render: (p: ShellScreenProps) => React.ReactNode;
}

export type Hint = readonly [key: string, label: string];
/** Returns true when it used the key; the shell's global keys get the rest. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

interface NavEntry {
  id: string;
  params: Record<string, string>;
  /** Screen state kept while the screen is under another one (selection, tab). */
  state: Map<string, unknown>;
}

export type SaveResult<T> = { ok: true; result: T } | { ok: false; error: string };

export interface Shell {
  office: Office;
  operator: string;
  today: string;
  /** Bumps whenever the stores change (this process or another). */
  version: number;
  cols: number;
  /** Lines a screen may use between the header and the footer. */
  bodyRows: number;
  open(id: string, params?: Record<string, string>): void;
  /** Replaces the top screen (search → archive, so Esc goes back past the search). */
  replace(id: string, params?: Record<string, string>): void;
  back(): void;
  setKeys(h: KeyHandler | null): void;
  setHints(h: readonly Hint[]): void;
  save<T>(meta: { action: string; summary?: string; operator?: string }, fn: (tx: Tx) => T): Promise<SaveResult<T>>;
  flash(text: string, tone?: 'ok' | 'error'): void;
  /** Registers work that must finish before the app exits (saving a draft); returns the unregister. */
  onExit(fn: () => Promise<void> | void): () => void;
  nav: NavEntry;
  /** Sets who signs the changes of this session and opens the dashboard. */
  chooseOperator(name: string): void;
}

const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside the app shell');
  return s;
}

/** The screen's key handler; always the latest closure. */
export function useKeys(handler: KeyHandler, hints: readonly Hint[]): void {
  const shell = useShell();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    shell.setKeys((i, k) => ref.current(i, k));
    return () => {
      shell.setKeys(null);
      // A screen that goes leaves no keys behind in the footer or the help.
      shell.setHints([]);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shell.setKeys]);
  const key = hints.map((h) => h.join(' ')).join('|');
  useEffect(() => {
    shell.setHints(hints);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, shell.setHints]);
}

/** State that survives while another screen is opened on top of this one. */
export function useNavState<T>(name: string, initial: T): [T, (v: T | ((old: T) => T)) => void] {
  const shell = useShell();
  const store = shell.nav.state;
  const [v, setV] = useState<T>(() => (store.has(name) ? (store.get(name) as T) : initial));
  const set = useCallback(
    (next: T | ((old: T) => T)) =>
      setV((old) => {
        const value = typeof next === 'function' ? (next as (o: T) => T)(old) : next;
        store.set(name, value);
        return value;
      }),
    [store, name],
  );
  return [v, set];
}

export interface ShellOptions {
  office: Office;
  /** null: the session starts by asking who is working (the `operator` screen). */
  operator: string | null;
  registry: Readonly<Record<string, ScreenEntry>>;
  first?: { id: string; params?: Record<string, string> };
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: { cols: number; rows: number };
  /** How often to look at the journal besides the file watch (ms). */
  pollMs?: number;
  globalHelp: string[];
  /** false while the office is the first frame's stand-in (src/ui/firstFrame.ts): keys are kept until it is true. */
  ready?: boolean;
}

/** The keys every screen has, after its own in the footer. */
function globalHints(): Hint[] {
  return [
    ['/', t('ui.key.search')],
    ['?', t('ui.key.help')],
    ['Esc', t('ui.key.back')],
    ['q', t('ui.key.quit')],
  ];
}

function useTerminalSize(fixed?: { cols: number; rows: number }): { cols: number; rows: number } {
  const read = () => fixed ?? { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    process.stdout.on('resize', onResize);
    return () => void process.stdout.off('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return size;
}

export function ShellView(opts: ShellOptions) {
  const { office, registry } = opts;
  const [operator, setOperator] = useState(opts.operator ?? '');
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize(opts.size);
  const [stack, setStack] = useState<NavEntry[]>(() => [
    opts.operator === null ? { id: 'operator', params: {}, state: new Map() } : { id: opts.first?.id ?? 'dashboard', params: opts.first?.params ?? {}, state: new Map() },
  ]);
  const [version, setVersion] = useState(0);
  const [today, setToday] = useState(() => office.now().date);
  const [hints, setHintsState] = useState<readonly Hint[]>([]);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [help, setHelp] = useState(false);
  const [quitting, setQuitting] = useState(false);
  const keys = useRef<KeyHandler | null>(null);
  const exitHooks = useRef(new Set<() => Promise<void> | void>());

  useEffect(() => {
    const off = office.onChange(() => setVersion((v) => v + 1));
    const tick = () => {
      // Office queues a refresh behind this process's own saves (any screen's).
      void office.refresh().catch((err: unknown) => setMessage({ text: t('ui.shell.refreshFailed', { reason: (err as Error).message }), tone: 'error' }));
      const d = office.now().date;
      setToday((t) => (t === d ? t : d));
    };
    const timer = setInterval(tick, opts.pollMs ?? 1000);
    let watcher: FSWatcher | null = null;
    try {
      watcher = watch(office.journalPath, { persistent: false }, tick);
      watcher.on('error', () => undefined);
    } catch {
      /* no journal yet, or no watching here: the timer still looks */
    }
    return () => {
      off();
      clearInterval(timer);
      watcher?.close();
    };
  }, [office, opts.pollMs]);

  const quit = useCallback(async () => {
    setQuitting(true);
    for (const fn of [...exitHooks.current]) {
      try {
        await fn();
      } catch {
        /* a draft that cannot be saved must not keep the app from closing */
      }
    }
    await office.settled();
    exit();
  }, [exit, office]);

  useEffect(() => {
    const onSignal = () => void quit();
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    return () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    };
  }, [quit]);

  const top = stack[stack.length - 1]!;
  const entry = registry[top.id];

  const shell: Shell = useMemo(
    () => ({
      office,
      operator,
      today,
      version,
      cols,
      bodyRows: Math.max(3, rows - 4),
      nav: top,
      open: (id, params = {}) => {
        setStack((s) => [...s, { id, params, state: new Map() }]);
      },
      replace: (id, params = {}) => {
        setStack((s) => [...s.slice(0, -1), { id, params, state: new Map() }]);
      },
      back: () => {
        setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
      },
      setKeys: (h) => {
        keys.current = h;
      },
      setHints: (h) => setHintsState(h),
      save: async <T,>(meta: { action: string; summary?: string; operator?: string }, fn: (tx: Tx) => T): Promise<SaveResult<T>> => {
        try {
          const { result } = await office.transact({ operator, source: 'local', ...meta }, fn);
          setVersion((v) => v + 1);
          return { ok: true, result };
        } catch (err) {
          const text = err instanceof UserFacingError ? err.message : t('ui.shell.saveFailed', { reason: (err as Error).message });
          setMessage({ text, tone: 'error' });
          return { ok: false, error: text };
        }
      },
      flash: (text, tone = 'ok') => setMessage({ text, tone }),
      chooseOperator: (name) => {
        setOperator(name);
        setStack([{ id: opts.first?.id ?? 'dashboard', params: opts.first?.params ?? {}, state: new Map() }]);
      },
      onExit: (fn) => {
        exitHooks.current.add(fn);
        return () => void exitHooks.current.delete(fn);
      },
    }),
    // `top` changes identity on navigation only.
    [office, operator, today, version, cols, rows, top],
  );

  // Keys are handled one per render: a burst (typing fast, a paste split in
  // chunks, a test sending keys back to back) must see the state each key left.
  const inbox = useRef<[string, Key][]>([]);
  const [keyTick, setKeyTick] = useState(0);
  useInput((input, key) => {
    // A fast terminal (or tmux, or a paste) can deliver several keys as one
    // chunk: "23", "王芳\r". Shortcuts are single ASCII keys, so split those
    // apart and Enter off; a run of Chinese text (an IME commit) stays whole.
    const parts = input.length > 1 ? (input.match(/\r\n|\r|\n|[\x20-\x7e]|[^\x20-\x7e\r\n]+/g) ?? [input]) : [input];
    for (const part of parts) inbox.current.push(/^[\r\n]+$/.test(part) && parts.length > 1 ? ['\r', { ...key, return: true }] : [part, key]);
    setKeyTick((t) => t + 1);
  });
  const ready = opts.ready !== false;
  useEffect(() => {
    if (!ready) return;
    const next = inbox.current.shift();
    if (!next) return;
    if (inbox.current.length) setKeyTick((t) => t + 1);
    const [input, key] = next;
    if (quitting) return;
    // A message stays until the next key, whatever screen the clerk is on.
    setMessage(null);
    if (key.ctrl && input === 'c') return void quit();
    if (help) {
      setHelp(false);
      return;
    }
    if (keys.current?.(input, key)) return;
    // `?` on every screen the screen itself leaves it to (a text being typed keeps it).
    if (input === '?') return setHelp(true);
    if (!operator) return; // nobody chosen yet: only the operator screen's keys, help and Ctrl-C
    if (key.escape) return shell.back();
    if (input === 'q') return void quit();
    if (input === '/' && top.id !== 'search') return shell.open('search');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyTick, ready]);

  let settingsName = '';
  try {
    settingsName = settingsOf(office.view).office.name;
  } catch {
    /* not initialised: the screen says so */
  }
  const title = entry?.title() ?? top.id;
  const right = operator ? t('ui.shell.operator', { name: operator }) : '';
  const left = `${settingsName} ${title} ${today}`;
  const footer = footerLine(hints, operator ? globalHints() : globalHints().filter((g) => g[0] === '?'), cols);
  // The screen stays mounted under the help (hidden), so it keeps what was typed.
  const screen = entry ? (
    entry.render({ office, operator, onBack: shell.back, params: top.params, rows: shell.bodyRows + 1 })
  ) : (
    <Text color="red">{t('ui.shell.noScreen', { id: top.id })}</Text>
  );
  const width80 = Math.min(cols, 80);
  const body = (
    <>
      {help ? <HelpOverlay lines={helpLines(entry?.help?.() ?? [], hints, opts.globalHelp, width80 - 5)} rows={shell.bodyRows} cols={width80} /> : null}
      <Box flexDirection="column" display={help ? 'none' : 'flex'}>
        {screen}
      </Box>
    </>
  );
  return (
    <ShellContext.Provider value={shell}>
      <Box flexDirection="column" width={cols} height={rows - 1} overflow="hidden">
        <Text bold wrap="truncate">
          {fit(left, Math.max(0, cols - width(right) - 1))} {right}
        </Text>
        <Box flexDirection="column" height={shell.bodyRows} overflow="hidden">
          {body}
        </Box>
        <Text color={message?.tone === 'error' ? 'red' : 'green'} wrap="truncate">
          {quitting ? t('ui.shell.quitting') : (message?.text ?? ' ')}
        </Text>
        <Text dimColor wrap="truncate">
          {fit(footer, cols)}
        </Text>
      </Box>
    </ShellContext.Provider>
  );
}

/** Packs items into lines of at most `room` columns, `sep` between items on a line. */
function pack(items: readonly string[], room: number, sep = '   '): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && width(lines[last]!) + width(sep) + width(item) <= room) lines[last] += `${sep}${item}`;
    else lines.push(item);
  }
  return lines;
}

/**
 * The help overlay's lines: what the screen says about itself, its keys (the
 * hints it registered with useKeys), then the keys of every screen; lists of
 * keys (items two spaces apart) are folded to `room` columns, not cut.
 */
export function helpLines(about: readonly string[], hints: readonly Hint[], global: readonly string[], room: number): string[] {
  const fold = (line: string) => (width(line) <= room ? [line] : pack(line.split(/ {2,}/), room).map((l, i) => (i ? `  ${l}` : l)));
  const keys = pack(
    hints.map(([k, l]) => `${k} ${l}`),
    room - 2,
  ).map((l) => `  ${l}`);
  return [...about.flatMap(fold), ...(keys.length ? [t('ui.help.screenKeys'), ...keys] : []), '', ...global.flatMap(fold)];
}

/**
 * The footer: the screen's keys, then the global ones it does not take; when
 * that is wider than the terminal, the screen's last keys give way so that
 * `? help` always shows (the overlay lists them all).
 */
export function footerLine(screen: readonly Hint[], global: readonly Hint[], cols: number): string {
  const all = [...screen, ...global.filter((g) => !screen.some((h) => h[0] === g[0]))];
  const text = (hs: readonly Hint[]) => hs.map(([k, l]) => `${k} ${l}`).join('  ');
  if (width(text(all)) <= cols) return text(all);
  const help = all.filter((h) => h[0] === '?');
  const rest = all.filter((h) => h[0] !== '?');
  while (rest.length && width(`${text(rest)}  …  ${text(help)}`) > cols) rest.pop();
  return `${text(rest)}  …  ${text(help)}`;
}

function HelpOverlay({ lines, rows, cols }: { lines: string[]; rows: number; cols: number }) {
  const shown = lines.slice(0, rows - 2);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} height={rows} width={cols}>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}
