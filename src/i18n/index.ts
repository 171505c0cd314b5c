// The one catalogue of words: every message, label, footer, help text and
// printable caption, keyed, in Chinese (the default) and English. Keys are
// `<area>.<name>`; values may hold `{name}` placeholders filled by `t`.
// The exchange's fixed column and enumeration words are not here: they are
// data and live with the exchange's definition (src/exchange/).
//
// Chinese is always loaded (the default, and receipts are Chinese in every
// language); English only when asked for, by `loadLang` before `setLang`, so
// a Chinese start-up does not read the other 110 KB.
import { zh, type Catalogue } from './zh/index.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

type Area = keyof Catalogue;
export type MessageKey = { [A in Area]: `${A & string}.${keyof Catalogue[A] & string}` }[Area];
type Text<K extends MessageKey> = K extends `${infer A extends Area}.${infer N}` ? (N extends keyof Catalogue[A] ? Catalogue[A][N] : never) : never;

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;
export type Params<K extends MessageKey> = Record<Placeholders<Text<K>>, string | number>;
type Args<K extends MessageKey> = [Placeholders<Text<K>>] extends [never] ? [] : [params: Params<K>];

type Texts = Record<string, Record<string, string>>;

const CATALOGUES: Record<'zh', Texts> & Partial<Record<Lang, Texts>> = {
  zh: zh as unknown as Texts,
};

let current: Lang = 'zh';

/** Loads a language's catalogue, once; `setLang` needs it loaded. */
export async function loadLang(l: Lang): Promise<void> {
  if (CATALOGUES[l]) return;
  const { en } = await import('./en/index.js');
  CATALOGUES.en = en as unknown as Texts;
}

/** Chooses the language of this process (the command line does, once, at start, after `loadLang`). */
export function setLang(l: Lang): void {
  if (!CATALOGUES[l]) throw new Error(`setLang('${l}') before loadLang('${l}')`);
  current = l;
}

export function lang(): Lang {
  return current;
}

function lookup(l: Lang, key: string): string {
  const dot = key.indexOf('.');
  const text = CATALOGUES[l]?.[key.slice(0, dot)]?.[key.slice(dot + 1)];
  // Types make a missing key impossible in code; a key built at run time
  // (a status word) falls back to Chinese, then to the key itself.
  return text ?? CATALOGUES.zh[key.slice(0, dot)]?.[key.slice(dot + 1)] ?? key;
}

/**
 * Fills `{name}` with the parameter. `{s:name}` is English's plural ending:
 * "s" unless the parameter is 1 (`{days} working day{s:days} overdue`);
 * Chinese has no use for it.
 */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(s:)?([A-Za-z0-9_]+)\}/g, (m, plural: string | undefined, name: string) => {
    if (!(name in params)) return m;
    if (plural) return Number(params[name]) === 1 ? '' : 's';
    return String(params[name]);
  });
}

/** The message `key` in the process's language, its placeholders filled. */
export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  return fill(lookup(current, key), args[0] as Record<string, string | number> | undefined);
}

/** The message in a given language: receipts and exchange files are always Chinese. */
export function tIn<K extends MessageKey>(l: Lang, key: K, ...args: Args<K>): string {
  return fill(lookup(l, key), args[0] as Record<string, string | number> | undefined);
}

/**
 * A word of a table whose keys are codes in the data (a status, an event):
 * `word('status', 'approved')`. Tables are areas of their own; an unknown code
 * comes back as it is, so an event written by a newer version still shows.
 */
export function word(area: Area, key: string): string {
  const text = CATALOGUES[current]?.[area]?.[key] ?? CATALOGUES.zh[area]?.[key];
  return text ?? key;
}

/** Every key and text of a language (loaded by `loadLang`), for the catalogue's own tests. */
export function entriesOf(l: Lang): [string, string][] {
  return Object.entries(CATALOGUES[l] ?? {}).flatMap(([area, texts]) => Object.entries(texts).map(([k, v]) => [`${area}.${k}`, v] as [string, string]));
}

/**
 * The language asked for: `--lang en|zh` first, then `LC_ALL`, `LC_MESSAGES`
 * and `LANG` (the first one set decides, as POSIX has it); English when that
 * starts with `en`, Chinese otherwise.
 */
export function langFrom(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined) return v.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
