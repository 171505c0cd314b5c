// The demo office: a realistic community office (households, cases at every
// stage, recipients, pending items, inbound files waiting in the shared
// folder) generated from a seed, for `jiuzhu demo`, training and the benches.
// Pure and deterministic: its own PRNG, no clock ("today" is a parameter), no I/O.
//
// One office code holds every household, even at bench sizes (20,000 is a
// township's worth of recipients under one community code): the stores, the
// case numbers and the inbound files all belong to one office, and a bench
// measures the code paths, not the realism of one community's size.
//
// The generator holds the office being built; its steps live in tables,
// people, timeline, cases, enrolments and inbox (each a function of it).
import { AREA_CODES, makeStandards } from './tables.js';
import type { Case, Enrolment, Household, Member, PendingItem, Standard } from '../office/model.js';
import type { CaseRec, EnrolmentRec, HouseholdRec, Scenario } from './records.js';
import { DATE_RE, onWorkday } from './timeline.js';
import { Rng } from './rng.js';
import { type Settings, defaultSettings } from '../office/settings.js';
import { WorkingCalendar } from '../rules/workingDays.js';
import { addDays, dateOf, dayNo } from '../rules/dayNumber.js';
import { fileSource, inbox } from './inbox.js';
import { formatCaseNo, isOfficeCode } from '../rules/officeCode.js';
import { makePending, scenario, scenarios } from './cases.js';
import { t } from '../i18n/index.js';

export interface GenerateOptions {
  seed: number;
  households: number;
  officeCode: string;
  officeName: string;
  /** `YYYY-MM-DD`: every date is computed backwards from it. */
  today: string;
}

export interface InboxFile {
  /** Relative to `<shared>/inbox`, `/`-separated; may contain a subfolder. */
  path: string;
  content: Buffer;
}

export interface DemoOffice {
  settings: Settings;
  households: Household[];
  members: Member[];
  cases: Case[];
  enrolments: Enrolment[];
  standards: (Standard & { id: string })[];
  pending: PendingItem[];
  inbox: InboxFile[];
}

export class Generator {
  readonly rng: Rng;
  readonly cal = new WorkingCalendar();
  readonly today: string;
  readonly lastWorkday: string;
  readonly year: number;
  readonly region: string;
  readonly usedIds = new Set<string>();
  readonly fileShas = new Map<string, string>();
  readonly landline: string | null;
  readonly settings: Settings;
  readonly standards: (Standard & { id: string })[];

  readonly households: HouseholdRec[] = [];
  readonly cases: CaseRec[] = [];
  readonly enrolments: EnrolmentRec[] = [];
  readonly pending: PendingItem[] = [];
  // Targets of the inbound files, picked while the households are made.
  readonly reviewTargets: CaseRec[] = [];
  readonly decisionTargets: CaseRec[] = [];
  readonly verifyTargets: CaseRec[] = [];
  readonly changeTargets: { er: EnrolmentRec; kind: '调整' | '停发' | '恢复' | '退出' }[] = [];
  readonly tempAmounts = new Map<HouseholdRec, number>();

  constructor(readonly opts: GenerateOptions) {
    if (!isOfficeCode(opts.officeCode)) throw new RangeError(t('demo.badOfficeCode', { code: opts.officeCode }));
    if (!DATE_RE.test(opts.today) || dateOf(dayNo(opts.today)) !== opts.today) {
      throw new RangeError(t('demo.badToday', { today: opts.today }));
    }
    if (!Number.isInteger(opts.households) || opts.households < 1) throw new RangeError(t('demo.badHouseholds', { households: opts.households }));
    this.rng = new Rng(opts.seed);
    this.today = opts.today;
    this.lastWorkday = onWorkday(this, this.today);
    this.year = Number(this.today.slice(0, 4));
    this.region = opts.officeCode.slice(0, 6);
    this.landline = AREA_CODES[opts.officeCode.slice(0, 4)] ?? null;
    this.settings = defaultSettings({ code: opts.officeCode, name: opts.officeName, area: '城市' });
    this.standards = makeStandards(this);
  }

  // The calendar decides which days are worked; stepping over day numbers
  // here, each day asked once, keeps 20,000 households' timelines fast.
  readonly workCache = new Map<number, boolean>();

  generate(): DemoOffice {
    const counters = new Map<Scenario, number>();
    const rosterDate = onWorkday(this, addDays(this.today, -200));
    const rosterSource = fileSource(this, 'roster', rosterDate);
    for (const s of scenarios(this)) {
      const k = counters.get(s) ?? 0;
      counters.set(s, k + 1);
      scenario(this, s, k, rosterDate, rosterSource);
    }

    // Case numbers in order of application, the sequence restarting each year.
    this.cases.sort((a, b) => (a.c.applicationDate < b.c.applicationDate ? -1 : a.c.applicationDate > b.c.applicationDate ? 1 : a.order - b.order));
    const seq = new Map<number, number>();
    for (const cr of this.cases) {
      const y = Number(cr.c.applicationDate.slice(0, 4));
      const n = (seq.get(y) ?? 0) + 1;
      if (n > 9999) throw new RangeError(t('demo.tooManyCases', { year: y }));
      seq.set(y, n);
      cr.c.caseNo = formatCaseNo(this.opts.officeCode, y, n);
    }
    for (const er of this.enrolments) if (er.cr) er.e.caseNo = er.cr.c.caseNo;
    makePending(this);

    return {
      settings: this.settings,
      households: this.households.map((h) => h.household),
      members: this.households.flatMap((h) => h.members),
      cases: this.cases.map((cr) => cr.c),
      enrolments: this.enrolments.map((er) => er.e),
      standards: this.standards,
      pending: this.pending,
      inbox: inbox(this),
    };
  }

}

// ------------------------------------------------------------------ entry

/** A whole demo office, the same for the same options. */
export function generateOffice(opts: GenerateOptions): DemoOffice {
  return new Generator(opts).generate();
}
