// Report-form templates: data in templates/reports/*.json, validated on load.
// A county that changes a form edits a template; a broken template is refused
// with the file, the field and the problem named.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { templatesDir } from '../print/template.js';
import { AREAS, CATEGORIES, PROGRAMS } from '../office/model.js';
import { UserFacingError } from '../office/errors.js';
import { t as tr, type MessageKey } from '../i18n/index.js';

/** Aggregations a summary cell may use (docs/reports.md lists what each counts). */
export const MEASURES = [
  'inForce.households', 'inForce.persons', 'inForce.amount',
  'opening.households', 'opening.persons',
  'paid.households', 'paid.persons', 'paid.personMonths', 'paid.amount',
  'new.households', 'new.persons',
  'stopped.households', 'stopped.persons',
  'resumed.households',
  'adjusted.households',
  'cases.accepted', 'cases.approved', 'cases.rejected',
  'attendance.persons', 'attendance.due', 'attendance.attended', 'attendance.excused', 'attendance.absent',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Row sources of list forms and the fields each offers. */
export const SOURCE_FIELDS = {
  recipients: [
    'householderName', 'householderId', 'address', 'phone', 'area', 'program', 'category', 'persons', 'coveredNames', 'amount', 'since', 'caseNo', 'blank',
  ],
  turning: ['name', 'idNumber', 'sex', 'birthDate', 'age', 'reachedOn', 'benefit', 'householderName', 'address', 'phone', 'blank'],
  attendance: ['name', 'idNumber', 'due', 'attended', 'excused', 'absent', 'suggestion', 'blank'],
  changes: ['householderName', 'householderId', 'program', 'change', 'month', 'decidedOn', 'amount', 'reason', 'blank'],
  // The public notice never shows ID numbers, incomes, illness or disability: it offers none of them.
  notices: ['caseNo', 'maskedName', 'persons', 'program', 'amount', 'noticeStart', 'noticeEnd', 'blank'],
} as const;
export type SourceName = keyof typeof SOURCE_FIELDS;
export const SOURCES = Object.keys(SOURCE_FIELDS) as SourceName[];

export const CELL_TYPES = ['text', 'id', 'caseNo', 'integer', 'amount', 'date', 'month'] as const;
export type CellType = (typeof CELL_TYPES)[number];

/** Messages of ours given to zod: said when a template is read (in that moment's language), and known as ours. */
const OWN = new Set<string>();
function own(key: MessageKey & `reports.tpl${string}`): { error: () => string } {
  return {
    error: () => {
      const m = tr(key as 'reports.tplKey');
      OWN.add(m);
      return m;
    },
  };
}

/**
 * The templates' schemas, built at the first template read rather than when
 * the module loads: the app's report screen imports this module, and its
 * start then evaluates no zod (docs/architecture.md "Start-up").
 */
function buildSchemas() {
  const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, own('reports.tplKey'));
  const text = z.string().trim().min(1, own('reports.tplNotEmpty'));

  const filterSchema = z.strictObject({
    program: z.enum(PROGRAMS).optional(),
    category: z.enum(CATEGORIES).optional(),
    area: z.enum(AREAS).optional(),
  });

  const dueSchema = z.discriminatedUnion(
    'type',
    [
    z.strictObject({
      type: z.literal('dayOfMonth'),
      /** A day of the month, or `last`. */
      day: z.union([z.number().int().min(1, own('reports.tplDay')).max(28, own('reports.tplDay')), z.literal('last')], own('reports.tplDay')),
      /** `same`: in the period's last month; `next`: in the month after the period. */
      month: z.enum(['same', 'next']),
    }),
    z.strictObject({
      type: z.literal('workingDays'),
      /** The n-th working day after the period ends. */
      days: z.number().int().min(1).max(30),
    }),
    ],
    own('reports.tplDueType'),
  );

  const summaryColumn = z
    .strictObject({
      key,
      header: text,
      measure: z.enum(MEASURES).optional(),
      filter: filterSchema.optional(),
      manual: z.literal(true).optional(),
      type: z.enum(['integer', 'amount']).default('integer'),
      width: z.number().int().min(2).max(80).optional(),
    })
    .refine((c) => (c.measure === undefined) !== (c.manual === undefined), own('reports.tplMeasureOrManual'));

  const summaryRow = z.strictObject({ key, label: text, filter: filterSchema.default({}) });

  const listColumn = z.strictObject({
    key,
    header: text,
    field: z.string().min(1),
    manual: z.literal(true).optional(),
    type: z.enum(CELL_TYPES).default('text'),
    width: z.number().int().min(2).max(80).optional(),
  });

  const checkSchema = z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('total'),
      /** Summary: the row that must equal the sum of `rows`. List forms: the 合计 row against the list. */
      total: key.optional(),
      rows: z.array(key).min(1).optional(),
      columns: z.array(key).min(1).optional(),
      name: text.optional(),
    }),
    z.strictObject({
      type: z.literal('compare'),
      left: z.array(z.string().regex(/^-?[A-Za-z][A-Za-z0-9_]*$/)).min(1),
      op: z.enum(['>=', '<=', '=']),
      right: z.array(z.string().regex(/^-?[A-Za-z][A-Za-z0-9_]*$/)).min(1),
      name: text.optional(),
    }),
    z.strictObject({ type: z.literal('required'), keys: z.array(z.string().min(1)).min(1), name: text.optional() }),
  ], own('reports.tplCheckType'));

  const fieldSchema = z.strictObject({
    key,
    label: text,
    /** Filled from the office (`office`, `period`, `today`) or typed by the clerk (`manual`). */
    value: z.enum(['office', 'period', 'today', 'manual']),
  });

  const common = {
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, own('reports.tplId')),
    title: text,
    period: z.enum(['monthly', 'quarterly', 'yearly']),
    due: dueSchema.nullable(),
    scope: filterSchema.default({}),
    fields: z.array(fieldSchema).default([]),
    checks: z.array(checkSchema).default([]),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    note: z.string().optional(),
  };

  const ageSchema = z.strictObject({ age: z.number().int().min(1).max(130), benefit: text });

  const templateSchema = z.discriminatedUnion('kind', [
    z.strictObject({
      ...common,
      kind: z.literal('summary'),
      labelHeader: text,
      columns: z.array(summaryColumn).min(1),
      rows: z.array(summaryRow).min(1),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('list'),
      source: z.enum(SOURCES as [SourceName, ...SourceName[]]),
      /** turning: the ages that count and what each brings. */
      ages: z.array(ageSchema).optional(),
      columns: z.array(listColumn).min(1),
      /** The 合计 row: per column, a measure counted from the data independently of the list, or `count` (rows). */
      total: z.strictObject({ label: text, columns: z.record(key, z.union([z.enum(MEASURES), z.literal('count')])) }).optional(),
    }),
  ], own('reports.tplKind'));
  return { filterSchema, dueSchema, checkSchema, templateSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const templateSchemas = () => (schemas ??= buildSchemas());
type Schemas = ReturnType<typeof buildSchemas>;
export type Filter = z.infer<Schemas['filterSchema']>;
export type DueRule = z.infer<Schemas['dueSchema']>;
export type Check = z.infer<Schemas['checkSchema']>;
export type Template = z.infer<Schemas['templateSchema']>;

export class TemplateError extends UserFacingError {}

function zodWord(code: string): string {
  if (code === 'invalid_type') return tr('reports.zodInvalidType');
  if (code === 'invalid_value') return tr('reports.zodInvalidValue');
  if (code === 'unrecognized_keys') return tr('reports.zodUnknownKeys');
  if (code === 'too_small') return tr('reports.zodTooSmall');
  if (code === 'too_big') return tr('reports.zodTooBig');
  if (code === 'invalid_format') return tr('reports.zodInvalidFormat');
  if (code === 'invalid_union') return tr('reports.zodInvalidUnion');
  return tr('reports.zodWrong');
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || tr('reports.tplTop');
}

function issueText(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { keys?: string[]; values?: unknown[]; expected?: string; options?: unknown[] };
  // Our own messages (refinements, regexes, unions) are already the clerk's words.
  if (OWN.has(i.message)) return i.message;
  if (i.code === 'too_big' || i.code === 'too_small') {
    const j = i as { origin?: string; maximum?: unknown; minimum?: unknown };
    const bound = String(i.code === 'too_big' ? j.maximum : j.minimum);
    if (j.origin === 'array') return i.code === 'too_big' ? tr('reports.zodMaxItems', { bound }) : tr('reports.zodMinItems', { bound });
    if (j.origin === 'string') return i.code === 'too_big' ? tr('reports.zodMaxChars', { bound }) : tr('reports.tplNotEmpty');
    return i.code === 'too_big' ? tr('reports.zodMax', { bound }) : tr('reports.zodMin', { bound });
  }
  if (i.code === 'unrecognized_keys') return tr('reports.zodUnknownKeysAre', { keys: (i.keys ?? []).join(tr('reports.sep')) });
  if (i.code === 'invalid_value' && i.values) return tr('reports.zodValueOneOf', { values: i.values.map((v) => JSON.stringify(v)).join(tr('reports.sep')) });
  if (i.code === 'invalid_type') return i.input === undefined ? tr('reports.zodMissing') : tr('reports.zodTypeShouldBe', { expected: String(i.expected) });
  return tr('reports.zodOther', { word: zodWord(i.code), message: i.message });
}

/** Cross-field rules zod cannot see: keys that must name columns, rows and fields of the same template. */
function crossCheck(t: Template): { path: string; problem: string }[] {
  const problems: { path: string; problem: string }[] = [];
  const colKeys = t.columns.map((c) => c.key);
  const dup = (list: string[], what: string, path: string) => {
    const seen = new Set<string>();
    list.forEach((k, i) => {
      if (seen.has(k)) problems.push({ path: `${path}[${i}].key`, problem: tr('reports.tplDuplicate', { what, key: k }) });
      seen.add(k);
    });
  };
  dup(colKeys, tr('reports.tplColumn'), 'columns');
  dup(t.fields.map((f) => f.key), tr('reports.tplField'), 'fields');
  const rowKeys = t.kind === 'summary' ? t.rows.map((r) => r.key) : ['total'];
  if (t.kind === 'summary') dup(rowKeys, tr('reports.tplRow'), 'rows');
  if (t.kind === 'list') {
    const fields = SOURCE_FIELDS[t.source] as readonly string[];
    t.columns.forEach((c, i) => {
      if (!fields.includes(c.field)) problems.push({ path: `columns[${i}].field`, problem: tr('reports.tplNoSourceField', { source: t.source, field: c.field, fields: fields.join(tr('reports.sep')) }) });
    });
    if (t.source === 'turning' && !t.ages?.length) problems.push({ path: 'ages', problem: tr('reports.tplTurningAges') });
    for (const k of Object.keys(t.total?.columns ?? {})) {
      if (!colKeys.includes(k)) problems.push({ path: `total.columns.${k}`, problem: tr('reports.tplNoSuchColumnHere', { columns: colKeys.join(tr('reports.sep')) }) });
    }
  }
  t.checks.forEach((c, i) => {
    const at = `checks[${i}]`;
    const needCol = (k: string, path: string) => {
      if (!colKeys.includes(k.replace(/^-/, ''))) problems.push({ path, problem: tr('reports.tplNoColumn', { key: k.replace(/^-/, ''), columns: colKeys.join(tr('reports.sep')) }) });
    };
    if (c.type === 'total') {
      for (const [j, k] of (c.columns ?? []).entries()) needCol(k, `${at}.columns[${j}]`);
      if (t.kind === 'summary') {
        if (!c.total) problems.push({ path: `${at}.total`, problem: tr('reports.tplNeedTotal') });
        else if (!rowKeys.includes(c.total)) problems.push({ path: `${at}.total`, problem: tr('reports.tplNoRow', { key: c.total, rows: rowKeys.join(tr('reports.sep')) }) });
        if (!c.rows) problems.push({ path: `${at}.rows`, problem: tr('reports.tplNeedRows') });
        for (const [j, k] of (c.rows ?? []).entries()) {
          if (!rowKeys.includes(k)) problems.push({ path: `${at}.rows[${j}]`, problem: tr('reports.tplNoRow', { key: k, rows: rowKeys.join(tr('reports.sep')) }) });
        }
      } else if (!t.total) problems.push({ path: `${at}`, problem: tr('reports.tplListNeedTotal') });
    }
    if (c.type === 'compare') {
      c.left.forEach((k, j) => needCol(k, `${at}.left[${j}]`));
      c.right.forEach((k, j) => needCol(k, `${at}.right[${j}]`));
    }
    if (c.type === 'required') {
      const fieldKeys = t.fields.map((f) => f.key);
      c.keys.forEach((k, j) => {
        if (!fieldKeys.includes(k) && !colKeys.includes(k)) problems.push({ path: `${at}.keys[${j}]`, problem: tr('reports.tplNoFieldOrColumn', { key: k }) });
      });
    }
  });
  return problems;
}

/** Validates one parsed template; `file` names it in the messages. */
export function parseTemplate(raw: unknown, file: string): Template {
  const r = templateSchemas().templateSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 8).map((i) => tr('reports.tplProblemLine', { file, path: pathText(i.path), problem: issueText(i) }));
    throw new TemplateError(tr('reports.tplProblems', { file, n: r.error.issues.length, lines: lines.join('\n') }));
  }
  const problems = crossCheck(r.data);
  if (problems.length) {
    const lines = problems.map((p) => tr('reports.tplProblemLine', { file, path: p.path, problem: p.problem }));
    throw new TemplateError(tr('reports.tplProblems', { file, n: problems.length, lines: lines.join('\n') }));
  }
  const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (base !== r.data.id) throw new TemplateError(tr('reports.tplIdNotFile', { file, id: r.data.id, base }));
  return r.data;
}

