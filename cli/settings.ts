// `jiuzhu settings show | set` and `jiuzhu standard set | list`: the office's own rules.
import type { Command } from 'commander';
import { AREAS, PROGRAMS } from '../src/office/model.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say } from './common.js';
import { t } from '../src/i18n/index.js';

export function registerSettings(program: Command): void {
  const s = program.command('settings').description(t('settings.helpSettings'));

  s.command('show')
    .description(t('settings.helpShow'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { settingRows, valueText } = await import('../src/office/settingKeys.js');
      const rows = settingRows(office.view);
      if (g.json) return printJson(Object.fromEntries(rows.map((r) => [r.key, { value: r.value, default: r.default, description: r.description }])));
      out(t('settings.showHead'));
      for (const r of rows) {
        const changed = JSON.stringify(r.value) === JSON.stringify(r.default) ? '' : t('settings.showChanged', { value: valueText(r.default) });
        out(t('settings.showLine', { key: r.key, value: valueText(r.value), changed }));
        out(t('settings.showDesc', { description: r.description, range: r.range }));
      }
    });

  s.command('set')
    .description(t('settings.helpSet'))
    .argument('<key>', t('settings.argKey'))
    .argument('<value>', t('settings.argValue'))
    .action(async (key: string, value: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { changeSetting, valueText } = await import('../src/office/settingKeys.js');
      const c = await changeSetting(office, operatorOf(g, office), key, value);
      if (g.json) return printJson(c);
      const same = JSON.stringify(c.was) === JSON.stringify(c.now);
      say(same ? t('settings.setSame', { key, now: valueText(c.now) }) : t('settings.setDone', { key, was: valueText(c.was), now: valueText(c.now) }));
    });

  const st = program.command('standard').description(t('settings.helpStandard'));

  st.command('set')
    .description(t('settings.helpStandardSet'))
    .requiredOption('--area <area>', t('settings.optArea', { areas: AREAS.join(' | ') }))
    .requiredOption('--program <program>', t('settings.optProgram', { programs: PROGRAMS.join(' | ') }))
    .requiredOption('--amount <yuan>', t('settings.optAmount'))
    .requiredOption('--from <date>', t('settings.optFrom'))
    .action(async (opts: { area: string; program: string; amount: string; from: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { keepStandard } = await import('../src/office/standards.js');
      const { fenToYuan } = await import('../src/rules/money.js');
      const rec = await keepStandard(office, operatorOf(g, office), opts);
      if (g.json) return printJson({ area: rec.area, program: rec.program, amount: fenToYuan(rec.monthlyFen), from: rec.from, source: 'hand' });
      say(t('settings.standardSet', { area: rec.area, program: rec.program, amount: fenToYuan(rec.monthlyFen), from: rec.from }));
    });

  st.command('list')
    .description(t('settings.helpStandardList'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { standardList, sourceText } = await import('../src/office/standards.js');
      const rows = standardList(office.view, office.now().date);
      if (g.json) return printJson(rows);
      if (!rows.length) return say(t('settings.standardNone', { area: AREAS[0], program: PROGRAMS[0] }));
      const { pad, width } = await import('../src/ui/layout.js');
      const inForce = t('settings.standardInForce');
      for (const r of rows) {
        out(t('settings.standardLine', { mark: r.inForce ? inForce : pad('', width(inForce)), area: r.area, program: r.program, amount: r.amount, from: r.from, source: sourceText(r) }));
      }
    });
}
