// Which module registers which top-level command, so that a run loads only
// the module of its own command. Help, no command and unknown words load
// every module, in the order the help lists them.
import type { Command } from 'commander';
import { commandWord } from './argv.js';

export type Register = (program: Command) => void;

type Loader = () => Promise<Register[]>;

const office: Loader = async () => [(await import('./office.js')).registerOffice];
const caseCommands: Loader = async () => [(await import('./case.js')).registerCase, (await import('./caseFlow.js')).registerCaseFlow];
const caseFlow: Loader = async () => [(await import('./caseFlow.js')).registerCaseFlow];
const sync: Loader = async () => [(await import('./sync.js')).registerSync];
const daemon: Loader = async () => [(await import('./daemon.js')).registerDaemon];
const attendance: Loader = async () => [(await import('./attendance.js')).registerAttendance];
const report: Loader = async () => [(await import('./report.js')).registerReport];
const recipients: Loader = async () => [(await import('./recipients.js')).registerRecipients];
const backup: Loader = async () => [(await import('./backup.js')).registerBackup];
const settings: Loader = async () => [(await import('./settings.js')).registerSettings];

/** Every module, in the order the help lists their commands. */
const ALL: Loader[] = [office, async () => [(await import('./case.js')).registerCase], sync, daemon, attendance, report, recipients, caseFlow, backup, settings];

/** The top-level command names and the module each lives in (test/cli/commands.test.ts checks it against the full tree). */
export const COMMAND_MODULES: Readonly<Record<string, Loader>> = {
  init: office, status: office, doctor: office, demo: office, ui: office,
  case: caseCommands, notice: caseFlow,
  sync, import: sync, enrolment: sync, pending: sync,
  daemon,
  attendance,
  report,
  household: recipients, review: recipients, recipient: recipients,
  backup, restore: backup,
  settings, standard: settings,
};

function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((a) => a === '-h' || a === '--help' || a === 'help');
}

/** Every register function, in the order the help lists their commands. */
export async function allRegistrations(): Promise<Register[]> {
  return (await Promise.all(ALL.map((l) => l()))).flat();
}

/** The register functions a run with these arguments needs. */
export async function registrationsFor(argv: readonly string[]): Promise<Register[]> {
  const word = wantsHelp(argv) ? null : commandWord(argv);
  // No command opens the app: that is the office module's default action.
  if (word === '') return office();
  if (word !== null && Object.hasOwn(COMMAND_MODULES, word)) return COMMAND_MODULES[word]!();
  return allRegistrations();
}
