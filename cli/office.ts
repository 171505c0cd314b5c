// `jiuzhu init | status | doctor | demo | ui`: the office as a whole.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Office } from '../src/store/office.js';
import { isOfficeCode } from '../src/rules/officeCode.js';
import { runDoctor } from '../src/maintenance/doctor.js';
import { readDaemonStatus } from '../src/sync/daemonStatus.js';
import { dataDir, globals, openForReading, operatorOf, out, printJson, say, UsageError, UserError, type Globals } from './common.js';

async function openApp(g: Globals): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    say('这里不是交互式终端，无法打开界面。可用命令行：jiuzhu status 查看工作台，jiuzhu household search 姓名 / household show 身份证号 查看一户档案，jiuzhu case list 查看申请，jiuzhu review list --due 查看应复核的户，jiuzhu --help 查看全部命令。');
    process.exitCode = 1;
    return;
  }
  const { runApp } = await import('../src/ui/app.js');
  await runApp({ dataDir: dataDir(g), operator: g.operator });
}

export function registerOffice(program: Command): void {
  program
    .command('init')
    .description('初始化本社区的数据文件夹')
    .requiredOption('--office <code>', '12 位统计用区划代码，例如 430105003001')
    .requiredOption('--name <name>', '社区名称')
    .option('--area <area>', '城市 | 农村', '城市')
    .option('--shared <dir>', '与街道、区县交换文件的共享文件夹')
    .action(async (opts: { office: string; name: string; area: string; shared?: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!isOfficeCode(opts.office)) throw new UsageError(`--office 应为 12 位数字的区划代码（例如 430105003001），现在是「${opts.office}」`);
      if (opts.area !== '城市' && opts.area !== '农村') throw new UsageError(`--area 应为 城市 或 农村，现在是「${opts.area}」`);
      const dir = dataDir(g);
      // A folder whose init was cut off before its settings were saved may be initialised again.
      const existing = (await Office.exists(dir)) ? await Office.open(dir) : null;
      if (existing?.view.get('settings', 'office')) throw new UserError(`${dir} 里已经有办公室数据，不能重复初始化（要换数据文件夹请用 --data）`);
      const { defaultSettings } = await import('../src/office/settings.js');
      const office = existing ?? (await Office.create(dir));
      const settings = defaultSettings({ code: opts.office, name: opts.name, area: opts.area, shared: (opts.shared ?? g.shared) ? resolve((opts.shared ?? g.shared)!) : null });
      await office.transact({ operator: operatorOf(g), source: 'local', action: 'office.init', summary: `初始化 ${opts.name}` }, (tx) => {
        tx.put('settings', 'office', settings);
        // The clerk named at init signs every later change made without --operator.
        if (g.operator) tx.put('meta', 'operator', { id: 'operator', name: g.operator });
      });
      if (g.json) printJson({ dataDir: dir, office: settings.office });
      else say(`已初始化 ${opts.name}（${opts.office}），数据文件夹：${dir}`);
    });

  program
    .command('status')
    .description('打印一次工作台：到期、超期、待处理事项')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      // Loaded here: the dashboard reads the report templates (zod), which no other command needs.
      const { dashboard, dashboardText } = await import('../src/dashboard/dashboard.js');
      const d = dashboard(office.view, office.now().date, { daemon: readDaemonStatus(office.dir) });
      if (g.json) printJson(d);
      else out(dashboardText(d));
    });

  program
    .command('doctor')
    .description('检查数据文件、日志哈希链、权限；有损坏时退出码为 1')
    .option('--repair', '修复不需要猜测就能修复的问题')
    .action(async (opts: { repair?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      if (!existsSync(dir)) throw new UserError(`数据文件夹 ${dir} 不存在`);
      const report = await runDoctor(dir, { repair: opts.repair, ...(g.shared ? { shared: resolve(g.shared) } : {}) });
      if (g.json) printJson(report);
      else {
        for (const f of report.findings) say(`${f.level === 'damage' ? '损坏' : f.level === 'warning' ? '提示' : '已修复'}  ${f.where}：${f.what}`);
        say(report.ok ? `检查完毕：数据完好（日志 ${report.journalEntries} 条，哈希链完整）` : '检查完毕：发现损坏，见上。可先备份整个数据文件夹，再运行 jiuzhu doctor --repair 或从备份恢复');
      }
      if (!report.ok) process.exitCode = 1;
    });

  program
    .command('demo')
    .description('在一个空文件夹里生成演示社区数据，然后打开界面')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      // Without --data or JIUZHU_DATA the demo never touches the real office's folder.
      const dir = g.data || process.env.JIUZHU_DATA ? dataDir(g) : `${dataDir(g)}-demo`;
      const shared = g.shared ? resolve(g.shared) : `${dir}-shared`;
      if (!(await Office.exists(dir))) {
        const { writeDemoOffice } = await import('../src/demo/write.js');
        const { now } = await import('../src/office/clock.js');
        const made = await writeDemoOffice(dir, shared, { seed: 1, households: 300, officeCode: '430105003001', officeName: '东风社区', today: now().date });
        say(`已生成演示社区：${made.households} 户，${made.cases} 件申请，共享文件夹里有 ${made.inboxFiles} 个待接收文件。数据文件夹：${dir}`);
      }
      await openApp({ ...g, data: dir });
    });

  program
    .command('ui')
    .description('打开终端界面（不带命令运行 jiuzhu 也是这样）')
    .action(async (_opts: unknown, cmd: Command) => {
      await openApp(globals(cmd));
    });
  program.action(async (_opts: unknown, cmd: Command) => {
    if (cmd.args.length) throw new UsageError(`不认识的命令「${cmd.args[0]}」：用 jiuzhu --help 查看全部命令`);
    await openApp(globals(cmd));
  });
}
