// What a sync run reports and what it keeps of each processed file: the
// `files` collection's record, the report of one file and of a run.
import type { InboundKind } from '../exchange/inbound/index.js';
import type { MergeResult } from './merge/index.js';
import { UserFacingError } from '../office/errors.js';
import { tIn } from '../i18n/index.js';

/** The operator the journal names for the sync's own changes (a record: Chinese). */
export const SYNC_OPERATOR = tIn('zh', 'sync.operator');

export type FileOutcome = 'applied' | 'partial' | 'rejected' | 'duplicate';

/** A processed inbound file, as the `files` collection keeps it (id = sha256). */
export interface FileRecord {
  id: string;
  sha256: string;
  /** Paths under `inbox/` it was seen at; the first is the one it was processed as. */
  names: string[];
  kind: InboundKind | null;
  encoding: string | null;
  rows: number;
  outcome: Exclude<FileOutcome, 'duplicate'>;
  counts: MergeResult['counts'];
  receipt: string;
  processedAt: string;
  strict: boolean;
}

export interface FileReport {
  name: string;
  sha256: string;
  kind: InboundKind | null;
  outcome: FileOutcome;
  applied: number;
  unchanged: number;
  stale: number;
  rejected: number;
  pending: number;
  receipt: string;
}

export interface SyncReport {
  files: FileReport[];
  exported: string[];
  /** Problems that did not stop the run (share away, disk full…), for the log and status. */
  problems: string[];
  /** Files still being copied in; read at the next run. */
  arriving: number;
}

export class SyncError extends UserFacingError {}

export function outcomeOf(counts: MergeResult['counts'], rows: number): Exclude<FileOutcome, 'duplicate'> {
  if (rows > 0 && counts.rejected === rows) return 'rejected';
  if (counts.rejected > 0) return 'partial';
  return 'applied';
}
