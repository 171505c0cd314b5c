// The demo's people: ID numbers, names, families by kind, labour ability and
// incomes, addresses and phones, and the household record they make.
import type { Area, Circumstance, Household, Income, LabourAbility, Member, Relation, Source } from '../office/model.js';
import { DISABILITY_KINDS, GIGS, GIVEN, GRADES, ILLNESSES, JOBS, MOBILE_PREFIXES, STREETS, SURNAMES, VILLAGES, severe, standardFen } from './tables.js';
import type { Family, FamilyKind, HouseholdRec, Person } from './records.js';
import type { Generator } from './generate.js';
import { ageFromBirth, checkCharacter } from '../rules/idNumber.js';
import { clerk } from './cases.js';
import { dateOf, dayNo } from '../rules/dayNumber.js';
import { initialsOf } from '../household/initials.js';
import { monthOf, stamp } from './timeline.js';

export function idNumber(g: Generator, birth: string, sex: '男' | '女'): string {
  const base = g.region + birth.replaceAll('-', '');
  for (;;) {
    // Sequence 001–999: odd for men, even for women (GB 11643).
    const seq = g.rng.int(0, 498) * 2 + (sex === '男' ? 1 : 2);
    const first17 = base + String(seq).padStart(3, '0');
    if (g.usedIds.has(first17)) continue;
    g.usedIds.add(first17);
    return first17 + checkCharacter(first17);
  }
}

export function birthForAge(g: Generator, age: number): string {
  const end = dayNo(g.today) - Math.round(age * 365.2425);
  return dateOf(g.rng.int(end - 364, end));
}

export function givenName(g: Generator, birth: string, sex: '男' | '女'): string {
  const year = Number(birth.slice(0, 4));
  const band = GIVEN.find((g) => year <= g.until) ?? GIVEN[GIVEN.length - 1]!;
  return g.rng.pick(sex === '男' ? band.male : band.female);
}

export function surname(g: Generator, not?: string): string {
  for (;;) {
    const s = SURNAMES.draw(g.rng);
    if (s !== not) return s;
  }
}

export function person(g: Generator, relation: Relation, birth: string, sex: '男' | '女', surname: string): Person {
  return {
    name: surname + givenName(g, birth, sex),
    surname,
    sex,
    birth,
    relation,
    disability: null,
    labourAbility: '有',
    incomes: [],
    idNumber: '',
  };
}

/** Someone born `minYears`–`maxYears` after each of `births` (both parents), at least a month old today. */
export function youngerBirth(g: Generator, births: string[], minYears: number, maxYears: number): string | null {
  let lo = -Infinity;
  let hi = dayNo(g.today) - 30;
  for (const b of births) {
    lo = Math.max(lo, dayNo(b) + Math.ceil(minYears * 365.25));
    hi = Math.min(hi, dayNo(b) + Math.floor(maxYears * 365.25));
  }
  return hi < lo ? null : dateOf(g.rng.int(lo, hi));
}

