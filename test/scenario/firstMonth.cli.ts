// The first month through the command line, in child processes: each step
// run on its day, and what each printed, for the test to read.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jiuzhu, type RunResult } from '../support/cli.js';
import { AT, CHEN, CHEN_HAORAN, FILES, INTAKES, LI_MEI, OFFICE, RENT, SETTINGS, STANDARD, WAY, WITHDRAW_NOTE, drop, LIU } from './firstMonth.js';

export interface CliMonth {
  data: string;
  shared: string;
  /** What each step printed, by name. */
  said: Record<string, RunResult>;
}

export function cliMonth(): CliMonth {
  const root = mkdtempSync(join(tmpdir(), 'jiuzhu-month-cli-'));
  const data = join(root, 'office');
  const shared = join(root, 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const said: Record<string, RunResult> = {};
  const run = (name: string, at: string, args: string[]): RunResult => {
    const r = jiuzhu(['--data', data, ...args], { JIUZHU_NOW: at, JIUZHU_OPERATOR: '王芳' });
    said[name] = r;
    if (r.code !== 0 && !name.startsWith('refused:')) throw new Error(`jiuzhu ${args.join(' ')} (${name}) exited ${r.code}: ${r.stderr}`);
    return r;
  };

  run('init', AT.init, ['init', '--office', OFFICE, '--name', '东风社区', '--shared', shared, '--operator', '王芳']);
  run('standard', AT.intake, ['standard', 'set', '--area', STANDARD.area, '--program', STANDARD.program, '--amount', STANDARD.amount, '--from', STANDARD.from]);
  for (const [key, value] of SETTINGS) run(`settings:${key}`, AT.intake, ['settings', 'set', key, value]);
  INTAKES.forEach((doc, i) => {
    const file = join(root, `intake-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(doc));
    run(`add:${i + 1}`, AT.intake, ['case', 'add', '--from', file]);
  });
  for (const caseNo of [LIU, CHEN, RENT]) {
    for (const s of WAY) {
      const args = ['case', 'advance', caseNo, s.step];
      if ('by' in s) args.push('--by', s.by);
      if (s.step === 'review') args.push('--result', '通过');
      if ('note' in s) args.push('--note', s.note);
      run(`${caseNo === RENT && s.step === 'submit' ? 'refused:' : ''}${s.step}:${caseNo}`, s.at, args);
    }
  }
  run(`withdraw:${RENT}`, AT.submit, ['case', 'advance', RENT, 'withdraw', '--note', WITHDRAW_NOTE]);
  for (const f of [FILES.verification, FILES.township, FILES.county]) {
    drop(shared, f);
    run(`sync:${f.name}`, f.at, ['sync', 'once']);
  }
  run('show:chen', AT.county, ['case', 'show', CHEN]);
  run('pending', AT.county, ['pending', 'list']);
  run('cover', AT.cover, ['enrolment', 'cover', CHEN, '--members', `${LI_MEI},${CHEN_HAORAN}`]);
  run('enrolments', AT.cover, ['enrolment', 'list']);
  run('payroll', AT.payroll, ['report', 'fill', 'dibao-payroll', '--period', '2026-12', '--out', join(data, 'exports', '低保金发放签字表-2026-12.csv')]);
  run('plan', AT.payroll, ['attendance', 'plan', '--month', '2026-12']);
  run('roster', AT.payroll, ['attendance', 'roster', '--date', '2026-12-01']);
  drop(shared, FILES.bad);
  run('sync:bad', FILES.bad.at, ['sync', 'once']);
  run('status', FILES.bad.at, ['status']);
  return { data, shared, said };
}
