// Many changes of one shape in a journal entry (a county file's 100,000
// decisions, the cases they decide, the enrolments they make) stored as one
// table: the ids once, then each field as a column of values, a field equal
// in every row once (`same`), and a field holding records of one shape as a
// table of its own. The journal then carries the decisions as compact rows,
// not a copy of every record with its field names; reading expands the
// table back into the changes it stands for, in their order and with their
// fields in their order, so that nothing past `readJournal` sees it.
import type { AnyRecord, CollectionName } from './schema.js';
import type { Change } from './journal.js';

/** Columns of records that all have the same fields in the same order. */
export interface Columns {
  keys: string[];
  /** A primitive field equal in every row. */
  same?: AnyRecord;
  /** The other fields: a value per row, or a nested table for records of one shape. */
  cols: Record<string, unknown[] | Columns>;
}

/** Changes of one collection and shape as a table. */
export interface TableChange {
  c: CollectionName;
  op: 'table';
  of: 'create' | 'update';
  ids: string[];
  set: Columns;
  /** For updates: the old values of the same fields (each row has all of them). */
  was?: Columns;
}

export type StoredChange = Change | TableChange;

/** Fewer changes of a shape than this stay as they are (a clerk's change is read as written). */
export const TABLE_MIN_ROWS = 32;

const isPlain = (v: unknown): v is AnyRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const definedKeys = (o: AnyRecord): string[] => {
  const out: string[] = [];
  for (const k in o) if (o[k] !== undefined) out.push(k);
  return out;
};
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** The columns of `objs` (all with fields `keys`, in order). */
function columnsOf(objs: readonly AnyRecord[], keys: string[], depth: number): Columns {
  const same: AnyRecord = {};
  const cols: Columns['cols'] = {};
  for (const k of keys) {
    const first = objs[0]![k];
    if (first === null || typeof first !== 'object') {
      let constant = true;
      for (let i = 1; i < objs.length && constant; i++) if (objs[i]![k] !== first) constant = false;
      if (constant) {
        same[k] = first;
        continue;
      }
    }
    if (depth < 3 && isPlain(first)) {
      const inner = definedKeys(first);
      const subs: AnyRecord[] = [];
      let uniform = inner.length > 0;
      for (let i = 0; i < objs.length && uniform; i++) {
        const v = objs[i]![k];
        if (!isPlain(v) || !sameKeys(definedKeys(v), inner)) uniform = false;
        else subs.push(v);
      }
      if (uniform) {
        cols[k] = columnsOf(subs, inner, depth + 1);
        continue;
      }
    }
    const values = new Array<unknown>(objs.length);
    for (let i = 0; i < objs.length; i++) values[i] = objs[i]![k];
    cols[k] = values;
  }
  return Object.keys(same).length ? { keys, same, cols } : { keys, cols };
}

/** The records the columns stand for, `n` of them. */
function rowsOf(t: Columns, n: number): AnyRecord[] {
  const nested: Record<string, AnyRecord[]> = {};
  for (const k of t.keys) {
    const col = t.cols[k];
    if (col !== undefined && !Array.isArray(col)) nested[k] = rowsOf(col, n);
  }
  const out = new Array<AnyRecord>(n);
  for (let i = 0; i < n; i++) {
    const o: AnyRecord = {};
    for (const k of t.keys) {
      if (t.same && Object.hasOwn(t.same, k)) o[k] = t.same[k];
      else {
        const col = t.cols[k]!;
        o[k] = Array.isArray(col) ? col[i] : nested[k]![i];
      }
    }
    out[i] = o;
  }
  return out;
}

/**
 * Changes as they are stored: creates, and updates that set fields (no
 * removed fields, no map patches), grouped by collection and shape; a group
 * of at least TABLE_MIN_ROWS becomes one table in the place of its first
 * change. Every record appears once in an entry, so the order between
 * records does not change what the entry does.
 */
export function compactChanges(changes: readonly Change[]): StoredChange[] {
  if (changes.length < TABLE_MIN_ROWS) return changes as Change[];
  const groups = new Map<string, { at: number; of: 'create' | 'update'; c: CollectionName; setKeys: string[]; wasKeys: string[]; members: Change[] }>();
  const shapeOf: (string | null)[] = new Array(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i]!;
    if ((ch.op !== 'create' && ch.op !== 'update') || ch.unset || ch.merge || !ch.set) {
      shapeOf[i] = null;
      continue;
    }
    const setKeys = definedKeys(ch.set);
    const wasKeys = ch.op === 'update' ? definedKeys(ch.was ?? {}) : [];
    if (setKeys.length === 0) {
      shapeOf[i] = null;
      continue;
    }
    const key = `${ch.c}\u0000${ch.op}\u0000${setKeys.join('\u0001')}\u0000${wasKeys.join('\u0001')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { at: i, of: ch.op, c: ch.c, setKeys, wasKeys, members: [] }));
    g.members.push(ch);
    shapeOf[i] = key;
  }
  const out: StoredChange[] = [];
  for (let i = 0; i < changes.length; i++) {
    const key = shapeOf[i];
    const g = key === null ? undefined : groups.get(key!);
    if (!g || g.members.length < TABLE_MIN_ROWS) {
      out.push(changes[i]!);
      continue;
    }
    if (g.at !== i) continue; // in its table, put where the group's first change was
    const t: TableChange = {
      c: g.c,
      op: 'table',
      of: g.of,
      ids: g.members.map((m) => m.id),
      set: columnsOf(
        g.members.map((m) => m.set!),
        g.setKeys,
        0,
      ),
    };
    if (g.of === 'update') t.was = columnsOf(g.members.map((m) => m.was ?? {}), g.wasKeys, 0);
    out.push(t);
  }
  return out;
}

/** The changes a stored entry stands for (tables expanded); the same array when it has no table. */
export function expandChanges(stored: readonly StoredChange[]): Change[] {
  if (!stored.some((ch) => ch.op === 'table')) return stored as Change[];
  const out: Change[] = [];
  for (const ch of stored) {
    if (ch.op !== 'table') {
      out.push(ch);
      continue;
    }
    const n = ch.ids.length;
    const sets = rowsOf(ch.set, n);
    const was = ch.of === 'update' ? (ch.was ? rowsOf(ch.was, n) : sets.map(() => ({}))) : null;
    for (let i = 0; i < n; i++) {
      out.push(was ? { c: ch.c, id: ch.ids[i]!, op: 'update', set: sets[i]!, was: was[i]! } : { c: ch.c, id: ch.ids[i]!, op: 'create', set: sets[i]! });
    }
  }
  return out;
}