export function family(g: Generator, kind: FamilyKind, tekun = false): Family {
  const r = g.rng;
  const people: Person[] = [];
  let widowed = false;
  const add = (p: Person): Person => {
    people.push(p);
    return p;
  };
  const householder = (ageLo: number, ageHi: number, maleShare: number): Person => {
    const birth = birthForAge(g, r.int(ageLo, ageHi));
    return add(person(g, '户主', birth, r.chance(maleShare) ? '男' : '女', surname(g)));
  };
  const spouseOf = (h: Person): Person => {
    let birth = dateOf(dayNo(h.birth) + r.int(-5 * 365, 5 * 365));
    if (ageFromBirth(birth, g.today) < 22) birth = dateOf(dayNo(h.birth) + r.int(0, 3 * 365));
    return add(person(g, '配偶', birth, h.sex === '男' ? '女' : '男', surname(g, h.surname)));
  };
  const fatherSurname = (h: Person, spouse: Person | null): string =>
    h.sex === '男' ? h.surname : spouse && spouse.sex === '男' ? spouse.surname : r.chance(0.5) ? h.surname : surname(g, h.surname);
  const children = (h: Person, spouse: Person | null, count: number, relation: Relation, minGap: number, maxGap: number): Person[] => {
    const out: Person[] = [];
    const parents = spouse ? [h.birth, spouse.birth] : [h.birth];
    for (let i = 0; i < count; i++) {
      const birth = youngerBirth(g, parents, minGap, maxGap);
      if (!birth) break;
      out.push(add(person(g, relation, birth, r.chance(0.52) ? '男' : '女', fatherSurname(h, spouse))));
    }
    return out;
  };

  switch (kind) {
    case 'tekun': {
      if (r.chance(0.75)) householder(60, 85, 0.55);
      else {
        const h = householder(30, 59, 0.6);
        h.disability = r.chance(0.5) ? '一级' : '二级';
        h.disabilityKind = r.pick(DISABILITY_KINDS);
      }
      break;
    }
    case 'single-elder':
      householder(60, 85, 0.35);
      break;
    case 'elder-couple': {
      const h = householder(62, 85, 0.85);
      spouseOf(h);
      break;
    }
    case 'couple-kids': {
      const h = householder(28, 55, 0.8);
      const s = spouseOf(h);
      children(h, s, r.chance(0.05) ? 3 : r.int(1, 2), '子女', 20, 35);
      break;
    }
    case 'three-gen': {
      const h = householder(35, 58, 0.8);
      const s = spouseOf(h);
      children(h, s, r.int(1, 2), '子女', 22, 35);
      // The householder's own parents, 20–35 years older: the father shares the surname.
      const both = r.chance(0.4);
      const father = both || r.chance(0.4);
      const fatherBirth = dateOf(dayNo(h.birth) - r.int(24 * 365, 35 * 365));
      const motherBirth = dateOf(dayNo(fatherBirth) + r.int(0, 4 * 365));
      if (father && ageFromBirth(fatherBirth, g.today) <= 92) add(person(g, '父母', fatherBirth, '男', h.surname));
      if ((both || !father) && ageFromBirth(motherBirth, g.today) <= 92) add(person(g, '父母', motherBirth, '女', surname(g, h.surname)));
      break;
    }
    case 'single-parent': {
      const h = householder(28, 50, 0.3);
      widowed = r.chance(0.3);
      children(h, null, r.int(1, 2), '子女', 20, 32);
      break;
    }
    case 'single-adult': {
      const h = householder(35, 60, 0.6);
      if (r.chance(0.5)) {
        h.disability = GRADES.draw(r);
        h.disabilityKind = r.pick(DISABILITY_KINDS);
      } else h.illness = r.pick(ILLNESSES);
      break;
    }
    case 'elder-disabled-child': {
      const h = householder(55, 80, 0.6);
      const s = r.chance(0.6) ? spouseOf(h) : null;
      const [c] = children(h, s, 1, '子女', 22, 35);
      if (c) {
        c.disability = r.chance(0.6) ? '一级' : '二级';
        c.disabilityKind = r.pick(['智力', '精神', '肢体']);
      }
      break;
    }
    case 'elder-grandchild': {
      const h = householder(55, 75, 0.5);
      const s = r.chance(0.5) ? spouseOf(h) : null;
      const birth = youngerBirth(g, s ? [h.birth, s.birth] : [h.birth], 42, 55);
      if (birth) add(person(g, '孙子女', birth, r.chance(0.5) ? '男' : '女', h.sex === '男' ? h.surname : (s?.surname ?? surname(g))));
      break;
    }
  }

  // Disability and illness beyond what the family kind brings.
  for (const p of people) {
    const age = ageFromBirth(p.birth, g.today);
    if (!tekun && p.disability === null && age >= 18 && r.chance(age >= 60 ? 0.08 : 0.05)) {
      p.disability = GRADES.draw(r);
      p.disabilityKind = r.pick(DISABILITY_KINDS);
    }
    if (age >= 6 && age <= 22 && (p.relation === '子女' || p.relation === '孙子女')) {
      if (age <= 11) p.school = '小学';
      else if (age <= 14) p.school = '初中';
      else if (age <= 17) p.school = r.chance(0.7) ? '高中' : '中职学校';
      else if (r.chance(0.5)) p.school = '大学';
    }
  }
  if (!tekun && r.chance(0.08)) {
    const adults = people.filter((p) => ageFromBirth(p.birth, g.today) >= 30 && p.disability === null && !p.illness);
    if (adults.length) r.pick(adults).illness = r.pick(ILLNESSES);
  }

  for (const p of people) {
    p.labourAbility = ability(g, p);
    p.incomes = tekun ? [] : incomes(g, p);
  }
  for (const p of people) p.idNumber = idNumber(g, p.birth, p.sex);

  const area: Area = r.chance(0.08) ? '农村' : '城市';
  const circumstances: Circumstance[] = [];
  if (people.some((p) => p.disability)) circumstances.push('残疾');
  if (people.some((p) => p.illness)) circumstances.push('重大疾病');
  if (kind === 'single-parent') circumstances.push('单亲');
  if (people.some((p) => p.school && p.relation !== '户主')) circumstances.push('子女就学');
  return {
    kind,
    people,
    area,
    address: address(g, area),
    phone: phone(g, ageFromBirth(people[0]!.birth, g.today) >= 60),
    housingArea: housing(g, area, people.length),
    circumstances,
    widowed,
  };
}

