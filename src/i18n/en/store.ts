// English for zh/store.ts.
import type zh from '../zh/store.js';
import type { Same } from './same.js';

export default {
  notJson: " is not complete JSON",
  noHash: " has no hash",
  hashMismatch: " does not match its hash (the entry was altered)",
  chainBroken: " does not chain to the entry before it (entries were removed or altered)",
  wrongSeq: " should be number {expected} but is {actual}",
  lockBusy: "The data folder {dir} is in use by another jiuzhu process and was not released after {seconds} s: try again later, or see jiuzhu daemon status",
  alreadyInitialised: "{dir} already holds an office's data: it cannot be initialised again",
  noOffice: "{dir} holds no office data: run jiuzhu init --office CODE --name NAME first (or jiuzhu demo)",
  headDamaged: "{file} is damaged: run jiuzhu doctor --repair",
  storeUnreadable: "{name} cannot be read (not complete JSON): the data file is damaged; run jiuzhu doctor, or restore from a backup",
  storeMissing: "{name} is missing: run jiuzhu doctor --repair to rebuild it from the journal, or restore from a backup",
  journalDamagedAfter: "Journal {file}: after entry {line}, the next entry{reason}; run jiuzhu doctor",
  journalTruncated: "{name} holds changes up to number {storeSeq} but the journal has only {journalSeq}: the journal was cut short; run jiuzhu doctor, or restore from a backup",
  journalDamagedAt: "Journal {file}: entry {line}{reason}; run jiuzhu doctor",
  lockCompromised: "The write lock was lost (the process stopped responding for a long time): this change was not saved, please try again",
  migrateNoId: "A record in the old-format {collection} has no id: it cannot be migrated",
  notObject: "{file} is not an object: the file is damaged; run jiuzhu doctor",
  tooNew: "{file} has format version {from}, newer than the {supported} this program supports: upgrade jiuzhu before opening it",
  wrongStore: "{file} names its store \"{found}\", it should be \"{store}\"",
  summaryUnreadable: "{file} cannot be read: run jiuzhu doctor --repair to make it again (the data itself is unaffected)",
  summaryCount: "{file} counts {have} {collection}, the data holds {want}: run jiuzhu doctor --repair to make it again",
  summaryDiffers: "{file}: {collection} {id} differs from the data: run jiuzhu doctor --repair to make it again",
} as const satisfies Same<typeof zh>;