export function parseTemplateText(text: string, file: string): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TemplateError(tr('reports.tplNotJson', { file, error: (err as Error).message }));
  }
  return parseTemplate(raw, file);
}

/**
 * The folder of the built-in templates: found by walking up from this module,
 * which is src/reports/ in the sources and dist/ (or dist/chunks/) when bundled.
 */
export function builtinTemplatesDir(): string {
  return join(templatesDir(), 'reports');
}

/** The office's own templates (a county's changed forms) live in `<data>/templates/reports/` and replace built-in ones of the same id. */
export function officeTemplatesDir(dataDir: string): string {
  return join(dataDir, 'templates', 'reports');
}

/** Loads every template from the folders, later folders replacing earlier ones by id; sorted by id. */
export function loadTemplates(dirs: readonly string[]): Template[] {
  const byId = new Map<string, Template>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, name);
      const t = parseTemplateText(readFileSync(file, 'utf8'), file);
      byId.set(t.id, t);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function templateById(templates: readonly Template[], id: string): Template {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new TemplateError(tr('reports.noSuchForm', { id, forms: templates.map((x) => tr('reports.formOfList', { id: x.id, title: x.title })).join(tr('reports.sep')) }));
  return t;
}

/** The built-in templates with the office's own (from its data folder) in place of those they replace. */
export function officeTemplates(dataDir: string): Template[] {
  return loadTemplates([builtinTemplatesDir(), officeTemplatesDir(dataDir)]);
}