export function ability(g: Generator, p: Person): LabourAbility {
  const age = ageFromBirth(p.birth, g.today);
  if (age < 16 || (age < 18 && p.school) || p.school === '大学') return '无';
  if (severe(p.disability)) return '无';
  if (p.disability) return '部分';
  if (p.illness) return g.rng.chance(0.6) ? '无' : '部分';
  if (age > 70) return '无';
  if (age > 60) return '部分';
  return g.rng.chance(0.06) ? '部分' : '有';
}

export function incomes(g: Generator, p: Person): Income[] {
  const r = g.rng;
  const age = ageFromBirth(p.birth, g.today);
  const out: Income[] = [];
  if (age >= 60) {
    if (r.chance(0.85)) out.push({ kind: '养老金', amountFen: r.yuan(140, 450), note: '城乡居民基本养老金' });
    if (p.sex === '男' && age >= 68 && r.chance(0.1)) out.push({ kind: '优抚金', amountFen: r.yuan(900, 1500), note: '退役军人定期抚恤补助' });
    if (r.chance(0.12)) out.push({ kind: '计划生育奖励扶助金', amountFen: 10000 });
  } else if (age >= 18 && !p.school) {
    if (p.labourAbility === '有') {
      const x = r.next();
      if (x < 0.5) out.push({ kind: '工资', amountFen: r.yuan(1300, 2600, 50) });
      else if (x < 0.9) out.push({ kind: '灵活就业', amountFen: r.yuan(600, 1800, 50) });
    } else if (p.labourAbility === '部分' && r.chance(0.5)) {
      out.push({ kind: '灵活就业', amountFen: r.yuan(300, 900, 50) });
    }
  } else if (p.school && age >= 12 && r.chance(0.05)) {
    out.push({ kind: '奖学金', amountFen: r.yuan(100, 300), note: '学校助学奖学金' });
  }
  return out;
}

/** Scales counted incomes down until the household's per-capita income is below `share` of the 低保 standard. */
export function makeEligible(g: Generator, f: Family, share: number): void {
  const std = standardFen(g, f.area, '低保', monthOf(g.today));
  const excluded = g.settings.excludedIncomeKinds;
  const target = Math.floor(std * share) * f.people.length;
  const counted = () => countedFen(g, f);
  let total = counted();
  if (total <= target) return;
  const factor = target / total;
  for (const p of f.people) {
    p.incomes = p.incomes
      .map((i) => (excluded.includes(i.kind) ? i : { ...i, amountFen: Math.floor((i.amountFen * factor) / 1000) * 1000 }))
      .filter((i) => i.amountFen >= 5000);
  }
  total = counted();
  if (total > target) for (const p of f.people) p.incomes = p.incomes.filter((i) => excluded.includes(i.kind));
}

export function address(g: Generator, area: Area): string {
  const r = g.rng;
  if (area === '农村') return `${r.pick(VILLAGES)}${r.int(1, 12)}组${r.int(1, 86)}号`;
  const { street, estates } = r.pick(STREETS);
  const no = r.int(1, 240);
  const room = `${r.int(1, 7)}${String(r.int(1, 4)).padStart(2, '0')}`;
  const x = r.next();
  if (x < 0.4) return `${street}${no}号${r.pick(estates)}${r.int(1, 24)}栋${room}`;
  if (x < 0.65) return `${street}${no}号院${r.int(1, 12)}栋${r.int(1, 4)}单元${room}`;
  if (x < 0.85) return `${r.pick(estates)}${r.int(1, 24)}栋${room}`;
  return `${street}${no}号${r.int(1, 9)}栋${room}`;
}

