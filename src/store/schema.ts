// Which collection lives in which store file, and the migrations from older
// store layouts. The store knows collections by name only: the domain owns
// its record types and registers them in `CollectionTypes` (src/office/collections.ts).
import { t } from '../i18n/index.js';

export const SCHEMA_VERSION = 1;

export type AnyRecord = Record<string, unknown>;

/**
 * Record type of each collection, filled in by the domain through declaration
 * merging (`declare module '../store/schema.js'`), so that nothing here
 * imports a domain module.
 */
export interface CollectionTypes {}

/** The record type of collection `C`: the domain's, or a plain record. */
export type RecordOf<C extends string> = C extends keyof CollectionTypes ? CollectionTypes[C] : AnyRecord;


export const STORES = {
  settings: ['settings', 'counters', 'meta'],
  households: ['households', 'members'],
  cases: ['cases', 'drafts'],
  enrolments: ['enrolments', 'reviews', 'cancellations', 'gradualExits'],
  attendance: ['sessions', 'marks', 'exemptions', 'groups', 'attendanceMonths'],
  sync: ['files', 'decisions', 'standards', 'holidays', 'pending', 'outbound', 'reports'],
} as const satisfies Record<string, readonly string[]>;

export type StoreName = keyof typeof STORES;
export type CollectionName = (typeof STORES)[StoreName][number];
export const STORE_NAMES = Object.keys(STORES) as StoreName[];

export const STORE_OF: Record<CollectionName, StoreName> = Object.fromEntries(
  STORE_NAMES.flatMap((s) => STORES[s].map((c) => [c, s])),
) as Record<CollectionName, StoreName>;

export const COLLECTION_NAMES = Object.keys(STORE_OF) as CollectionName[];

/** One store file on disk. */
export interface StoreFile {
  store: StoreName;
  schemaVersion: number;
  /** Sequence number of the last journal entry reflected in this file. */
  journalSeq: number;
  collections: Record<string, Record<string, AnyRecord>>;
}

export function emptyStoreFile(store: StoreName): StoreFile {
  return {
    store,
    schemaVersion: SCHEMA_VERSION,
    journalSeq: 0,
    collections: Object.fromEntries(STORES[store].map((c) => [c, {}])),
  };
}

export class SchemaError extends Error {}

/**
 * Migrations, oldest first: `MIGRATIONS[v]` turns a version-v file into v+1.
 * Version 0 is the plain lowdb layout an early import wrote: no header, each
 * collection an array of records with their own key field.
 */
const KEY_FIELD: Partial<Record<CollectionName, string>> = {
  members: 'idNumber',
  cases: 'caseNo',
};

export const MIGRATIONS: ((raw: Record<string, unknown>, store: StoreName) => Record<string, unknown>)[] = [
  (raw, store) => {
    const collections: Record<string, Record<string, AnyRecord>> = {};
    for (const c of STORES[store]) {
      const v = raw[c];
      const keyed: Record<string, AnyRecord> = {};
      if (Array.isArray(v)) {
        for (const rec of v as AnyRecord[]) {
          const key = String(rec[KEY_FIELD[c] ?? 'id'] ?? '');
          if (key === '') throw new SchemaError(t('store.migrateNoId', { collection: c }));
          keyed[key] = rec;
        }
      } else if (v && typeof v === 'object') {
        Object.assign(keyed, v);
      }
      collections[c] = keyed;
    }
    return { store, schemaVersion: 1, journalSeq: Number(raw.journalSeq ?? 0), collections };
  },
];

/** Brings a parsed store file to SCHEMA_VERSION, or says why it cannot. */
export function migrate(raw: unknown, store: StoreName, file: string): { file: StoreFile; migratedFrom: number | null } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SchemaError(t('store.notObject', { file }));
  }
  let data = raw as Record<string, unknown>;
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (from > SCHEMA_VERSION) {
    throw new SchemaError(t('store.tooNew', { file, from, supported: SCHEMA_VERSION }));
  }
  for (let v = from; v < SCHEMA_VERSION; v++) data = MIGRATIONS[v]!(data, store);
  const out = data as unknown as StoreFile;
  if (out.store !== store) throw new SchemaError(t('store.wrongStore', { file, found: String(out.store), store }));
  for (const c of STORES[store]) out.collections[c] ??= {};
  return { file: out, migratedFrom: from === SCHEMA_VERSION ? null : from };
}
