// `jiuzhu init | status | doctor | demo | ui`: the office as a whole.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Office } from '../src/store/office.js';
import { isOfficeCode } from '../src/rules/officeCode.js';
import { AREAS, type Area } from '../src/office/model.js';
import { t, tIn } from '../src/i18n/index.js';
import { openApp } from './openApp.js';
import { dataDir, globals, operatorOf, printJson, say, UsageError, UserError, type Globals } from './common.js';

const isArea = (a: string): a is Area => (AREAS as readonly string[]).includes(a);

export function registerOffice(program: Command): void {
  program
    .command('init')
    .description(t('cli.init.description'))
    .requiredOption('--office <code>', t('cli.init.office'))
    .requiredOption('--name <name>', t('cli.init.name'))
    .option('--area <area>', t('cli.init.area', { urban: AREAS[0], rural: AREAS[1] }), AREAS[0])
    .option('--shared <dir>', t('cli.init.shared'))
    .action(async (opts: { office: string; name: string; area: string; shared?: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!isOfficeCode(opts.office)) throw new UsageError(t('cli.init.badOffice', { value: opts.office }));
      if (!isArea(opts.area)) throw new UsageError(t('cli.init.badArea', { urban: AREAS[0], rural: AREAS[1], value: opts.area }));
      const dir = dataDir(g);
      // A folder whose init was cut off before its settings were saved may be initialised again.
      const existing = (await Office.exists(dir)) ? await Office.open(dir) : null;
      if (existing?.view.get('settings', 'office')) throw new UserError(t('cli.init.already', { dir }));
      const { defaultSettings } = await import('../src/office/settings.js');
      const office = existing ?? (await Office.create(dir));
      const settings = defaultSettings({ code: opts.office, name: opts.name, area: opts.area, shared: (opts.shared ?? g.shared) ? resolve((opts.shared ?? g.shared)!) : null });
      await office.transact({ operator: operatorOf(g), source: 'local', action: 'office.init', summary: tIn('zh', 'cli.init.summary', { name: opts.name }) }, (tx) => {
        tx.put('settings', 'office', settings);
        // The clerk named at init signs every later change made without --operator.
        if (g.operator) tx.put('meta', 'operator', { id: 'operator', name: g.operator });
      });
      if (g.json) printJson({ dataDir: dir, office: settings.office });
      else say(t('cli.init.done', { name: opts.name, code: opts.office, dir }));
    });

  program
    .command('status')
    .description(t('cli.status.description'))
    .action(async (_opts: unknown, cmd: Command) => (await import('./status.js')).runStatus(globals(cmd)));

  program
    .command('doctor')
    .description(t('cli.doctor.description'))
    .option('--repair', t('cli.doctor.repair'))
    .action(async (opts: { repair?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      if (!existsSync(dir)) throw new UserError(t('cli.doctor.noDataDir', { dir }));
      const { runDoctor } = await import('../src/maintenance/doctor.js');
      const report = await runDoctor(dir, { repair: opts.repair, ...(g.shared ? { shared: resolve(g.shared) } : {}) });
      if (g.json) printJson(report);
      else {
        for (const f of report.findings) say(t('cli.doctor.finding', { level: f.level === 'damage' ? t('cli.doctor.damage') : f.level === 'warning' ? t('cli.doctor.warning') : t('cli.doctor.repaired'), where: f.where, what: f.what }));
        say(report.ok ? t('cli.doctor.ok', { entries: report.journalEntries }) : t('cli.doctor.bad'));
      }
      if (!report.ok) process.exitCode = 1;
    });

  program
    .command('demo')
    .description(t('cli.demo.description'))
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      // Without --data or JIUZHU_DATA the demo never touches the real office's folder.
      const dir = g.data || process.env.JIUZHU_DATA ? dataDir(g) : `${dataDir(g)}-demo`;
      const shared = g.shared ? resolve(g.shared) : `${dir}-shared`;
      if (!(await Office.exists(dir))) {
        const { writeDemoOffice } = await import('../src/demo/write.js');
        const { now } = await import('../src/office/clock.js');
        // The demo office is data, Chinese in every language like the people it holds.
        const made = await writeDemoOffice(dir, shared, { seed: 1, households: 300, officeCode: '430105003001', officeName: tIn('zh', 'cli.demo.officeName'), today: now().date });
        say(t('cli.demo.made', { households: made.households, cases: made.cases, files: made.inboxFiles, dir }));
      }
      await openApp({ ...g, data: dir });
    });

  program
    .command('ui')
    .description(t('cli.ui.description'))
    .action(async (_opts: unknown, cmd: Command) => {
      await openApp(globals(cmd));
    });
  program.action(async (_opts: unknown, cmd: Command) => {
    if (cmd.args.length) throw new UsageError(t('cli.error.unknownCommand', { name: cmd.args[0]! }));
    await openApp(globals(cmd));
  });
}