export function phone(g: Generator, elderly: boolean): string {
  const r = g.rng;
  if (g.landline && r.chance(elderly ? 0.4 : 0.05)) {
    return `${g.landline}-${g.landline.length === 3 ? r.int(5, 8) : 8}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  }
  return `${r.pick(MOBILE_PREFIXES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function housing(g: Generator, area: Area, persons: number): number | null {
  const r = g.rng;
  if (r.chance(0.05)) return null;
  const m2 = area === '农村' ? r.int(600, 1400) : r.int(180, 650 + persons * 60);
  return m2 / 10;
}

export function household(g: Generator, f: Family, createdOn: string, source: Source): HouseholdRec {
  const h = f.people[0]!;
  const household: Household = {
    id: `h${h.idNumber}`,
    householderId: h.idNumber,
    area: f.area,
    address: f.address,
    phone: f.phone,
    housingArea: f.housingArea,
    createdAt: stamp(g, createdOn),
    source,
    notes: [],
  };
  if (g.rng.chance(0.04)) {
    household.notes.push({
      at: stamp(g, createdOn, household.createdAt),
      by: clerk(g),
      text: g.rng.pick(['户主行动不便，入户前请先电话联系', '白天家中常无人，请傍晚入户', '户主耳背，电话请找邻居转告']),
    });
  }
  const members = f.people.map(
    (p): Member => ({
      idNumber: p.idNumber,
      householdId: household.id,
      name: p.name,
      relation: p.relation,
      labourAbility: p.labourAbility,
      disability: p.disability,
      incomes: p.incomes,
      initials: initialsOf(p.name),
    }),
  );
  const rec: HouseholdRec = { household, family: f, members, householder: h };
  g.households.push(rec);
  return rec;
}

export function countedFen(g: Generator, f: Family): number {
  const excluded = g.settings.excludedIncomeKinds;
  return f.people.reduce((s, p) => s + p.incomes.filter((i) => !excluded.includes(i.kind)).reduce((a, i) => a + i.amountFen, 0), 0);
}

export function perCapitaFen(g: Generator, f: Family): number {
  return countedFen(g, f) / f.people.length;
}

export function perCapitaShortfall(g: Generator, f: Family, month: string, persons: number): number {
  const std = standardFen(g, f.area, '低保', month);
  const counted = countedFen(g, f);
  // (standard − per-capita income) × persons, in whole yuan.
  const fen = ((std * f.people.length - counted) * persons) / f.people.length;
  return Math.max(100, Math.round(fen / 100) * 100);
}

export function describe(g: Generator, p: Person, self: boolean): string {
  const parts: string[] = [];
  const relWord: Partial<Record<Relation, string>> = {
    配偶: p.sex === '男' ? '丈夫' : '妻子',
    子女: p.sex === '男' ? '儿子' : '女儿',
    父母: p.sex === '男' ? '父亲' : '母亲',
    孙子女: p.sex === '男' ? '孙子' : '孙女',
  };
  const who = self ? '本人' : `${relWord[p.relation] ?? ''}${p.name}`;
  if (p.school) parts.push(`在${p.school}读书`);
  if (p.disability) parts.push(`${p.disabilityKind ?? '肢体'}残疾${p.disability}`);
  if (p.illness) parts.push(`患${p.illness}`);
  for (const i of p.incomes) {
    const y = i.amountFen / 100;
    if (i.kind === '工资') parts.push(`${g.rng.pick(JOBS)}，月工资约${y}元`);
    else if (i.kind === '灵活就业') parts.push(`${g.rng.pick(GIGS)}，收入不稳定，月均约${y}元`);
    else if (i.kind === '养老金') parts.push(`每月领取城乡居民养老金约${y}元`);
    else if (i.kind === '优抚金') parts.push(`系退役军人，每月领取优抚金${y}元`);
    else if (i.kind === '计划生育奖励扶助金') parts.push(`每月领取计划生育奖励扶助金${y}元`);
    else parts.push(`有${i.kind}${y}元`);
  }
  if (p.incomes.length === 0 && !p.school && ageFromBirth(p.birth, g.today) >= 18) {
    parts.push(p.labourAbility === '有' ? '目前失业在家，正在找工作' : '无劳动能力，无收入');
  }
  if (ageFromBirth(p.birth, g.today) < 6) parts.push('年幼');
  return `${who}${parts.join('，')}`;
}
