// Printable forms are HTML templates in `templates/print/` (data, not code),
// filled by a small mustache-like renderer: `{{key}}` (HTML-escaped, dotted
// paths allowed), `{{{key}}}` unescaped, `{{#list}}…{{/list}}` repeated for each item of a list (or
// once for a true value), `{{^list}}…{{/list}}` when it is empty or false.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../office/errors.js';
import { t } from '../i18n/index.js';

export type TemplateData = { [key: string]: unknown };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function lookup(stack: readonly unknown[], path: string): unknown {
  if (path === '.') return stack[stack.length - 1];
  const parts = path.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const top = stack[i];
    if (top && typeof top === 'object' && parts[0]! in (top as object)) {
      let v: unknown = top;
      for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      return v;
    }
  }
  return undefined;
}

const TAG = /\{\{([#^/]?)\s*([\w.]+)\s*\}\}/g;

function renderPart(tpl: string, stack: unknown[]): string {
  let out = '';
  let pos = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(tpl); m; m = TAG.exec(tpl)) {
    out += tpl.slice(pos, m.index);
    const [whole, kind, name] = m as unknown as [string, string, string];
    if (kind === '#' || kind === '^') {
      const close = `{{/${name}}}`;
      // find the matching close, counting nested sections of the same name
      let depth = 1;
      let i = m.index + whole.length;
      const open = new RegExp(`\\{\\{[#^]\\s*${name.replace('.', '\\.')}\\s*\\}\\}`, 'g');
      let end = -1;
      while (depth > 0) {
        const nextClose = tpl.indexOf(close, i);
        if (nextClose < 0) throw new Error(`template: ${name} not closed`);
        open.lastIndex = i;
        const nextOpen = open.exec(tpl);
        if (nextOpen && nextOpen.index < nextClose) {
          depth++;
          i = nextOpen.index + nextOpen[0].length;
        } else {
          depth--;
          i = nextClose + close.length;
          end = nextClose;
        }
      }
      const inner = tpl.slice(m.index + whole.length, end);
      const v = lookup(stack, name);
      const truthy = Array.isArray(v) ? v.length > 0 : !!v;
      if (kind === '^') out += truthy ? '' : renderPart(inner, stack);
      else if (Array.isArray(v)) out += v.map((item) => renderPart(inner, [...stack, item])).join('');
      else if (truthy) out += renderPart(inner, typeof v === 'object' ? [...stack, v] : stack);
      pos = i;
      TAG.lastIndex = i;
    } else if (kind === '/') {
      throw new Error(`template: unexpected {{/${name}}}`);
    } else {
      const v = lookup(stack, name);
      out += v == null ? '' : escapeHtml(String(v));
      pos = m.index + whole.length;
    }
  }
  return out + tpl.slice(pos);
}

export function renderTemplate(tpl: string, data: TemplateData): string {
  // `{{{key}}}` inserts a top-level value unescaped (the shared style sheet).
  const raw: string[] = [];
  const marked = tpl.replace(/\{\{\{\s*([\w.]+)\s*\}\}\}/g, (_m, k: string) => `\u0000${raw.push(String(data[k] ?? '')) - 1}\u0000`);
  return renderPart(marked, [data]).replace(/\u0000(\d+)\u0000/g, (_m, i: string) => raw[Number(i)]!);
}

/**
 * The templates folder: `JIUZHU_TEMPLATES`, or `templates/` found walking up
 * from this module (the bundle lives in dist/ or dist/chunks/, the sources in src/).
 */
export function templatesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JIUZHU_TEMPLATES) return env.JIUZHU_TEMPLATES;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const t = join(dir, 'templates');
    if (existsSync(join(t, 'print'))) return t;
    dir = dirname(dir);
  }
  throw new UserFacingError(t('print.noTemplates'));
}

export function loadPrintTemplate(name: string, env: NodeJS.ProcessEnv = process.env, ext = 'html'): string {
  const file = join(templatesDir(env), 'print', `${name}.${ext}`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UserFacingError(t('print.unreadableTemplate', { file }));
  }
}
