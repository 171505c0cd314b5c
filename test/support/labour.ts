// Builds the people of public-service labour tests: valid ID numbers,
// households with members, 低保 enrolments and open applications.
import { checkCharacter } from '../../src/rules/idNumber.js';
import type { Case, Enrolment, Household, LabourAbility, Member } from '../../src/office/model.js';
import { newCase } from '../../src/office/model.js';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';

/** A valid 18-character ID number born on `birth` (YYYY-MM-DD); `seq` odd = male. */
export function idFor(birth: string, seq: number, region = '430105'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export interface PersonSpec {
  name: string;
  birth: string;
  ability?: LabourAbility;
  disability?: Member['disability'];
  initials?: string;
}

let seqCounter = 100;

export function member(householdId: string, p: PersonSpec, relation: Member['relation'] = '其他'): Member {
  return {
    idNumber: idFor(p.birth, seqCounter++),
    householdId,
    name: p.name,
    relation,
    labourAbility: p.ability ?? '有',
    disability: p.disability ?? null,
    incomes: [],
    initials: p.initials ?? p.name,
  };
}

export interface Family {
  household: Household;
  members: Member[];
}

export function family(people: PersonSpec[]): Family {
  const head = member('', people[0]!, '户主');
  const householdId = `h${head.idNumber}`;
  const members = [{ ...head, householdId }, ...people.slice(1).map((p) => member(householdId, p, '子女'))];
  const household: Household = {
    id: householdId,
    householderId: head.idNumber,
    area: '城市',
    address: '东风路12号3栋201',
    phone: '13800000000',
    housingArea: 45,
    createdAt: '2026-01-05T09:00:00+08:00',
    source: 'local',
    notes: [],
  };
  return { household, members };
}

export function enrolment(f: Family, opts: { status?: Enrolment['status']; since?: string; covered?: string[]; history?: Enrolment['history'] } = {}): Enrolment {
  const since = opts.since ?? '2026-01';
  return {
    id: `${f.household.id}:低保`,
    householdId: f.household.id,
    program: '低保',
    status: opts.status ?? 'active',
    monthlyAmountFen: 80000,
    persons: f.members.length,
    covered: opts.covered ?? f.members.map((m) => m.idNumber),
    category: 'C',
    since,
    caseNo: null,
    history: opts.history ?? [{ at: `${since}-01T09:00:00+08:00`, event: 'roster', month: since, source: 'local' }],
  };
}

export function openCase(f: Family, caseNo: string, acceptedOn: string, status: Case['status'] = 'accepted'): Case {
  return newCase({
    caseNo,
    householdId: f.household.id,
    program: '低保',
    area: '城市',
    status,
    applicationDate: acceptedOn,
    acceptedOn,
    circumstances: [],
    materials: [],
    interview: '',
    history: [],
  });
}

/** A real office on disk holding these families, enrolments and cases. */
export async function labourOffice(dir: string, content: { families: Family[]; enrolments?: Enrolment[]; cases?: Case[] }, now = '2026-11-02'): Promise<Office> {
  const office = await Office.create(dir, { ...process.env, JIUZHU_NOW: now });
  await office.transact({ operator: '王芳', source: 'local', action: 'test.setup' }, (tx) => {
    tx.put('settings', 'office', defaultSettings({ code: '430105003001', name: '东风社区' }));
    tx.put('meta', 'operator', { id: 'operator', name: '王芳' });
    for (const f of content.families) {
      tx.put('households', f.household.id, f.household);
      for (const m of f.members) tx.put('members', m.idNumber, m);
    }
    for (const e of content.enrolments ?? []) tx.put('enrolments', e.id, e);
    for (const c of content.cases ?? []) tx.put('cases', c.caseNo, c);
  });
  return office;
}
